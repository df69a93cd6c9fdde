// One open dataset: header (kind, versions, freeze, tools), the last freeze's guardrail warnings, the rows
// table with the row editor, and the tool dialogs. Imports: react, components, lib/format, dataset parts, stores.
import { useState, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatCount } from '../../lib/format.ts';
import { CurationPanel } from '../curate/CurationPanel.tsx';
import { curationOpenPreference, saveCurationOpen } from '../curate/curation-preference.ts';
import { versionLabel } from './dataset-format.ts';
import { DatasetRowTable } from './DatasetRowTable.tsx';
import { useDatasetsStore } from './datasets-store.ts';
import { useDatasetToolsStore } from './dataset-tools-store.ts';
import { DiffDialog } from './DiffDialog.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { FinetuneDialog } from './FinetuneDialog.tsx';
import { LeakageDialog } from './LeakageDialog.tsx';
import { RowEditor } from './RowEditor.tsx';
import { SplitDialog } from './SplitDialog.tsx';
import type { DatasetDetail, VersionRef } from '../../../shared/contract/index.ts';

export function DatasetView({ dataset }: { dataset: DatasetDetail }): ReactElement {
  const version = useDatasetsStore((s) => s.rows.version) ?? 'draft';
  const total = useDatasetsStore((s) => s.rows.total);
  const showVersion = useDatasetsStore((s) => s.showVersion);
  const openDataset = useDatasetsStore((s) => s.openDataset);
  const freeze = useDatasetsStore((s) => s.freeze);
  const freezing = useDatasetsStore((s) => s.freezing);
  const lastFreeze = useDatasetsStore((s) => s.lastFreeze);
  const error = useDatasetsStore((s) => s.openError);
  const tool = useDatasetToolsStore((s) => s.tool);
  const setTool = useDatasetToolsStore((s) => s.setTool);
  const hasDraft = dataset.versions.some((v) => v.status === 'draft');
  const shown = dataset.versions.find((v) => (v.number ?? 'draft') === version);
  const [curating, setCurating] = useState(curationOpenPreference);
  const toggleCuration = () => {
    saveCurationOpen(!curating);
    setCurating(!curating);
  };

  return (
    <div className="dataset-view" data-testid="dataset-view" data-dataset={dataset.name}>
      <header className="dataset-header">
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => void openDataset(null)} aria-label="All datasets">
          ← Datasets
        </button>
        <h1 className="dataset-title">{dataset.name}</h1>
        <span className={`badge ${dataset.kind === 'eval' ? 'badge-info' : 'badge-success'}`}>{dataset.kind}</span>
        {dataset.excludes ? <span className="muted small">excludes {dataset.excludes}</span> : null}
        <label className="field-inline small">
          Version
          <select
            className="input input-select input-sm"
            value={String(version)}
            onChange={(e) => void showVersion(e.target.value === 'draft' ? 'draft' : Number(e.target.value))}
            data-testid="version-select"
          >
            {dataset.versions.map((v) => {
              const ref: VersionRef = v.number ?? 'draft';
              return (
                <option key={v.id} value={String(ref)}>
                  {versionLabel(ref)} · {formatCount(v.rows)} rows{v.status === 'frozen' ? ' · frozen' : ''}
                </option>
              );
            })}
          </select>
        </label>
        <span className="muted small" data-testid="dataset-total">
          {formatCount(total)} rows
        </span>
        <div className="dataset-actions">
          <button type="button" className="btn btn-primary btn-sm" disabled={!hasDraft || freezing} onClick={() => void freeze()} data-testid="freeze" title={hasDraft ? 'Snapshot the draft as the next version' : 'Nothing to freeze: edit a row to start a draft'}>
            {freezing ? 'Freezing…' : 'Freeze'}
          </button>
          {version === 'draft' ? (
            <button type="button" className="btn btn-sm btn-ghost" aria-pressed={curating} onClick={toggleCuration} data-testid="toggle-curation" title="Filters, judge and review of the draft">
              Curate
            </button>
          ) : null}
          <button type="button" className="btn btn-sm" disabled={dataset.versions.length < 2} onClick={() => setTool('diff')} data-testid="open-diff">
            Diff
          </button>
          <button type="button" className="btn btn-sm" onClick={() => setTool('split')} data-testid="open-split">
            Split
          </button>
          {dataset.kind === 'training' ? (
            <button type="button" className="btn btn-sm" onClick={() => setTool('leakage')} data-testid="open-leakage">
              Leakage
            </button>
          ) : null}
          <button type="button" className="btn btn-sm" onClick={() => setTool('export')} data-testid="open-export">
            <Icon name="upload" /> Export
          </button>
          {dataset.kind === 'training' && version !== 'draft' ? (
            <button type="button" className="btn btn-sm" onClick={() => setTool('finetune')} data-testid="open-finetune" title="Send this frozen version to a provider's fine-tuning API">
              Fine-tune
            </button>
          ) : null}
        </div>
      </header>
      {dataset.taskDescription ? (
        <p className="dataset-task muted small" title={dataset.taskDescription} data-testid="dataset-task">
          Task: {dataset.taskDescription}
        </p>
      ) : null}
      {error ? <ErrorNote message={error} /> : null}
      {lastFreeze ? (
        <div className="dataset-freeze-note" data-testid="freeze-result">
          <p>
            Froze <strong>{lastFreeze.version}</strong>: {formatCount(lastFreeze.rows)} rows, <code title={lastFreeze.hash}>{lastFreeze.hash.slice(0, 19)}…</code>
          </p>
          {lastFreeze.warnings.length > 0 ? (
            <ul className="text-warning" data-testid="freeze-warnings">
              {lastFreeze.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : shown && shown.warnings.length > 0 ? (
        <ul className="dataset-freeze-note text-warning" data-testid="version-warnings">
          {shown.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {curating && version === 'draft' && hasDraft ? <CurationPanel dataset={dataset.name} /> : null}
      <div className="dataset-body-split">
        <DatasetRowTable />
        <RowEditor />
      </div>
      {tool === 'diff' ? <DiffDialog dataset={dataset} /> : null}
      {tool === 'split' ? <SplitDialog dataset={dataset} version={version} /> : null}
      {tool === 'leakage' ? <LeakageDialog dataset={dataset} /> : null}
      {tool === 'export' ? <ExportDialog dataset={dataset} version={version} /> : null}
      {tool === 'finetune' && version !== 'draft' ? <FinetuneDialog dataset={dataset} version={version} /> : null}
    </div>
  );
}
