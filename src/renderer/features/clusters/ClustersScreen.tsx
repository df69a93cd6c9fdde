// Clusters screen placeholder: says what clustering will do and what to do now.
// The clustering change replaces this file's body; keep the screen's parts in this folder.
import type { ReactElement } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Kbd } from '../../components/Kbd.tsx';
import { useAppStore } from '../../stores/app-store.ts';
import { useUiStore } from '../../stores/ui-store.ts';

export function ClustersScreen(): ReactElement {
  const traces = useAppStore((s) => s.info?.traces ?? 0);
  const go = useUiStore((s) => s.go);
  return (
    <EmptyState
      icon="clusters"
      title={traces === 0 ? 'Import traces first' : 'Clustering is coming next'}
      action={
        <button type="button" className="btn btn-primary" onClick={() => go('traces')}>
          {traces === 0 ? 'Go to Traces' : 'Browse traces'} <Kbd keys="g t" />
        </button>
      }
    >
      <p>
        Clusters group similar traces (by embedding, offline by default) and name them, so you can see what your users ask
        for and promote a whole cluster into a dataset.
      </p>
      <p className="muted">
        {traces === 0
          ? 'There is nothing to cluster yet. Import a JSONL or CSV export on the Traces screen.'
          : 'This version does not cluster yet. Meanwhile, filter traces by environment, task, model and status on the Traces screen.'}
      </p>
    </EmptyState>
  );
}
