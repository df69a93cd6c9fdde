// The keyboard shortcuts: one list that drives both the key handler and the help overlay.
// Imports: the stores whose actions shortcuts trigger.
import { useClusterMembersStore } from '../features/clusters/cluster-members-store.ts';
import { useClustersStore } from '../features/clusters/clusters-store.ts';
import { useEvalRowsStore } from '../features/evaluate/eval-rows-store.ts';
import { useEvaluateStore } from '../features/evaluate/evaluate-store.ts';
import { useReviewStore } from '../features/review/review-store.ts';
import { useImportsStore } from '../features/traces/imports-store.ts';
import { useTracesStore } from '../features/traces/traces-store.ts';
import { clustersInListOrder } from '../features/clusters/cluster-tree.ts';
import { useUiStore, type Screen } from './ui-store.ts';

export interface Shortcut {
  /** Space-separated sequence, e.g. `g t`. */
  keys: string;
  description: string;
  group: 'Navigate' | 'Traces' | 'Clusters' | 'Review' | 'Evaluate' | 'General';
  /** Only on this screen; the same keys may mean something else on another. */
  screen?: Screen;
  run(): void;
}

const go = (screen: Screen) => () => useUiStore.getState().go(screen);

function stepSelection(delta: 1 | -1): void {
  useTracesStore.getState().step(delta);
}

function stepCluster(delta: 1 | -1): void {
  const clusters = useClustersStore.getState();
  const order = clustersInListOrder(clusters.clusters);
  if (order.length === 0) return;
  const selected = clusters.selection?.kind === 'cluster' ? clusters.selection.id : null;
  const at = order.findIndex((c) => c.id === selected);
  const next = order[at < 0 ? 0 : Math.min(order.length - 1, Math.max(0, at + delta))];
  if (next) clusters.select({ kind: 'cluster', id: next.id });
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'g t', description: 'Go to Traces', group: 'Navigate', run: go('traces') },
  { keys: 'g c', description: 'Go to Clusters', group: 'Navigate', run: go('clusters') },
  { keys: 'g d', description: 'Go to Datasets', group: 'Navigate', run: go('datasets') },
  { keys: 'g r', description: 'Go to Review', group: 'Navigate', run: go('review') },
  { keys: 'g e', description: 'Go to Evaluate', group: 'Navigate', run: go('evaluate') },
  { keys: 'g j', description: 'Go to Jobs', group: 'Navigate', run: go('jobs') },
  { keys: 'g s', description: 'Go to Settings', group: 'Navigate', run: go('settings') },
  {
    keys: '/',
    description: 'Search traces',
    group: 'Traces',
    run: () => {
      useUiStore.getState().go('traces');
      useUiStore.getState().requestFocus('search');
    },
  },
  {
    keys: 'o',
    description: 'Import files',
    group: 'Traces',
    run: () => {
      useUiStore.getState().go('traces');
      const imports = useImportsStore.getState();
      if (!imports.pickerAvailable) return useUiStore.getState().requestFocus('import-path');
      void imports.pickAndStart().then(() => {
        if (!useImportsStore.getState().pickerAvailable) useUiStore.getState().requestFocus('import-path');
      });
    },
  },
  { keys: 'j', description: 'Next trace', group: 'Traces', screen: 'traces', run: () => stepSelection(1) },
  { keys: 'k', description: 'Previous trace', group: 'Traces', screen: 'traces', run: () => stepSelection(-1) },
  { keys: 'j', description: 'Open the next cluster', group: 'Clusters', screen: 'clusters', run: () => stepCluster(1) },
  { keys: 'k', description: 'Open the previous cluster', group: 'Clusters', screen: 'clusters', run: () => stepCluster(-1) },
  { keys: 'm', description: 'Merge the ticked clusters', group: 'Clusters', screen: 'clusters', run: () => void useClustersStore.getState().merge() },
  { keys: 'a', description: 'Accept the row', group: 'Review', screen: 'review', run: () => void useReviewStore.getState().decide('accept') },
  { keys: 'r', description: 'Reject the row', group: 'Review', screen: 'review', run: () => void useReviewStore.getState().decide('reject') },
  { keys: 'e', description: 'Edit the response', group: 'Review', screen: 'review', run: () => useReviewStore.getState().setEditor('response') },
  { keys: 'l', description: 'Label the row', group: 'Review', screen: 'review', run: () => useReviewStore.getState().setEditor('labels') },
  { keys: 'n', description: 'Add a note', group: 'Review', screen: 'review', run: () => useReviewStore.getState().setEditor('note') },
  { keys: 'u', description: 'Undo the last decision', group: 'Review', screen: 'review', run: () => void useReviewStore.getState().undoLast() },
  { keys: 'Ctrl+z', description: 'Undo the last decision', group: 'Review', screen: 'review', run: () => void useReviewStore.getState().undoLast() },
  { keys: 'j', description: 'Next row', group: 'Review', screen: 'review', run: () => useReviewStore.getState().move(1) },
  { keys: 'k', description: 'Previous row', group: 'Review', screen: 'review', run: () => useReviewStore.getState().move(-1) },
  { keys: 'j', description: 'Open the next row', group: 'Evaluate', screen: 'evaluate', run: () => useEvalRowsStore.getState().move(1) },
  { keys: 'k', description: 'Open the previous row', group: 'Evaluate', screen: 'evaluate', run: () => useEvalRowsStore.getState().move(-1) },
  { keys: '?', description: 'Show keyboard shortcuts', group: 'General', run: () => useUiStore.getState().setHelpOpen(true) },
  { keys: 'Esc', description: 'Close panel or overlay', group: 'General', run: closeTopmost },
];

/** Esc closes the topmost thing: the help overlay, then the screen's panels (similar rows, cluster; trace detail, files). */
export function closeTopmost(): void {
  const ui = useUiStore.getState();
  if (ui.helpOpen) return ui.setHelpOpen(false);
  if (ui.screen === 'review') {
    const review = useReviewStore.getState();
    if (review.bulkAsk) return review.askBulk(null);
    if (review.editor) review.setEditor(null);
    return;
  }
  if (ui.screen === 'evaluate') {
    const rows = useEvalRowsStore.getState();
    if (rows.index >= 0) return rows.close();
    const evaluate = useEvaluateStore.getState();
    if (evaluate.openId !== null) void evaluate.open(null);
    return;
  }
  if (ui.screen === 'clusters') {
    const members = useClusterMembersStore.getState();
    if (members.similar) return members.showSimilar(null);
    const clusters = useClustersStore.getState();
    if (clusters.selection) clusters.select(null);
    return;
  }
  const traces = useTracesStore.getState();
  if (traces.detail.id !== null) return traces.select(null);
  const imports = useImportsStore.getState();
  if (imports.panelOpen) imports.setPanelOpen(false);
}
