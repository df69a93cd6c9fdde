// Export a version: format and folder, then the export job's progress from the jobs store until it settles.
// Imports: react, components, lib/format, dataset-format, the tools and jobs stores.
import { useState, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatCount } from '../../lib/format.ts';
import { useJobsStore } from '../jobs/jobs-store.ts';
import { exportFolder, versionLabel } from './dataset-format.ts';
import { DatasetDialog } from './DatasetDialog.tsx';
import { useDatasetToolsStore } from './dataset-tools-store.ts';
import { ExportFormat, type DatasetDetail, type VersionRef } from '../../../shared/contract/index.ts';

const FORMAT_HELP: Record<ExportFormat, string> = {
  openai: 'OpenAI fine-tuning chat JSONL',
  jsonl: 'one row per line with labels and metadata',
  csv: 'prompt, response, labels, expected output',
  parquet: 'columnar file for analysis',
  hf: 'Hugging Face datasets folder (splits as files)',
  distil: 'prompt and teacher answer pairs for distillation',
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
  const out = folder.trim();

  return (
    <DatasetDialog title={`Export ${dataset.name}@${versionLabel(version)}`} onClose={() => setTool(null)} testId="export-dialog">
      <form
        className="dataset-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (out) void startExport(dataset.name, version, format, out);
        }}
      >
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
        <label className="dataset-field">
          <span className="section-label">Folder</span>
          <input className="input" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/path/to/exports" data-testid="export-folder" />
          <span className="muted small">
            Receives the data files and manifest.json{out ? `, e.g. ${exportFolder(out, dataset.name, version, format)} for a per-version folder` : ''}.
          </span>
        </label>
        {error ? <ErrorNote message={error} /> : null}
        {exportJob?.warning ? <p className="text-warning small">{exportJob.warning}</p> : null}
        {exportJob ? (
          <div className="dataset-job" data-testid="export-progress" data-status={job?.status ?? 'queued'}>
            <ProgressBar done={job?.done ?? 0} total={job?.total ?? null} label="Export progress" />
            <span className="small">
              {job?.status === 'succeeded'
                ? `Exported ${formatCount(job.done)} rows to ${exportJob.out}`
                : job?.status === 'failed'
                  ? `Export failed: ${job.error ?? 'see Jobs'}`
                  : `${job?.phase || 'Queued'} · ${formatCount(job?.done ?? 0)}${job?.total ? ` of ${formatCount(job.total)}` : ''} rows`}
            </span>
          </div>
        ) : null}
        <div className="dataset-form-actions">
          <button type="submit" className="btn btn-primary" disabled={!out || busy || (job !== undefined && job.status === 'running')} data-testid="export-start">
            Export
          </button>
        </div>
      </form>
    </DatasetDialog>
  );
}
