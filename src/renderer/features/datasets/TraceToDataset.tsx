// "Add to dataset" for a trace's detail: this trace's row into a new or existing dataset.
// Imports: react, ToDatasetDialog.
import { useState, type ReactElement } from 'react';
import { ToDatasetDialog } from './ToDatasetDialog.tsx';

export function TraceToDataset({ traceId }: { traceId: number }): ReactElement {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-sm" onClick={() => setOpen(true)} data-testid="trace-to-dataset">
        Add to dataset
      </button>
      {open ? <ToDatasetDialog title={`Add trace #${traceId} to a dataset`} onClose={() => setOpen(false)} allowExisting source={() => ({ source: { type: 'trace', traceId } })} /> : null}
    </>
  );
}
