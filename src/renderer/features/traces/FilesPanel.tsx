// The "Files" side panel: each imported file with its counts, the lines that were rejected and why, and the
// lines that imported with a notice (empty answer, implausible value, ...).
// Imports: react, components, lib/format, the imports store.
import { useEffect, useState, type ReactElement } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Icon } from '../../components/Icon.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { basename, formatCount, formatRelative } from '../../lib/format.ts';
import { useImportsStore } from './imports-store.ts';
import type { ImportFileSummary } from '../../../shared/contract/index.ts';

export function FilesPanel(): ReactElement | null {
  const open = useImportsStore((s) => s.panelOpen);
  const files = useImportsStore((s) => s.files);
  const setOpen = useImportsStore((s) => s.setPanelOpen);
  if (!open) return null;

  const sorted = [...files].sort((a, b) => b.importedAt - a.importedAt || b.id - a.id);
  return (
    <aside className="side-panel" aria-label="Imported files and rejected lines" data-testid="files-panel">
      <header className="side-panel-header">
        <h2 className="side-panel-title">Imported files</h2>
        <button type="button" className="btn btn-ghost btn-icon" onClick={() => setOpen(false)} aria-label="Close files (Esc)" title="Close (Esc)">
          <Icon name="close" />
        </button>
      </header>
      <div className="side-panel-body">
        {sorted.length === 0 ? (
          <EmptyState icon="file" title="No files imported">
            <p>Each imported file will be listed here with what it gave and every line that was not imported, with the reason.</p>
          </EmptyState>
        ) : (
          sorted.map((f, i) => <FileCard key={f.id} file={f} initiallyOpen={i === 0 || f.rejected > 0} />)
        )}
      </div>
    </aside>
  );
}

function FileCard({ file, initiallyOpen }: { file: ImportFileSummary; initiallyOpen: boolean }): ReactElement {
  const [open, setOpen] = useState(initiallyOpen);
  const [noticesOpen, setNoticesOpen] = useState(false);
  const counts: [string, number][] = [
    ['traces', file.traces],
    ['rows', file.rows],
    ['duplicates', file.duplicates],
    ['blank', file.blankLines],
    ['rejected', file.rejected],
    ['notices', file.notices],
  ];
  return (
    <section className="file-card" data-testid="file-card" data-file-id={file.id}>
      <div className="file-card-head">
        <Icon name="file" />
        <span className="file-name" title={file.path}>
          {basename(file.path)}
        </span>
        <StatusBadge status={file.status} />
      </div>
      <div className="small muted mono break">{file.path}</div>
      <div className="small muted">
        {file.fileFormat.toUpperCase()} file
        {Object.keys(file.formats).length > 0 ? ` · ${Object.entries(file.formats).map(([k, n]) => `${formatCount(n)} ${k}`).join(', ')} records` : ''} · {formatRelative(file.importedAt)}
      </div>
      {file.error ? <ErrorNote message={file.error} /> : null}
      <dl className="file-counts">
        {counts.map(([label, n]) => (
          <div key={label} className={`file-count${label === 'rejected' && n > 0 ? ' file-count-danger' : ''}`} data-count={label}>
            <dt>{label}</dt>
            <dd>{formatCount(n)}</dd>
          </div>
        ))}
      </dl>
      {file.rejected > 0 ? (
        <>
          <button type="button" className="link-button small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide' : 'Show'} {formatCount(file.rejected)} rejected {file.rejected === 1 ? 'line' : 'lines'}
          </button>
          {open ? <RejectedLines fileId={file.id} /> : null}
        </>
      ) : null}
      {file.notices > 0 ? (
        <>
          <div className="small muted" data-testid="notice-codes">
            Imported with notices: {Object.entries(file.noticeCodes).map(([code, n]) => `${formatCount(n)} ${code}`).join(' · ')}
          </div>
          <button type="button" className="link-button small" aria-expanded={noticesOpen} onClick={() => setNoticesOpen(!noticesOpen)}>
            {noticesOpen ? 'Hide' : 'Show'} lines with notices
          </button>
          {noticesOpen ? <NoticeLines fileId={file.id} counted={file.notices} /> : null}
        </>
      ) : null}
    </section>
  );
}

/** `counted` is every notice of the file; past 1,000 of one code only the count is kept. */
function NoticeLines({ fileId, counted }: { fileId: number; counted: number }): ReactElement {
  const page = useImportsStore((s) => s.notices[fileId]);
  const load = useImportsStore((s) => s.loadNotices);

  useEffect(() => {
    if (!page) void load(fileId);
  }, [page, fileId, load]);

  if (!page) return <div className="muted small">Loading…</div>;
  return (
    <div className="rejected" data-testid="notice-lines">
      {page.error ? <ErrorNote message={page.error} onRetry={() => void load(fileId)} /> : null}
      <ol className="rejected-list">
        {page.items.map((n) => (
          <li key={n.id} className="rejected-item" data-testid="notice-line" data-line={n.line}>
            <div className="rejected-head">
              <span className="mono rejected-line-no">line {n.line}</span>
              <span className="badge badge-warning mono">{n.code}</span>
            </div>
            <div className="rejected-message">{n.message}</div>
          </li>
        ))}
      </ol>
      {page.nextCursor ? (
        <button type="button" className="btn btn-sm" disabled={page.loading} onClick={() => void load(fileId, true)}>
          {page.loading ? 'Loading…' : `Load more (${formatCount(page.total - page.items.length)} left)`}
        </button>
      ) : null}
      {!page.nextCursor && page.total < counted ? (
        <div className="small muted">The first 1,000 lines of each kind of notice are listed; the counts above are complete.</div>
      ) : null}
    </div>
  );
}

function RejectedLines({ fileId }: { fileId: number }): ReactElement {
  const page = useImportsStore((s) => s.rejected[fileId]);
  const load = useImportsStore((s) => s.loadRejected);

  useEffect(() => {
    if (!page) void load(fileId);
  }, [page, fileId, load]);

  if (!page) return <div className="muted small">Loading…</div>;
  return (
    <div className="rejected" data-testid="rejected-lines">
      {page.error ? <ErrorNote message={page.error} onRetry={() => void load(fileId)} /> : null}
      <ol className="rejected-list">
        {page.items.map((r) => (
          <li key={r.id} className="rejected-item" data-testid="rejected-line" data-line={r.line}>
            <div className="rejected-head">
              <span className="mono rejected-line-no">line {r.line}</span>
              <span className="badge badge-danger mono">{r.code}</span>
            </div>
            <div className="rejected-message">{r.message}</div>
            <pre className="code-block code-raw">
              {r.raw || <span className="muted">(empty)</span>}
              {r.rawTruncated ? <span className="muted">… (truncated)</span> : null}
            </pre>
          </li>
        ))}
      </ol>
      {page.nextCursor ? (
        <button type="button" className="btn btn-sm" disabled={page.loading} onClick={() => void load(fileId, true)}>
          {page.loading ? 'Loading…' : `Load more (${formatCount(page.total - page.items.length)} left)`}
        </button>
      ) : null}
    </div>
  );
}
