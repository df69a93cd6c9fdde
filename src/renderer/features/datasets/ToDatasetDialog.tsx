// Put rows into a dataset from elsewhere (cluster, traces filter, picked traces, one trace): a new dataset (name, kind) or an
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
  onAdded,
  children,
}: {
  title: string;
  onClose: () => void;
  /** The rows to put in, or an error the extra fields (children) explain. */
  source: () => { source: RowSource } | { error: string };
  allowExisting: boolean;
  /** Called once the rows went in (e.g. to clear the picks they came from). */
  onAdded?: () => void;
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
  // null until the user picks: then the latest frozen eval version, so a new training set is guarded by default.
  const [exclude, setExclude] = useState<string | null>(null);
  const [threshold, setThreshold] = useState('0.8');
  useEffect(() => {
    // The list feeds both the existing-dataset choice and the eval versions a training set can exclude.
    void loadList();
  }, [loadList]);
  const evalVersions = list.filter((d) => d.kind === 'eval' && d.latestVersion !== null).flatMap((d) => Array.from({ length: d.latestVersion ?? 0 }, (_, i) => ({ dataset: d.name, version: (d.latestVersion ?? 0) - i })));
  const excludeValue = exclude ?? (evalVersions[0] ? `${evalVersions[0].dataset}@${evalVersions[0].version}` : '');

  function excludeInput(): { excludeEval?: { dataset: string; version: number }; nearThreshold?: number } | { error: string } {
    if (kind !== 'training' || excludeValue === '') return {};
    const at = excludeValue.lastIndexOf('@');
    const near = Number(threshold);
    if (!Number.isFinite(near) || near < 0.3 || near > 1) return { error: 'The near-duplicate threshold is a similarity between 0.3 and 1 (0.8 by default).' };
    return { excludeEval: { dataset: excludeValue.slice(0, at), version: Number(excludeValue.slice(at + 1)) }, nearThreshold: near };
  }

  async function submit(): Promise<void> {
    const built = source();
    if ('error' in built) return setError(built.error);
    const guard = target ? {} : excludeInput();
    if ('error' in guard) return setError(guard.error);
    setBusy(true);
    setError(null);
    try {
      const added = target
        ? await api().invoke('datasets.addRows', { dataset: target, source: built.source })
        : (await api().invoke('datasets.create', { name: name.trim(), kind, source: built.source, ...guard })).report;
      setReport(added);
      onAdded?.();
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
            // The leakage warning is one of the notes: it reads as a warning, not as a count.
            <p key={n} className={n === report.leakage?.warning ? 'text-warning' : 'muted small'}>
              {n}
            </p>
          ))}
          {report.missingColumnMessages.length > 0 ? (
            <ul className="small" data-testid="add-report-missing">
              {report.missingColumnMessages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
          {report.leakage ? (
            <p className="small" data-testid="add-report-leakage">
              Leakage guard: {report.leakage.candidates} candidates checked, left out {report.leakage.excluded.exact} same trace,{' '}
              {report.leakage.excluded.conversation} same conversation, {report.leakage.excluded.normalized} same prompt, {report.leakage.excluded.near} near duplicates
              (threshold {report.leakage.threshold}). The dataset’s Leakage report lists them.
            </p>
          ) : null}
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
          {!target && kind === 'training' ? (
            <div className="dataset-form-row">
              <label className="dataset-field">
                <span className="section-label">Exclude eval version</span>
                <select className="input input-select" value={excludeValue} onChange={(e) => setExclude(e.target.value)} data-testid="to-dataset-exclude">
                  <option value="">None (no leakage check)</option>
                  {evalVersions.map((v) => (
                    <option key={`${v.dataset}@${v.version}`} value={`${v.dataset}@${v.version}`}>
                      {v.dataset}@v{v.version}
                    </option>
                  ))}
                </select>
                <span className="muted small">
                  {evalVersions.length === 0 ? 'Freeze an eval dataset first to guard this one against it.' : 'Rows that share a trace, a conversation, or a (near) identical prompt with it are left out.'}
                </span>
              </label>
              <label className="dataset-field">
                <span className="section-label">Near-duplicate threshold</span>
                <input className="input" type="number" min={0.3} max={1} step={0.05} value={threshold} onChange={(e) => setThreshold(e.target.value)} disabled={excludeValue === ''} data-testid="to-dataset-threshold" />
                <span className="muted small">Prompt similarity (0.3–1) at which a row counts as a near duplicate; lower leaves more out.</span>
              </label>
            </div>
          ) : null}
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
