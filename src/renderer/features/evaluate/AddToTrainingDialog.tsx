// "Add to training draft": the ticked rows (or the open one) go into a training dataset's draft through the
// usual add-rows path, so its leakage guard still applies; the report says what went in and why any did not.
// Imports: react, components, the api client, the datasets dialog frame, the rows store.
import { useEffect, useState, type ReactElement } from 'react';
import { api, errorMessage } from '../../api/index.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { DatasetDialog } from '../datasets/DatasetDialog.tsx';
import { useEvalRowsStore } from './eval-rows-store.ts';
import { useEvaluateStore } from './evaluate-store.ts';
import type { DatasetSummary } from '../../../shared/contract/index.ts';

export function AddToTrainingDialog({ onClose }: { onClose: () => void }): ReactElement {
  const targets = useEvalRowsStore((s) => s.targets);
  const addToTraining = useEvalRowsStore((s) => s.addToTraining);
  const busy = useEvalRowsStore((s) => s.busy);
  const [keys] = useState(() => targets());
  const [datasets, setDatasets] = useState<DatasetSummary[]>([]);
  const [dataset, setDataset] = useState('');
  const [error, setError] = useState<string | null>(null);
  const evalDataset = useEvaluateStore((s) => s.detail?.run.dataset ?? null);
  const chosen = datasets.find((d) => d.name === dataset);
  // The guard keeps an eval set's own rows out of a training set that excludes it: say so before, not after.
  const guarded = evalDataset !== null && chosen?.excludes?.startsWith(`${evalDataset}@`) === true;

  useEffect(() => {
    api()
      .invoke('datasets.list', {})
      .then((all) => {
        const training = all.filter((d) => d.kind === 'training');
        setDatasets(training);
        setDataset((d) => d || (training[0]?.name ?? ''));
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  return (
    <DatasetDialog title={`Add ${keys.length === 1 ? `row ${keys[0]}` : `${keys.length} rows`} to a training draft`} onClose={onClose} testId="add-to-training-dialog">
      <form
        className="dataset-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (dataset) void addToTraining(keys, dataset).then((report) => report && onClose());
        }}
      >
        {datasets.length === 0 && !error ? <p className="small">No training dataset yet: create one on the Datasets screen first.</p> : null}
        <label className="field-inline">
          Training dataset
          <select className="input input-select input-sm" value={dataset} onChange={(e) => setDataset(e.target.value)} data-testid="training-dataset">
            {datasets.map((d) => (
              <option key={d.id} value={d.name}>
                {d.name}
                {d.excludes ? ` (excludes ${d.excludes})` : ''}
              </option>
            ))}
          </select>
        </label>
        <p className="muted small">The rows go into the draft as they are in the eval version; the dataset’s leakage guard still applies.</p>
        {guarded ? (
          <p className="text-warning small" data-testid="training-guarded">
            {dataset} excludes {chosen?.excludes}: its leakage guard will refuse these very rows. Add rows like them from the traces instead.
          </p>
        ) : null}
        {error ? <ErrorNote message={error} /> : null}
        <div className="dataset-form-actions">
          <button type="submit" className="btn btn-primary" disabled={!dataset || busy || keys.length === 0} data-testid="training-add">
            Add
          </button>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </DatasetDialog>
  );
}
