// The import strip of the Traces screen: choose files or paste a path, pick format and multi-turn mode,
// follow the running import, and open the files panel with what was rejected.
import { useEffect, useRef, type FormEvent, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Icon } from '../../components/Icon.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { basename, formatCount, formatPercent } from '../../lib/format.ts';
import { useImportsStore, type MultiTurn } from './imports-store.ts';
import { ACTIVE_STATUSES, sortedJobs, useJobsStore } from '../jobs/jobs-store.ts';
import { useTracesStore } from './traces-store.ts';
import { useUiStore } from '../../shell/ui-store.ts';
import { RecordFormat, type Job } from '../../../shared/contract/index.ts';

const FORMAT_LABELS: Record<RecordFormat, string> = {
  auto: 'Detect per record',
  'openai-chat': 'OpenAI chat',
  langfuse: 'Langfuse',
  'prompt-response': 'Prompt / response',
  'provider-body': 'Provider request body',
};

/** Jobs from before this window opened are history (the Jobs screen has them), not news for this strip. */
const SESSION_START = Date.now();

function latestImport(byId: Record<number, Job>, startedHere: number | null): Job | undefined {
  return sortedJobs(byId).find((j) => j.kind === 'import' && (j.id === startedHere || j.createdAt >= SESSION_START));
}

export function ImportBar(): ReactElement {
  const s = useImportsStore();
  // Follows the newest import of this session, whether started here or by files dropped on the window.
  const job = useJobsStore((st) => latestImport(st.byId, s.jobId));
  const focusRequest = useUiStore((st) => st.focusRequest);
  const closeDetail = useTracesStore((st) => st.select);
  const pathRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest?.target === 'import-path') pathRef.current?.focus();
  }, [focusRequest]);
  // When the dialog turned out to be unavailable, the path field is the way in: put the caret there.
  useEffect(() => {
    if (!s.pickerAvailable) pathRef.current?.focus();
  }, [s.pickerAvailable]);

  const running = job !== undefined && ACTIVE_STATUSES.has(job.status);
  const rejectedTotal = s.files.reduce((n, f) => n + f.rejected, 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.start([s.path]);
  };

  return (
    <section className="import-bar" aria-label="Import traces" data-testid="import-bar">
      <form className="import-form" onSubmit={submit}>
        {s.pickerAvailable ? (
          <>
            <button type="button" className="btn btn-primary" onClick={() => void s.pickAndStart()} disabled={s.starting} title="Import files (o)">
              <Icon name="upload" /> Choose files…
            </button>
            <span className="muted small">or</span>
          </>
        ) : null}
        <input
          ref={pathRef}
          className="input import-path"
          type="text"
          value={s.path}
          onChange={(e) => s.setPath(e.target.value)}
          placeholder="paste a file path, e.g. /data/traces.jsonl"
          aria-label="File path to import"
          spellCheck={false}
          data-testid="import-path"
        />
        <label className="field-inline">
          <span className="small muted">Format</span>
          <select className="input input-select" value={s.format} onChange={(e) => s.setFormat(RecordFormat.parse(e.target.value))} aria-label="Record format">
            {RecordFormat.options.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline" title="A conversation with several assistant turns becomes one row per turn (split) or a single row (keep).">
          <span className="small muted">Multi-turn</span>
          <select className="input input-select" value={s.multiTurn} onChange={(e) => s.setMultiTurn(e.target.value as MultiTurn)} aria-label="Multi-turn conversations">
            <option value="split">One row per turn</option>
            <option value="keep">Keep whole</option>
          </select>
        </label>
        <button type="submit" className={`btn${s.pickerAvailable ? '' : ' btn-primary'}`} disabled={s.starting || !s.path.trim()} data-testid="import-submit">
          Import
        </button>
        <div className="import-bar-spacer" />
        {s.files.length === 0 && !s.panelOpen ? null : (
        <button
          type="button"
          className="btn btn-ghost"
          aria-pressed={s.panelOpen}
          onClick={() => {
            closeDetail(null);
            s.setPanelOpen(!s.panelOpen);
          }}
          data-testid="files-panel-toggle"
        >
          <Icon name="file" /> Files
          {s.files.length ? <span className="count-pill">{s.files.length}</span> : null}
          {rejectedTotal > 0 ? <span className="count-pill count-pill-danger" title={`${rejectedTotal} rejected lines`}>{formatCount(rejectedTotal)} rejected</span> : null}
        </button>
        )}
      </form>
      {running && job ? (
        <div className="import-progress" data-testid="import-progress">
          <ProgressBar done={job.done} total={job.total} label="Import progress" />
          <span className="small muted">
            {job.phase}
            {job.total ? ` · ${formatCount(job.done)} of ${formatCount(job.total)} (${formatPercent(job.done, job.total)})` : job.done ? ` · ${formatCount(job.done)}` : ''}
          </span>
        </div>
      ) : job && job.status === 'succeeded' ? (
        <ImportSummary since={job.createdAt} />
      ) : job && job.status === 'failed' ? (
        <ErrorNote message={`Import failed: ${job.error ?? 'no reason given'}`} />
      ) : null}
      {s.error ? <ErrorNote message={s.error} /> : null}
    </section>
  );
}

/** What the finished import gave, from the files imported since it started. */
function ImportSummary({ since }: { since: number }): ReactElement | null {
  const files = useImportsStore((s) => s.files).filter((f) => f.importedAt >= since);
  const setPanelOpen = useImportsStore((s) => s.setPanelOpen);
  const closeDetail = useTracesStore((s) => s.select);
  if (files.length === 0) return null;
  const sum = (k: 'traces' | 'rejected' | 'duplicates' | 'notices') => files.reduce((n, f) => n + f[k], 0);
  const rejected = sum('rejected');
  const duplicates = sum('duplicates');
  const unreadable = files.filter((f) => f.status === 'failed').length;
  const notices = sum('notices');
  return (
    <div className="import-summary" data-testid="import-summary">
      <span className={`badge ${unreadable ? 'badge-warning' : 'badge-success'}`}>imported</span>
      <span>
        {formatCount(sum('traces'))} traces from {files.length === 1 ? basename(files[0]?.path ?? '') : `${files.length} files`}
        {duplicates ? ` · ${formatCount(duplicates)} duplicates skipped` : ''}
        {rejected ? ` · ${formatCount(rejected)} ${rejected === 1 ? 'line' : 'lines'} rejected` : ' · nothing rejected'}
        {notices ? ` · ${formatCount(notices)} ${notices === 1 ? 'notice' : 'notices'}` : ''}
        {unreadable ? ` · ${unreadable} ${unreadable === 1 ? 'file' : 'files'} could not be read` : ''}
      </span>
      {rejected || notices || unreadable ? (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            closeDetail(null);
            setPanelOpen(true);
          }}
        >
          See why
        </button>
      ) : null}
    </div>
  );
}
