// "Create dataset from N picked" for the Traces toolbar: the traces ticked in the table (every row of each)
// into a new or existing dataset, and a way to clear the ticks. Imports: react, picks store, ToDatasetDialog.
import { useState, type ReactElement } from 'react';
import { usePicksStore } from './picks-store.ts';
import { ToDatasetDialog } from './ToDatasetDialog.tsx';

export function PickedToDataset(): ReactElement | null {
  // The picks as they were when the dialog opened: adding clears the ticks, the dialog still names them.
  const [opened, setOpened] = useState<number[] | null>(null);
  const picked = usePicksStore((s) => s.traces);
  const clear = usePicksStore((s) => s.clearTraces);
  if (picked.length === 0 && !opened) return null;
  const noun = (n: number): string => (n === 1 ? 'trace' : 'traces');
  return (
    <span className="picked-bar" data-testid="picked-bar">
      <span className="muted small">
        <span className="strong" data-testid="picked-count">
          {picked.length}
        </span>{' '}
        {noun(picked.length)} picked
      </span>
      <button type="button" className="btn btn-sm btn-ghost" onClick={clear} data-testid="picked-clear">
        Clear
      </button>
      <button type="button" className="btn btn-sm btn-primary" onClick={() => setOpened([...picked])} disabled={picked.length === 0} data-testid="picked-to-dataset">
        Add picked to dataset
      </button>
      {opened ? (
        <ToDatasetDialog
          title={`Put the ${opened.length} picked ${noun(opened.length)} into a dataset`}
          onClose={() => setOpened(null)}
          onAdded={clear}
          allowExisting
          source={() => ({ source: { type: 'traces', traceIds: opened } })}
        />
      ) : null}
    </span>
  );
}
