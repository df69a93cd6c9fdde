// Owns: the Winnow JSONL export: every row with its prompt, response and provenance, losslessly; from row objects,
// or straight from rows stored as canonical JSON (no parse per row). Imports: writers helpers (atomic output,
// sorted JSON, JSON members).

import { writeFileAtomically } from './atomic-output.ts';
import { topLevelMembers } from './json-members.ts';
import { orderedJson } from './sorted-json.ts';
import type { CanonicalRowSource, ExportRow, ExportSplit, FileResult, RowSource, SplitCounts } from './types.ts';
import { countSplit } from './types.ts';

/**
 * The line for one row: row_id, split (when set), prompt, tools (when any), response, metadata. Winnow's own
 * fields sit in `metadata` beside the trace's metadata, which is nested under `trace_metadata` so a trace key
 * named like one of ours (say `labels`) never overwrites it.
 */
export function winnowLine(row: ExportRow): string {
  // Keys in sorted order already, so sortedJson takes its fast path (the text is sorted either way).
  const metadata = {
    cluster_id: row.clusterId,
    conversation_id: row.conversationId,
    expected_output: row.expectedOutput ?? null,
    labels: row.labels,
    membership_score: row.membershipScore,
    note: row.note,
    source_trace_id: row.sourceTraceId,
    trace_metadata: row.metadata,
    turn_index: row.turnIndex,
  };
  const tools = row.tools && row.tools.length > 0 ? row.tools : undefined;
  return `${orderedJson([['row_id', row.rowId], ['split', row.split], ['prompt', row.messages], ['tools', tools], ['response', row.response], ['metadata', metadata]])}\n`;
}

export async function writeWinnowJsonl(rows: RowSource, path: string): Promise<FileResult> {
  return writeFileAtomically(path, async (sink) => {
    const rowsPerSplit: SplitCounts = {};
    let count = 0;
    for await (const row of rows) {
      await sink.write(winnowLine(row));
      countSplit(rowsPerSplit, row);
      count++;
    }
    return { path, rows: count, rowsPerSplit };
  });
}

/**
 * The same line from a row stored as canonical JSON (keys sorted by UTF-16 code units at every depth): the stored
 * values are spliced in as they are. Same bytes as `winnowLine` of the parsed row, except inside objects with
 * several integer-like keys ("2", "10"), which stay in code-unit order here. Falls back to parsing when the text
 * is not a compact object or lacks a field.
 */
export function winnowLineFromCanonical(content: string, split: ExportSplit | null): string {
  const m = topLevelMembers(content);
  const rowId = m?.get('rowId');
  const messages = m?.get('messages');
  const response = m?.get('response');
  if (!m || rowId === undefined || messages === undefined || response === undefined) {
    const row = JSON.parse(content) as ExportRow;
    return winnowLine(split ? { ...row, split } : row);
  }
  const tools = m.get('tools');
  // A member missing from the stored row is left out, as JSON.stringify leaves out undefined; expected_output is
  // always there (null when there is none).
  const field = (name: string, key: string): string => {
    const value = m.get(key);
    return value === undefined ? '' : `,"${name}":${value}`;
  };
  const metadata =
    `${field('cluster_id', 'clusterId')}${field('conversation_id', 'conversationId')},"expected_output":${m.get('expectedOutput') ?? 'null'}${field('labels', 'labels')}` +
    `${field('membership_score', 'membershipScore')}${field('note', 'note')}${field('source_trace_id', 'sourceTraceId')}${field('trace_metadata', 'metadata')}${field('turn_index', 'turnIndex')}`;
  return `{"row_id":${rowId}${split ? `,"split":"${split}"` : ''},"prompt":${messages}${tools !== undefined && tools !== '[]' && tools !== 'null' ? `,"tools":${tools}` : ''},"response":${response},"metadata":{${metadata.slice(1)}}}\n`;
}

/** Winnow JSONL from stored canonical rows: the export job's path, with no parse and re-serialise per row. */
export async function writeWinnowJsonlCanonical(rows: CanonicalRowSource, path: string): Promise<FileResult> {
  return writeFileAtomically(path, async (sink) => {
    const rowsPerSplit: SplitCounts = {};
    let count = 0;
    for await (const row of rows) {
      await sink.write(winnowLineFromCanonical(row.content, row.split));
      const key = row.split ?? 'none';
      rowsPerSplit[key] = (rowsPerSplit[key] ?? 0) + 1;
      count++;
    }
    return { path, rows: count, rowsPerSplit };
  });
}
