// "Create dataset from this filter" for the Traces toolbar: the traces store's current filter as the source.
// Imports: react, lib/filter, ToDatasetDialog, the traces store.
import { useState, type ReactElement } from 'react';
import { toWhere } from '../../lib/filter.ts';
import { useTracesStore } from '../traces/traces-store.ts';
import { ToDatasetDialog } from './ToDatasetDialog.tsx';

export function FilterToDataset(): ReactElement {
  const [open, setOpen] = useState(false);
  const filter = useTracesStore((s) => s.filter);
  return (
    <>
      <button type="button" className="btn btn-sm" onClick={() => setOpen(true)} data-testid="filter-to-dataset">
        Create dataset from this filter
      </button>
      {open ? (
        <ToDatasetDialog title="Create a dataset from the traces shown" onClose={() => setOpen(false)} allowExisting={false} source={() => ({ source: { type: 'filter', where: toWhere(filter) } })} />
      ) : null}
    </>
  );
}
