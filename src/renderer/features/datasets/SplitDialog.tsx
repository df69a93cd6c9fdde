// Split a version into train / validation / test (grouped by conversation, seeded), showing the rows per split.
// Imports: react, components, lib/format, dataset-format, the datasets and tools stores.
import { useState, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatCount } from '../../lib/format.ts';
import { versionLabel } from './dataset-format.ts';
import { DatasetDialog } from './DatasetDialog.tsx';
import { useDatasetsStore } from './datasets-store.ts';
import { useDatasetToolsStore } from './dataset-tools-store.ts';
import type { DatasetDetail, VersionRef } from '../../../shared/contract/index.ts';

export function SplitDialog({ dataset, version }: { dataset: DatasetDetail; version: VersionRef }): ReactElement {
  const setTool = useDatasetToolsStore((s) => s.setTool);
  const runSplit = useDatasetToolsStore((s) => s.runSplit);
  const split = useDatasetToolsStore((s) => s.split);
  const busy = useDatasetToolsStore((s) => s.busy);
  const error = useDatasetToolsStore((s) => s.error);
  const showVersion = useDatasetsStore((s) => s.showVersion);
  const [test, setTest] = useState('0.2');
  const [validation, setValidation] = useState('0');
  const [seed, setSeed] = useState('1');
  const t = Number(test);
  const v = Number(validation);
  const valid = t > 0 && t < 1 && v >= 0 && v < 1 && t + v < 1 && Number.isInteger(Number(seed));

  return (
    <DatasetDialog title={`Split ${dataset.name}@${versionLabel(version)}`} onClose={() => setTool(null)} testId="split-dialog">
      <form
        className="dataset-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          void runSplit(dataset.name, version, t, v, Number(seed)).then((ok) => (ok ? showVersion(version) : undefined));
        }}
      >
        <p className="muted small">Rows of one conversation stay in one split; clusters are spread evenly. The same seed gives the same split.</p>
        <div className="dataset-form-row">
          <label className="field-inline">
            Test
            <input className="input input-sm" value={test} onChange={(e) => setTest(e.target.value)} inputMode="decimal" size={5} />
          </label>
          <label className="field-inline">
            Validation
            <input className="input input-sm" value={validation} onChange={(e) => setValidation(e.target.value)} inputMode="decimal" size={5} />
          </label>
          <label className="field-inline">
            Seed
            <input className="input input-sm" value={seed} onChange={(e) => setSeed(e.target.value)} inputMode="numeric" size={6} />
          </label>
        </div>
        {!valid ? <p className="text-warning small">Test must be between 0 and 1, and test + validation below 1.</p> : null}
        {error ? <ErrorNote message={error} /> : null}
        {split ? (
          <p data-testid="split-result">
            train {formatCount(split.rows.train)} · validation {formatCount(split.rows.validation)} · test {formatCount(split.rows.test)} rows
            {split.smallClusters.length > 0 ? <span className="text-warning"> · {split.smallClusters.length} clusters too small to spread</span> : null}
          </p>
        ) : null}
        <div className="dataset-form-actions">
          <button type="submit" className="btn btn-primary" disabled={!valid || busy}>
            {busy ? 'Splitting…' : 'Split'}
          </button>
        </div>
      </form>
    </DatasetDialog>
  );
}
