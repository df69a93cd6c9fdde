// "Promote to dataset" for a cluster's panel: which rows (all / all but outliers / score above a cut) into a
// new or existing dataset. Imports: react, dataset-format, ToDatasetDialog.
import { useState, type ReactElement } from 'react';
import { clusterSource, type PromoteRows } from './dataset-format.ts';
import { ToDatasetDialog } from './ToDatasetDialog.tsx';

export function PromoteToDataset({ clusterId, clusterName }: { clusterId: number; clusterName: string }): ReactElement {
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<PromoteRows>('members');
  const [cut, setCut] = useState('0.6');
  return (
    <>
      <button type="button" className="btn btn-sm" onClick={() => setOpen(true)} data-testid="promote-to-dataset">
        Promote to dataset
      </button>
      {open ? (
        <ToDatasetDialog title={`Promote “${clusterName}” to a dataset`} onClose={() => setOpen(false)} allowExisting source={() => clusterSource(clusterId, rows, cut)}>
          <fieldset className="dataset-field">
            <span className="section-label">Rows</span>
            <label className="field-inline">
              <input type="radio" name="promote-rows" checked={rows === 'members'} onChange={() => setRows('members')} /> All members (no outliers)
            </label>
            <label className="field-inline">
              <input type="radio" name="promote-rows" checked={rows === 'all'} onChange={() => setRows('all')} /> Members and the outliers nearest to it
            </label>
            <label className="field-inline">
              <input type="radio" name="promote-rows" checked={rows === 'above'} onChange={() => setRows('above')} /> Members with score above
              <input className="input input-sm" size={5} value={cut} onChange={(e) => setCut(e.target.value)} disabled={rows !== 'above'} aria-label="Score cut" />
            </label>
          </fieldset>
        </ToDatasetDialog>
      ) : null}
    </>
  );
}
