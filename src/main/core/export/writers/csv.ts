// Owns: the CSV export: one row per dataset row with text columns for people and JSON columns for machines.
// Imports: papaparse, writers helpers (atomic output, sorted JSON), platform message text.

import Papa from 'papaparse';
import { writeFileAtomically } from './atomic-output.ts';
import { contentText, lastUserText } from '../../platform/message-text.ts';
import { sortedJson } from './sorted-json.ts';
import type { ExportRow, FileResult, RowSource, SplitCounts } from './types.ts';
import { countSplit } from './types.ts';

export const CSV_COLUMNS = ['row_id', 'prompt', 'response', 'messages_json', 'labels', 'expected_output', 'note', 'split', 'source_trace_id'] as const;

/**
 * prompt: the last user message's text, or the messages as JSON when no user message has text. response: its
 * text, or its tool calls as JSON when it has no text. labels: a JSON array. expected_output: a string as it is,
 * any other value as JSON, empty when there is none. Cells are not prefixed against spreadsheet formulas: the
 * export must round-trip exactly, and it is data for tools, not a sheet.
 */
export function csvCells(row: ExportRow): string[] {
  const prompt = lastUserText(row.messages);
  const responseText = contentText(row.response.content);
  const response = responseText !== '' || !row.response.tool_calls ? responseText : sortedJson(row.response.tool_calls);
  const expected = row.expectedOutput ?? null;
  return [
    String(row.rowId),
    prompt !== '' ? prompt : sortedJson(row.messages),
    response,
    sortedJson(row.messages),
    sortedJson(row.labels),
    expected === null ? '' : typeof expected === 'string' ? expected : sortedJson(expected),
    row.note ?? '',
    row.split ?? '',
    String(row.sourceTraceId),
  ];
}

// RFC 4180 line ends, and rows unparsed a batch at a time so papaparse's per-call cost is paid rarely.
const NEWLINE = '\r\n';
const BATCH = 1000;

export async function writeCsv(rows: RowSource, path: string): Promise<FileResult> {
  return writeFileAtomically(path, async (sink) => {
    const unparse = (data: string[][]): string => Papa.unparse(data, { newline: NEWLINE, quotes: false }) + NEWLINE;
    await sink.write(unparse([[...CSV_COLUMNS]]));
    const rowsPerSplit: SplitCounts = {};
    let batch: string[][] = [];
    let count = 0;
    for await (const row of rows) {
      batch.push(csvCells(row));
      countSplit(rowsPerSplit, row);
      count++;
      if (batch.length === BATCH) {
        await sink.write(unparse(batch));
        batch = [];
      }
    }
    if (batch.length > 0) await sink.write(unparse(batch));
    return { path, rows: count, rowsPerSplit };
  });
}
