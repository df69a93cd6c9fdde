// What the Evaluate screen reloads when evaluations change (a run's job settled, results arrived): the runs,
// the open run's scores, and its first rows. Imports: the stores of this folder.
import { useEvalRowsStore } from './eval-rows-store.ts';
import { useEvaluateStore } from './evaluate-store.ts';

export function refreshEvaluations(): void {
  const evaluate = useEvaluateStore.getState();
  // Nothing shown yet: the screen loads its runs when it opens.
  if (!evaluate.loaded) return;
  void evaluate.refresh();
  if (evaluate.openId !== null && useEvalRowsStore.getState().runId === evaluate.openId) void useEvalRowsStore.getState().reload();
}
