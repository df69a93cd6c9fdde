// "Promote to dataset" for a cluster's panel: which rows (all / all but outliers / score above a cut / the
// members ticked in the list) into a new or existing dataset. Imports: react, dataset-format, picks store,
// ToDatasetDialog.
import { useState, type ReactElement } from 'react';
import { clusterSource, type PromoteRows } from './dataset-format.ts';
import { pickedMembers, usePicksStore } from './picks-store.ts';
import { ToDatasetDialog } from './ToDatasetDialog.tsx';

export function PromoteToDataset({ clusterId, clusterName }: { clusterId: number; clusterName: string }): ReactElement {
  const [open, setOpen] = useState(false);
  const [chosen, setRows] = useState<PromoteRows | null>(null);
  const [cut, setCut] = useState('0.6');
  const picked = usePicksStore((s) => pickedMembers(s, clusterId));
  const clearMembers = usePicksStore((s) => s.clearMembers);
  // Ticked members are what the user meant, until they choose otherwise.
  const rows: PromoteRows = chosen ?? (picked.length > 0 ? 'picked' : 'members');
  return (
    <>
      <button type="button" className="btn btn-sm" onClick={() => setOpen(true)} data-testid="promote-to-dataset">
        {picked.length > 0 ? `Promote to dataset (${picked.length} picked)` : 'Promote to dataset'}
      </button>
      {open ? (
        <ToDatasetDialog
          title={`Promote “${clusterName}” to a dataset`}
          onClose={() => {
            setOpen(false);
            setRows(null);
          }}
          onAdded={() => {
            if (rows === 'picked') clearMembers();
          }}
          allowExisting
          source={() => clusterSource(clusterId, rows, cut, picked)}
        >
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
            <label className="field-inline">
              <input type="radio" name="promote-rows" checked={rows === 'picked'} onChange={() => setRows('picked')} data-testid="promote-picked" />
              {picked.length > 0 ? ` The ${picked.length} ${picked.length === 1 ? 'member' : 'members'} ticked in the list` : ' Members ticked in the list (none yet)'}
            </label>
          </fieldset>
        </ToDatasetDialog>
      ) : null}
    </>
  );
}
