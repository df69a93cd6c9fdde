// Owns: the Winnow JSONL export: every row with its prompt, response and provenance, losslessly.
// Imports: writers helpers (atomic output, sorted JSON).

import { writeFileAtomically } from './atomic-output.ts';
import { orderedJson } from './sorted-json.ts';
import type { ExportRow, FileResult, RowSource, SplitCounts } from './types.ts';
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
