// Column definitions of the traces table (react-table v9) and their widths as one CSS grid template.
// Imports: @tanstack/react-table, components, lib/format, the imports store (file names for the source column).
import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { ReactElement } from 'react';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { basename, formatCost, formatCount, formatLatency, formatTime, oneLine } from '../../lib/format.ts';
import { useImportsStore } from '../../stores/imports-store.ts';
import type { TraceSummary } from '../../../shared/contract/index.ts';

// Core features only: sorting and filtering happen in SQLite, the table just lays out what arrived.
export const traceTableFeatures = tableFeatures({});
const helper = createColumnHelper<typeof traceTableFeatures, TraceSummary>();

function Text({ value }: { value: string | null }): ReactElement {
  return value ? <span title={value}>{value}</span> : <span className="muted">—</span>;
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

export const traceColumns = helper.columns([
  helper.accessor('timestamp', { id: 'time', header: 'Time', cell: (c) => <span className="mono">{formatTime(c.getValue())}</span> }),
  helper.accessor('status', { header: 'Status', cell: (c) => <StatusBadge status={c.getValue()} /> }),
  helper.accessor('environment', { header: 'Environment', cell: (c) => <Text value={c.getValue()} /> }),
  helper.accessor('task', { header: 'Task', cell: (c) => <Text value={c.getValue()} /> }),
  helper.accessor('provider', { header: 'Provider', cell: (c) => <Text value={c.getValue()} /> }),
  helper.accessor('model', { header: 'Model', cell: (c) => <Text value={c.getValue()} /> }),
  helper.accessor('prompt', { header: 'Prompt', cell: (c) => <Snippet value={c.getValue()} /> }),
  helper.accessor('response', { header: 'Response', cell: (c) => <Snippet value={c.getValue()} /> }),
  helper.accessor('totalTokens', { id: 'tokens', header: 'Tokens', cell: (c) => formatCount(c.getValue()) }),
  helper.accessor('latencyMs', { id: 'latency', header: 'Latency', cell: (c) => formatLatency(c.getValue()) }),
  helper.accessor('cost', { header: 'Cost', cell: (c) => formatCost(c.getValue()) }),
  helper.display({ id: 'source', header: 'Source', cell: (c) => <SourceCell fileId={c.row.original.fileId} line={c.row.original.line} /> }),
]);

/** Grid track per column id; prompt and response share the spare width. */
const TRACKS: Record<string, string> = {
  time: '148px',
  status: '76px',
  environment: '104px',
  task: '112px',
  provider: '92px',
  model: '136px',
  prompt: 'minmax(220px, 3fr)',
  response: 'minmax(220px, 3fr)',
  tokens: '72px',
  latency: '76px',
  cost: '80px',
  source: 'minmax(120px, 1fr)',
};
export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(['tokens', 'latency', 'cost']);
export const traceGridTemplate = traceColumns.map((c) => TRACKS[c.id ?? ''] ?? '120px').join(' ');
