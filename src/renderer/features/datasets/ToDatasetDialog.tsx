// Put rows into a dataset from elsewhere (cluster, traces filter, one trace): a new dataset (name, kind) or an
// existing one's draft, then the add report. Imports: react, components, the api client, the stores.
import { useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { api, errorMessage } from '../../api/index.ts';
import { useUiStore } from '../../shell/ui-store.ts';
import { DatasetDialog } from './DatasetDialog.tsx';
import { useDatasetsStore } from './datasets-store.ts';
import type { AddReport, DatasetKind, RowSource } from '../../../shared/contract/index.ts';

export function ToDatasetDialog({
  title,
  onClose,
  source,
  allowExisting,
  children,
}: {
  title: string;
  onClose: () => void;
  /** The rows to put in, or an error the extra fields (children) explain. */
  source: () => { source: RowSource } | { error: string };
  allowExisting: boolean;
  children?: ReactNode;
}): ReactElement {
  const list = useDatasetsStore((s) => s.list);
  const loadList = useDatasetsStore((s) => s.loadList);
  const openDataset = useDatasetsStore((s) => s.openDataset);
  const go = useUiStore((s) => s.go);
  const [target, setTarget] = useState<string>('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DatasetKind>('eval');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<AddReport | null>(null);
  useEffect(() => {
    if (allowExisting) void loadList();
  }, [allowExisting, loadList]);

  async function submit(): Promise<void> {
    const built = source();
    if ('error' in built) return setError(built.error);
    setBusy(true);
    setError(null);
    try {
      const added = target
        ? await api().invoke('datasets.addRows', { dataset: target, source: built.source })
        : (await api().invoke('datasets.create', { name: name.trim(), kind, source: built.source })).report;
      setReport(added);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <DatasetDialog title={title} onClose={onClose} testId="to-dataset-dialog">
      {report ? (
        <div className="dataset-form" data-testid="add-report">
          <p>
            Added <strong>{report.added}</strong> of {report.offered} rows to <strong>{report.dataset}</strong> (draft now {report.draftRows} rows).
          </p>
          {report.notes.map((n) => (
            <p key={n} className="muted small">
              {n}
            </p>
          ))}
          {report.leakage?.warning ? <p className="text-warning">{report.leakage.warning}</p> : null}
          <div className="dataset-form-actions">
            <button
              type="button"
              className="btn btn-primary"
              data-testid="open-dataset"
              onClick={() => {
                onClose();
                go('datasets');
                void openDataset(report.dataset);
              }}
            >
              Open dataset
            </button>
          </div>
        </div>
      ) : (
        <form
          className="dataset-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {allowExisting && list.length > 0 ? (
            <label className="dataset-field">
              <span className="section-label">Dataset</span>
              <select className="input input-select" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="to-dataset-target">
                <option value="">New dataset…</option>
                {list.map((d) => (
                  <option key={d.id} value={d.name}>
                    {d.name} ({d.kind})
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {target ? null : (
            <div className="dataset-form-row">
              <label className="dataset-field">
                <span className="section-label">Name</span>
                <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="support-evals" data-testid="to-dataset-name" />
              </label>
              <label className="dataset-field">
                <span className="section-label">Kind</span>
                <select className="input input-select" value={kind} onChange={(e) => setKind(e.target.value === 'training' ? 'training' : 'eval')} data-testid="to-dataset-kind">
                  <option value="eval">eval</option>
                  <option value="training">training</option>
                </select>
              </label>
            </div>
          )}
          {children}
          {error ? <ErrorNote message={error} /> : null}
          <div className="dataset-form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy || (!target && name.trim() === '')} data-testid="to-dataset-submit">
              {busy ? 'Adding…' : target ? 'Add rows' : 'Create dataset'}
            </button>
          </div>
        </form>
      )}
    </DatasetDialog>
  );
}
