// "Export predictions": one JSON line per row × model (baseline included) written to a file whose path is typed,
// or made inside a folder chosen in the native dialog. Imports: react, components, the api client, the datasets
// dialog frame, ./eval-format.ts.
import { useState, type ReactElement } from 'react';
import { api, errorMessage, isApiError } from '../../api/index.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatCount } from '../../lib/format.ts';
import { DatasetDialog } from '../datasets/DatasetDialog.tsx';
import { predictionsFile, versionName } from './eval-format.ts';
import type { EvalRunSummary } from '../../../shared/contract/index.ts';

export function ExportPredictionsDialog({ run, onClose }: { run: EvalRunSummary; onClose: () => void }): ReactElement {
  const [path, setPath] = useState('');
  const [picker, setPicker] = useState<'ready' | 'unavailable'>('ready');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState<{ path: string; lines: number } | null>(null);
  const out = path.trim();

  async function choose(): Promise<void> {
    setError(null);
    try {
      const { path: folder } = await api().invoke('app.pickFolder', { title: 'Export the predictions into this folder' });
      if (folder) setPath(predictionsFile(folder, run));
    } catch (err) {
      if (isApiError(err, 'unavailable')) setPicker('unavailable');
      else setError(errorMessage(err));
    }
  }

  async function write(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      setWritten(await api().invoke('eval.exportPredictions', { runId: run.id, path: out }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <DatasetDialog title={`Export predictions of run #${run.id} (${versionName(run.dataset, run.versionNumber)})`} onClose={onClose} testId="export-predictions-dialog">
      <form
        className="dataset-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (out) void write();
        }}
      >
        <div className="dataset-field">
          <label className="section-label" htmlFor="predictions-path">
            File
          </label>
          <div className="dataset-path-row">
            <input id="predictions-path" className="input" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/predictions.jsonl" data-testid="predictions-path" />
            {picker === 'ready' ? (
              <button type="button" className="btn" onClick={() => void choose()} data-testid="predictions-choose">
                Choose folder…
              </button>
            ) : null}
          </div>
          <span className="muted small">
            JSONL, one line per row and model with the output, verdict, score, latency and cost.
            {picker === 'unavailable' ? ' No folder dialog here: type the path.' : ''}
          </span>
        </div>
        {error ? <ErrorNote message={error} /> : null}
        {written ? (
          <p className="small" data-testid="predictions-written">
            Wrote {formatCount(written.lines)} lines to <code>{written.path}</code>
          </p>
        ) : null}
        <div className="dataset-form-actions">
          <button type="submit" className="btn btn-primary" disabled={!out || busy} data-testid="predictions-export">
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </DatasetDialog>
  );
}
