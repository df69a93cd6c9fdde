// Export a version: format and folder (typed, or chosen in the native dialog), a warning before a draft is
// exported, then the export job's progress from the jobs store until it settles, with what was written.
// Imports: react, components, the api client, lib/format, dataset-format, the tools and jobs stores.
import { useState, type ReactElement } from 'react';
import { api, errorMessage, isApiError } from '../../api/index.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatCount } from '../../lib/format.ts';
import { useJobsStore } from '../jobs/jobs-store.ts';
import { exportFolder, exportOutcome, versionLabel } from './dataset-format.ts';
import { DatasetDialog } from './DatasetDialog.tsx';
import { useDatasetToolsStore } from './dataset-tools-store.ts';
import { ExportFormat, type DatasetDetail, type VersionRef } from '../../../shared/contract/index.ts';

const FORMAT_HELP: Record<ExportFormat, string> = {
  openai: 'OpenAI fine-tuning chat JSONL',
  jsonl: 'Winnow JSONL: every row with labels and provenance',
  csv: 'prompt, response, labels, expected output',
  parquet: 'columnar file for Spark, DuckDB, pandas',
  hf: 'Hugging Face dataset folder (Parquet per split, dataset card)',
  distil: 'trace-distillation folder (traces, job description, config)',
};

export function ExportDialog({ dataset, version }: { dataset: DatasetDetail; version: VersionRef }): ReactElement {
  const setTool = useDatasetToolsStore((s) => s.setTool);
  const startExport = useDatasetToolsStore((s) => s.startExport);
  const exportJob = useDatasetToolsStore((s) => s.exportJob);
  const busy = useDatasetToolsStore((s) => s.busy);
  const error = useDatasetToolsStore((s) => s.error);
  const job = useJobsStore((s) => (exportJob ? s.byId[exportJob.jobId] : undefined));
  const [format, setFormat] = useState<ExportFormat>(dataset.kind === 'training' ? 'openai' : 'jsonl');
  const [folder, setFolder] = useState('');
  const [picker, setPicker] = useState<'ready' | 'unavailable'>('ready');
  const [pickError, setPickError] = useState<string | null>(null);
  const out = folder.trim();
  const outcome = job?.status === 'succeeded' ? exportOutcome(job.result) : null;

  async function choose(): Promise<void> {
    setPickError(null);
    try {
      const { path } = await api().invoke('app.pickFolder', { title: 'Export into this folder' });
      // The export goes into a new folder inside the chosen one, named after what it holds.
      if (path) setFolder(exportFolder(path, dataset.name, version, format));
    } catch (err) {
      if (isApiError(err, 'unavailable')) setPicker('unavailable');
      else setPickError(errorMessage(err));
    }
  }

  return (
    <DatasetDialog title={`Export ${dataset.name}@${versionLabel(version)}`} onClose={() => setTool(null)} testId="export-dialog">
      <form
        className="dataset-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (out) void startExport(dataset.name, version, format, out);
        }}
      >
        {version === 'draft' ? (
          <p className="text-warning small" data-testid="export-draft-warning">
            This is the unfrozen draft: it can still change, so the export has no fixed version or reproducible hash. Freeze first for an export you can cite.
          </p>
        ) : null}
        <label className="dataset-field">
          <span className="section-label">Format</span>
          <select className="input input-select" value={format} onChange={(e) => setFormat(ExportFormat.parse(e.target.value))} data-testid="export-format">
            {ExportFormat.options.map((f) => (
              <option key={f} value={f}>
                {f} — {FORMAT_HELP[f]}
              </option>
            ))}
          </select>
        </label>
        <div className="dataset-field">
          <label className="section-label" htmlFor="export-folder">
            Folder
          </label>
          <div className="dataset-path-row">
            <input id="export-folder" className="input" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/path/to/exports/my-dataset-v1" data-testid="export-folder" />
            {picker === 'ready' ? (
              <button type="button" className="btn" onClick={() => void choose()} data-testid="export-choose">
                Choose…
              </button>
            ) : null}
          </div>
          <span className="muted small">
            A new or empty folder; it receives the data files and manifest.json.
            {picker === 'unavailable' ? ' No folder dialog here: type the path.' : ''}
          </span>
        </div>
        {pickError ? <ErrorNote message={pickError} /> : null}
        {error ? <ErrorNote message={error} /> : null}
        {exportJob ? (
          <div className="dataset-job" data-testid="export-progress" data-status={job?.status ?? 'queued'}>
            <ProgressBar done={job?.done ?? 0} total={job?.total ?? null} label="Export progress" />
            <span className="small">
              {job?.status === 'succeeded'
                ? `Exported ${formatCount(outcome?.rows ?? job.done)} rows to ${exportJob.out}`
                : job?.status === 'failed'
                  ? `Export failed: ${job.error ?? 'see Jobs'}`
                  : `${job?.phase || 'Queued'} · ${formatCount(job?.done ?? 0)}${job?.total ? ` of ${formatCount(job.total)}` : ''} rows`}
            </span>
            {outcome ? (
              <span className="muted small" data-testid="export-outcome">
                {outcome.files.join(', ')} · version hash <code>{outcome.sha256.slice(0, 19)}…</code>
              </span>
            ) : null}
            {exportJob.warning ? <span className="text-warning small">{exportJob.warning}</span> : null}
          </div>
        ) : null}
        <div className="dataset-form-actions">
          <button type="submit" className="btn btn-primary" disabled={!out || busy || (job !== undefined && (job.status === 'running' || job.status === 'queued'))} data-testid="export-start">
            Export
          </button>
        </div>
      </form>
    </DatasetDialog>
  );
}
