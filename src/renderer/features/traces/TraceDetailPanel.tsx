// The side panel of one trace: facts, the full conversation (each row's turn saying where it sits in the
// clustering), notices, metadata and the raw source line; opened from a cluster member, the way back to it.
// Imports: react, components, lib/format, Conversation, message-shape, open-cluster, the traces and focus stores.
import { useState, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Icon } from '../../components/Icon.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatCost, formatCount, formatLatency, formatTime } from '../../lib/format.ts';
import { useTracesStore } from './traces-store.ts';
import { Conversation } from './Conversation.tsx';
import { prettyJson } from './message-shape.ts';
import { TraceToDataset } from '../datasets/TraceToDataset.tsx';
import type { TraceDetail } from '../../../shared/contract/index.ts';
import { openCluster } from '../clusters/open-cluster.ts';
import type { RowMark } from './RowClusterChip.tsx';
import { useTraceFocusStore, type TraceFocus } from './trace-focus-store.ts';

export function TraceDetailPanel(): ReactElement | null {
  const detail = useTracesStore((s) => s.detail);
  const select = useTracesStore((s) => s.select);
  const focus = useTraceFocusStore((s) => (s.focus && s.focus.traceId === detail.id ? s.focus : null));
  if (detail.id === null) return null;

  return (
    <aside className="side-panel" aria-label={`Trace ${detail.id}`} data-testid="trace-detail">
      <header className="side-panel-header">
        <h2 className="side-panel-title">Trace #{detail.id}</h2>
        {detail.data ? <StatusBadge status={detail.data.status} /> : null}
        <span className="muted small side-panel-hint">j / k to move</span>
        <TraceToDataset traceId={detail.id} />
        <button type="button" className="btn btn-ghost btn-icon" onClick={() => select(null)} aria-label="Close trace (Esc)" title="Close (Esc)">
          <Icon name="close" />
        </button>
      </header>
      {focus?.from ? <BackToCluster focus={focus} /> : null}
      <div className="side-panel-body">
        {detail.loading ? <div className="muted">Loading…</div> : null}
        {detail.error ? <ErrorNote message={detail.error} onRetry={() => select(detail.id)} /> : null}
        {detail.data ? <DetailBody trace={detail.data} focusRowId={focus?.rowId ?? null} /> : null}
      </div>
    </aside>
  );
}

function BackToCluster({ focus }: { focus: TraceFocus }): ReactElement | null {
  const from = focus.from;
  if (!from) return null;
  return (
    <div className="back-bar">
      <button type="button" className="btn btn-sm" onClick={() => openCluster(from.runId, from.clusterId, focus.rowId)} data-testid="back-to-cluster">
        <span className="icon-back" aria-hidden="true">
          <Icon name="chevron" size={14} />
        </span>
        Back to {from.clusterId === null ? 'outliers' : 'cluster'}
      </button>
      <span className="back-bar-name" title={from.name}>
        {from.name}
      </span>
    </div>
  );
}

/** Each row by the message that is its turn: the response, or for a prompt-only row its last prompt message. */
function rowMarks(trace: TraceDetail): Map<number, RowMark> {
  const marks = new Map<number, RowMark>();
  for (const r of trace.rowsDetail) {
    const at = r.response ? r.messages.length : r.messages.length - 1;
    if (at >= 0) marks.set(at, { rowId: r.id, turnIndex: r.turnIndex, cluster: r.cluster });
  }
  return marks;
}

function DetailBody({ trace, focusRowId }: { trace: TraceDetail; focusRowId: number | null }): ReactElement {
  // The fullest row holds the whole conversation: with split turns, earlier rows are its prefixes.
  const last = [...trace.rowsDetail].sort((a, b) => b.turnIndex - a.turnIndex)[0];
  const messages = last ? (last.response ? [...last.messages, last.response] : last.messages) : [];
  const marks = rowMarks(trace);
  const toolNames = (trace.tools ?? []).map(toolName).filter((n): n is string => n !== null);

  return (
    <>
      {/* Parts too deep to send were cut by main; the raw source line at the bottom is still whole. */}
      {trace.problem ? (
        <div data-testid="trace-problem">
          <ErrorNote message={trace.problem} />
        </div>
      ) : null}
      <dl className="kv kv-compact">
        <dt>Time</dt>
        <dd className="mono">{formatTime(trace.timestamp)}</dd>
        <dt>Environment</dt>
        <dd>{trace.environment ?? '—'}</dd>
        <dt>Task</dt>
        <dd>{trace.task ?? '—'}</dd>
        <dt>Model</dt>
        <dd>
          {trace.model ?? '—'}
          {trace.provider ? <span className="muted"> · {trace.provider}</span> : null}
        </dd>
        <dt>Tokens</dt>
        <dd>{formatCount(trace.totalTokens)}</dd>
        <dt>Latency</dt>
        <dd>{formatLatency(trace.latencyMs)}</dd>
        <dt>Cost</dt>
        <dd>{formatCost(trace.cost)}</dd>
        <dt>Finish</dt>
        <dd>{trace.finishReason ?? '—'}</dd>
        <dt>Format</dt>
        <dd>{trace.format}</dd>
        <dt>Source</dt>
        <dd className="mono break" data-testid="trace-source">
          {trace.path}:{trace.line}
        </dd>
      </dl>

      {trace.notices.length > 0 ? (
        <section className="detail-section">
          <h3 className="section-label">Notices</h3>
          <ul className="notice-list">
            {trace.notices.map((n, i) => (
              <li key={i}>
                <span className="badge badge-warning">{n.code}</span> {n.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="detail-section">
        <h3 className="section-label">
          Conversation
          {trace.rowsDetail.length > 1 ? <span className="muted"> · split into {trace.rowsDetail.length} rows, one per assistant turn</span> : null}
        </h3>
        {toolNames.length > 0 ? (
          <div className="small muted tools-available">
            Tools offered: <span className="mono">{toolNames.join(', ')}</span>
          </div>
        ) : null}
        {messages.length > 0 ? <Conversation messages={messages} rows={marks} focusRowId={focusRowId} /> : <div className="muted">This trace produced no rows.</div>}
      </section>

      {Object.keys(trace.metadata).length > 0 ? (
        <section className="detail-section">
          <h3 className="section-label">Metadata</h3>
          <dl className="kv kv-compact" data-testid="trace-metadata">
            {Object.entries(trace.metadata).map(([k, v]) => (
              <div key={k} className="kv-pair">
                <dt className="mono">{k}</dt>
                <dd className="mono break">{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      <RawSource raw={trace.raw} hash={trace.contentHash} />
    </>
  );
}

function RawSource({ raw, hash }: { raw: string; hash: string }): ReactElement {
  const [pretty, setPretty] = useState(false);
  return (
    <section className="detail-section">
      <h3 className="section-label section-label-row">
        <span>Raw source line</span>
        <button type="button" className="link-button small" onClick={() => setPretty(!pretty)}>
          {pretty ? 'Show as stored' : 'Format JSON'}
        </button>
      </h3>
      <pre className="code-block code-raw" data-testid="trace-raw">
        {pretty ? prettyJson(raw) : raw}
      </pre>
      <div className="small muted mono break">sha {hash}</div>
    </section>
  );
}

function toolName(tool: unknown): string | null {
  if (typeof tool !== 'object' || tool === null) return null;
  const t = tool as { name?: unknown; function?: { name?: unknown } };
  const name = t.function?.name ?? t.name;
  return typeof name === 'string' ? name : null;
}
