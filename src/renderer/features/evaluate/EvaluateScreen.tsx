// The Evaluate screen: the list of runs (tick two to compare), or one run open with its comparison and rows;
// "New evaluation" opens the dialog from either. Imports: react, components, the stores and parts of this folder.
import { useEffect, type ReactElement } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { NewEvalDialog } from './NewEvalDialog.tsx';
import { RunsTable } from './RunsTable.tsx';
import { RunView } from './RunView.tsx';
import { useEvaluateStore } from './evaluate-store.ts';

export function EvaluateScreen(): ReactElement {
  const runs = useEvaluateStore((s) => s.runs);
  const loaded = useEvaluateStore((s) => s.loaded);
  const error = useEvaluateStore((s) => s.error);
  const openId = useEvaluateStore((s) => s.openId);
  const newOpen = useEvaluateStore((s) => s.newOpen);
  const setNewOpen = useEvaluateStore((s) => s.setNewOpen);
  const loadRuns = useEvaluateStore((s) => s.loadRuns);

  useEffect(() => {
    void loadRuns();
  }, [loadRuns]);

  const newButton = (
    <button type="button" className="btn btn-primary btn-sm" onClick={() => setNewOpen(true)} data-testid="new-eval">
      New evaluation
    </button>
  );
  return (
    <div className="eval-screen" data-testid="evaluate-screen" data-loaded={loaded ? 'true' : 'false'}>
      {openId !== null ? (
        <RunView newButton={newButton} />
      ) : (
        <>
          <div className="eval-toolbar">
            <h2>Evaluations</h2>
            <span className="muted small">Models and prompt versions measured against frozen eval versions</span>
            <div className="eval-toolbar-actions">{newButton}</div>
          </div>
          {error ? <ErrorNote message={error} onRetry={() => void loadRuns()} /> : null}
          {loaded && runs.length === 0 && !error ? (
            <EmptyState icon="evaluate" title="No evaluations yet" action={newButton}>
              <p>Run one or more models over a frozen eval version and compare accuracy (with its 95 % interval), cost per row and latency side by side, against the original responses as a baseline.</p>
              <p className="muted">A candidate system prompt can be tested on the same rows before it ships.</p>
            </EmptyState>
          ) : runs.length > 0 ? (
            <RunsTable />
          ) : null}
        </>
      )}
      {newOpen ? <NewEvalDialog /> : null}
    </div>
  );
}
