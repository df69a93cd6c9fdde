// Turns imported rows into dataset rows: the content a row keeps from the moment it is promoted (messages with
// tools and tool calls, response, metadata, ids, cluster membership), and counts the rows that cannot enter.
// Imports: traces index (stored trace parsing), engine types, source repository types.
import { storedTrace, type NormalizedTrace } from '../traces/index.ts';
import type { ChatMessage, DatasetRow } from './engine/types.ts';
import type { SourceRowRecord } from './source-repository.ts';

export interface Promoted {
  rows: DatasetRow[];
  failed: number;
  emptyResponse: number;
}

/**
 * A trace with no recorded status is taken as successful (the parsers mark failures they can see as `error`);
 * any other status than these counts as failed.
 */
const SUCCESS = new Set(['success', 'ok', 'succeeded', 'completed', 'complete']);

export function isSuccessful(status: string | null): boolean {
  return status === null || SUCCESS.has(status.toLowerCase());
}

/** Promotes rows in their arrival order (rows of one trace together, so each trace parses once). */
export function promoteRows(records: Iterable<SourceRowRecord[]>, signal?: AbortSignal): Promoted {
  const out: Promoted = { rows: [], failed: 0, emptyResponse: 0 };
  let cachedTrace = -1;
  let trace: NormalizedTrace | null = null;
  for (const chunk of records) {
    signal?.throwIfAborted();
    for (const r of chunk) {
      if (!isSuccessful(r.status)) {
        out.failed++;
        continue;
      }
      if (r.trace_id !== cachedTrace) {
        trace = storedTrace(r.raw, r.format, r.normalized_json);
        cachedTrace = r.trace_id;
      }
      const messages = (trace as NormalizedTrace).messages;
      const response = r.response_index === null ? undefined : messages[r.response_index];
      if (!response || isEmptyResponse(response)) {
        out.emptyResponse++;
        continue;
      }
      out.rows.push(toDatasetRow(r, trace as NormalizedTrace, response));
    }
  }
  return out;
}

function toDatasetRow(r: SourceRowRecord, trace: NormalizedTrace, response: ChatMessage): DatasetRow {
  const metadata = trace.metadata;
  const labels = metadata['labels'];
  const row: DatasetRow = {
    rowId: r.row_id,
    messages: trace.messages.slice(0, r.prompt_end) as ChatMessage[],
    response: response,
    metadata,
    sourceTraceId: r.trace_id,
    conversationId: r.conversation_id,
    turnIndex: r.turn_index,
    clusterId: r.cluster_id,
    membershipScore: r.score,
    // A trace that logged labels or an expected output brings them as the row's own.
    labels: Array.isArray(labels) && labels.every((l) => typeof l === 'string') ? [...(labels as string[])].sort() : [],
    expectedOutput: metadata['expected_output'] ?? null,
    note: null,
  };
  if (trace.tools && trace.tools.length > 0) row.tools = trace.tools;
  return row;
}

/** No text and no tool calls: nothing a model could learn from. */
function isEmptyResponse(m: ChatMessage): boolean {
  const calls = Array.isArray(m.tool_calls) && m.tool_calls.length > 0;
  if (calls || m['function_call']) return false;
  const c = m.content;
  if (typeof c === 'string') return c.trim() === '';
  if (Array.isArray(c)) return c.length === 0;
  return c === null || c === undefined;
}
