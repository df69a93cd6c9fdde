// Column definitions of the traces table (react-table v9) and their widths as one CSS grid template.
// Imports: @tanstack/react-table, components, lib/format, the imports store (file names for the source column),
// the picks store (the tick that picks a trace for a dataset).
import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { ReactElement } from 'react';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { basename, formatCost, formatCount, formatLatency, formatTime, oneLine } from '../../lib/format.ts';
import { useImportsStore } from './imports-store.ts';
import { usePicksStore } from '../datasets/picks-store.ts';
import type { TraceSummary } from '../../../shared/contract/index.ts';

// Core features only: sorting and filtering happen in SQLite, the table just lays out what arrived.
export const traceTableFeatures = tableFeatures({});
const helper = createColumnHelper<typeof traceTableFeatures, TraceSummary>();

function Text({ value }: { value: string | null }): ReactElement {
  return value ? <span title={value}>{value}</span> : <span className="muted">—</span>;
}

/** Minutes in the cell, the full second in the tooltip: the cell stays narrow enough for the content. */
function TimeCell({ ms }: { ms: number | null }): ReactElement {
  const full = formatTime(ms);
  return <span title={full}>{ms === null ? '—' : full.slice(0, 16)}</span>;
}

function Snippet({ value }: { value: string }): ReactElement {
  return value ? <span title={value.length > 1000 ? `${value.slice(0, 1000)}…` : value}>{oneLine(value)}</span> : <span className="muted">—</span>;
}

function SourceCell({ fileId, line }: { fileId: number; line: number }): ReactElement {
  const path = useImportsStore((s) => s.files.find((f) => f.id === fileId)?.path);
  const label = `${path ? basename(path) : `file ${fileId}`}:${line}`;
  return (
    <span className="mono" title={path ? `${path}:${line}` : label}>
      {label}
    </span>
  );
}

/** A tick that picks the trace for a dataset; it never opens the trace (the row's own click does). */
function PickCell({ traceId }: { traceId: number }): ReactElement {
  const picked = usePicksStore((s) => s.traces.includes(traceId));
  const toggle = usePicksStore((s) => s.toggleTrace);
  return (
    <input
      type="checkbox"
      checked={picked}
      onChange={() => toggle(traceId)}
      onClick={(e) => e.stopPropagation()}
      aria-label={`Pick trace #${traceId} for a dataset`}
      title="Pick for a dataset"
      data-testid="trace-pick"
    />
  );
}

// Content first: prompt and response are what people scan; facets are also filterable on the left.
export const traceColumns = helper.columns([
  helper.display({ id: 'pick', header: '', cell: (c) => <PickCell traceId={c.row.original.id} /> }),
  helper.accessor('timestamp', { id: 'time', header: 'Time', cell: (c) => <TimeCell ms={c.getValue()} /> }),
  helper.accessor('status', { id: 'status', header: 'Status', cell: (c) => <StatusBadge status={c.getValue()} /> }),
  helper.accessor('prompt', { id: 'prompt', header: 'Prompt', cell: (c) => <Snippet value={c.getValue()} /> }),
  helper.accessor('response', { id: 'response', header: 'Response', cell: (c) => <Snippet value={c.getValue()} /> }),
  helper.accessor('environment', { id: 'environment', header: 'Environment', cell: (c) => <Text value={c.getValue()} /> }),
  helper.accessor('task', { id: 'task', header: 'Task', cell: (c) => <Text value={c.getValue()} /> }),
  helper.accessor('model', { id: 'model', header: 'Model', cell: (c) => <Text value={c.getValue()} /> }),
  helper.accessor('provider', { id: 'provider', header: 'Provider', cell: (c) => <Text value={c.getValue()} /> }),
  helper.accessor('totalTokens', { id: 'tokens', header: 'Tokens', cell: (c) => formatCount(c.getValue()) }),
  helper.accessor('latencyMs', { id: 'latency', header: 'Latency', cell: (c) => formatLatency(c.getValue()) }),
  helper.accessor('cost', { id: 'cost', header: 'Cost', cell: (c) => formatCost(c.getValue()) }),
  helper.display({ id: 'source', header: 'Source', cell: (c) => <SourceCell fileId={c.row.original.fileId} line={c.row.original.line} /> }),
]);

/** Width per column id: a fixed width, or a minimum plus a share of the spare width (prompt, response). */
const TRACKS: Record<string, { px: number; fr?: number }> = {
  pick: { px: 32 },
  time: { px: 148 },
  status: { px: 76 },
  prompt: { px: 320, fr: 3 },
  response: { px: 320, fr: 3 },
  environment: { px: 112 },
  task: { px: 116 },
  model: { px: 140 },
  provider: { px: 92 },
  tokens: { px: 72 },
  latency: { px: 76 },
  cost: { px: 80 },
  source: { px: 140, fr: 1 },
};
const tracks = traceColumns.map((c) => TRACKS[c.id ?? ''] ?? { px: 120 });
export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(['tokens', 'latency', 'cost']);
export const traceGridTemplate = tracks.map((t) => (t.fr ? `minmax(${t.px}px, ${t.fr}fr)` : `${t.px}px`)).join(' ');
/**
 * Every row is its own grid, so all rows must have the same width or their flexible columns would
 * size differently: rows are as wide as the table, and never narrower than all minimums together.
 */
export const traceMinWidth = tracks.reduce((sum, t) => sum + t.px, 0);
