// Diff of two versions: pick from/to, then counts per kind and per field and the changed rows listed, page by page.
// Imports: react, components, lib/format, dataset-format, the datasets and tools stores.
import { useState, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { oneLine } from '../../lib/format.ts';
import { diffSummary, fieldCounts, versionLabel } from './dataset-format.ts';
import { DatasetDialog } from './DatasetDialog.tsx';
import { useDatasetsStore } from './datasets-store.ts';
import { useDatasetToolsStore } from './dataset-tools-store.ts';
import type { DatasetDetail, VersionRef } from '../../../shared/contract/index.ts';

function refs(d: DatasetDetail): VersionRef[] {
  return d.versions.map((v) => (v.number === null ? 'draft' : v.number));
}

const parseRef = (v: string): VersionRef => (v === 'draft' ? 'draft' : Number(v));

export function DiffDialog({ dataset }: { dataset: DatasetDetail }): ReactElement {
  const setTool = useDatasetToolsStore((s) => s.setTool);
  const runDiff = useDatasetToolsStore((s) => s.runDiff);
  const moreDiff = useDatasetToolsStore((s) => s.moreDiff);
  const diff = useDatasetToolsStore((s) => s.diff);
  const busy = useDatasetToolsStore((s) => s.busy);
  const error = useDatasetToolsStore((s) => s.error);
  const select = useDatasetsStore((s) => s.select);
  const options = refs(dataset);
  const frozen = options.filter((r) => r !== 'draft').sort((a, b) => Number(a) - Number(b));
  const [from, setFrom] = useState<VersionRef>(frozen[frozen.length - 2] ?? frozen[0] ?? 'draft');
  const [to, setTo] = useState<VersionRef>(frozen[frozen.length - 1] ?? 'draft');

  return (
    <DatasetDialog title={`Compare versions of ${dataset.name}`} onClose={() => setTool(null)} testId="diff-dialog">
      <div className="dataset-form-row">
        <label className="field-inline">
          From
          <select className="input input-select input-sm" value={String(from)} onChange={(e) => setFrom(parseRef(e.target.value))} data-testid="diff-from">
            {options.map((r) => (
              <option key={String(r)} value={String(r)}>
                {versionLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          To
          <select className="input input-select input-sm" value={String(to)} onChange={(e) => setTo(parseRef(e.target.value))} data-testid="diff-to">
            {options.map((r) => (
              <option key={String(r)} value={String(r)}>
                {versionLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-primary btn-sm" disabled={busy || from === to} onClick={() => void runDiff(dataset.name, from, to)} data-testid="diff-run">
          {busy ? 'Comparing…' : 'Compare'}
        </button>
      </div>
      {error ? <ErrorNote message={error} /> : null}
      {diff ? (
        <div className="dataset-diff" data-testid="diff-result">
          <p className="dataset-diff-summary" data-testid="diff-summary">
            <strong>
              {diff.from} → {diff.to}
            </strong>{' '}
            · {diffSummary(diff.counts)}
          </p>
          {fieldCounts(diff.counts).length > 0 ? (
            <p className="muted small">
              Changed fields: {fieldCounts(diff.counts).map((f) => `${f.field} ${f.count}`).join(' · ')}
            </p>
          ) : null}
          <ul className="dataset-diff-list">
            {diff.items.map((item) => {
              const kind = item.before === null ? 'added' : item.after === null ? 'removed' : 'changed';
              const row = item.after ?? item.before;
              return (
                <li key={item.rowKey} data-testid="diff-item" data-kind={kind}>
                  <span className={`badge ${kind === 'added' ? 'badge-success' : kind === 'removed' ? 'badge-danger' : 'badge-warning'}`}>{kind}</span>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      select(item.rowKey);
                      setTool(null);
                    }}
                  >
                    row {item.rowKey}
                  </button>
                  <span className="ellipsis">{oneLine(row?.prompt ?? '', 120)}</span>
                  {item.fields.length > 0 && kind === 'changed' ? <span className="muted small">{item.fields.join(', ')}</span> : null}
                </li>
              );
            })}
          </ul>
          {diff.nextCursor ? (
            <p className="muted small">
              Showing {diff.items.length} of {diff.counts.added + diff.counts.removed + diff.counts.changed}.{' '}
              <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void moreDiff()} data-testid="diff-more">
                {busy ? 'Loading…' : 'Show more'}
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
    </DatasetDialog>
  );
}
