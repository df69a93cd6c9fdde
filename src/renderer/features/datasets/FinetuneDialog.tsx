// Fine-tune on a frozen training version: provider, base model, suffix and epochs, then the fine-tune's status
// live (its job's progress from the jobs store, the record re-read as it moves) with the trained model's name;
// reopened, it shows the version's latest fine-tune.
// Imports: react, components, the api client, the jobs and tools stores, contract types.
import { useEffect, useState, type ReactElement } from 'react';
import { api, errorMessage } from '../../api/index.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useJobsStore } from '../jobs/jobs-store.ts';
import { DatasetDialog } from './DatasetDialog.tsx';
import { useDatasetToolsStore } from './dataset-tools-store.ts';
import type { DatasetDetail, Finetune, Provider } from '../../../shared/contract/index.ts';

const ENDED: ReadonlySet<Finetune['status']> = new Set(['succeeded', 'failed', 'cancelled']);

/** The fine-tune started here, re-read whenever its job reports progress (the phase is the provider's status). */
function useFollowed(finetuneId: number | null, jobId: number | null): { finetune: Finetune | null; error: string | null } {
  const job = useJobsStore((s) => (jobId !== null ? s.byId[jobId] : undefined));
  const [finetune, setFinetune] = useState<Finetune | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tick = `${job?.status ?? ''}|${job?.phase ?? ''}|${job?.updatedAt ?? ''}`;
  useEffect(() => {
    if (finetuneId === null) return;
    let live = true;
    api()
      .invoke('finetune.status', { id: finetuneId })
      .then((f) => live && setFinetune(f))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [finetuneId, tick]);
  return { finetune, error: error ?? (job?.status === 'failed' && !finetune?.error ? job.error : null) };
}

export function FinetuneDialog({ dataset, version }: { dataset: DatasetDetail; version: number }): ReactElement {
  const setTool = useDatasetToolsStore((s) => s.setTool);
  const [providers, setProviders] = useState<Provider[]>([]);
  const [providerId, setProviderId] = useState('');
  const [baseModel, setBaseModel] = useState('');
  const [suffix, setSuffix] = useState('');
  const [epochs, setEpochs] = useState('');
  const [started, setStarted] = useState<{ finetuneId: number; jobId: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const followed = useFollowed(started?.finetuneId ?? null, started?.jobId ?? null);
  const finetune = followed.finetune;
  const provider = providers.find((p) => p.id === providerId);

  // Reopened while a fine-tune of this version runs (or after one ended): show the latest one.
  useEffect(() => {
    api()
      .invoke('finetune.list', { dataset: dataset.name })
      .then((list) => {
        const latest = list.find((f) => f.version === `v${version}`);
        if (latest && latest.jobId !== null) setStarted((s) => s ?? { finetuneId: latest.id, jobId: latest.jobId! });
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [dataset.name, version]);

  useEffect(() => {
    api()
      .invoke('providers.list', {})
      .then(({ providers: list }) => {
        setProviders(list);
        const first = list[0];
        if (first) {
          setProviderId(first.id);
          setBaseModel(first.defaultChatModel ?? '');
        }
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  async function start(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const n = epochs.trim() ? Number(epochs) : undefined;
      const { finetune: f, jobId } = await api().invoke('finetune.start', {
        dataset: dataset.name,
        version,
        provider: providerId,
        baseModel: baseModel.trim(),
        ...(suffix.trim() ? { suffix: suffix.trim() } : {}),
        ...(n !== undefined ? { hyperparameters: { n_epochs: n } } : {}),
      });
      setStarted({ finetuneId: f.id, jobId });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function cancel(id: number): Promise<void> {
    try {
      await api().invoke('finetune.cancel', { id });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const running = started !== null && !(finetune && ENDED.has(finetune.status));
  return (
    <DatasetDialog title={`Fine-tune on ${dataset.name}@v${version}`} onClose={() => setTool(null)} testId="finetune-dialog">
      <form
        className="dataset-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (providerId && baseModel.trim()) void start();
        }}
      >
        <p className="muted small">
          Uploads this version (its train split, and its validation or test split for validation) to the provider&apos;s fine-tuning API and follows the job. The trained model is added to the
          provider&apos;s models, ready to evaluate.
        </p>
        <div className="dataset-form-row">
          <label className="dataset-field">
            <span className="section-label">Provider</span>
            <select
              className="input input-select"
              value={providerId}
              disabled={running}
              onChange={(e) => {
                setProviderId(e.target.value);
                setBaseModel(providers.find((p) => p.id === e.target.value)?.defaultChatModel ?? '');
              }}
              data-testid="finetune-provider"
            >
              {providers.length === 0 ? <option value="">No provider: add one in Settings</option> : null}
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} — {p.baseUrl}
                </option>
              ))}
            </select>
          </label>
          <label className="dataset-field">
            <span className="section-label">Base model</span>
            <input className="input" list="finetune-models" value={baseModel} disabled={running} onChange={(e) => setBaseModel(e.target.value)} placeholder="gpt-4o-mini-2024-07-18" data-testid="finetune-model" />
            <datalist id="finetune-models">
              {provider?.models.filter((m) => m.purpose !== 'embeddings').map((m) => <option key={m.name} value={m.name} />)}
            </datalist>
          </label>
        </div>
        <div className="dataset-form-row">
          <label className="dataset-field">
            <span className="section-label">Suffix (optional)</span>
            <input className="input" value={suffix} maxLength={64} disabled={running} onChange={(e) => setSuffix(e.target.value)} placeholder="support-v1" data-testid="finetune-suffix" />
          </label>
          <label className="dataset-field">
            <span className="section-label">Epochs (optional)</span>
            <input className="input" type="number" min={1} max={50} value={epochs} disabled={running} onChange={(e) => setEpochs(e.target.value)} placeholder="auto: the provider chooses" data-testid="finetune-epochs" />
          </label>
        </div>
        {error ? <ErrorNote message={error} /> : null}
        {followed.error ? <ErrorNote message={followed.error} /> : null}
        {finetune ? (
          <div className="dataset-job" data-testid="finetune-progress" data-status={finetune.status}>
            <span className="small">
              Fine-tune {finetune.id} <StatusBadge status={finetune.status} />
              {finetune.remoteJobId ? <span className="muted"> · provider job {finetune.remoteJobId}</span> : null}
            </span>
            <span className="small">
              {finetune.trainRows} training rows{finetune.validationRows > 0 ? `, ${finetune.validationRows} validation rows` : ''}
            </span>
            {finetune.fineTunedModel ? (
              <span className="small">
                Model: <code data-testid="finetune-model-name">{finetune.fineTunedModel}</code>
              </span>
            ) : null}
            {finetune.error ? <span className="text-danger small" data-testid="finetune-error">{finetune.error}</span> : null}
            {finetune.events.length > 0 ? (
              <ul className="muted small" data-testid="finetune-events">
                {finetune.events.slice(0, 5).map((e) => (
                  <li key={e.id}>
                    {new Date(e.at).toLocaleTimeString()} · {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="dataset-form-actions">
          {running && finetune ? (
            <button type="button" className="btn" onClick={() => void cancel(finetune.id)} data-testid="finetune-cancel">
              Cancel fine-tune
            </button>
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={!providerId || !baseModel.trim() || busy || running} data-testid="finetune-start">
            {finetune && ENDED.has(finetune.status) ? 'Start another fine-tune' : 'Start fine-tune'}
          </button>
        </div>
      </form>
    </DatasetDialog>
  );
}
