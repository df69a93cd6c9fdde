// Owns: the OpenAI chat fine-tuning JSONL export: {"messages": [...], "tools": [...]} per row.
// Imports: writers helpers (atomic output, sorted JSON, OpenAI messages).

import { writeFileAtomically } from './atomic-output.ts';
import { openAiMessages } from './openai-messages.ts';
import { sortedJson } from './sorted-json.ts';
import type { ExportRow, FileResult, RowSource, SplitCounts } from './types.ts';
import { countSplit } from './types.ts';

/** One line; `tools` only when the row has some. */
export function openAiLine(row: ExportRow): string {
  const tools = row.tools && row.tools.length > 0 ? `,"tools":${sortedJson(row.tools)}` : '';
  return `{"messages":${sortedJson(openAiMessages(row))}${tools}}\n`;
}

export async function writeOpenAiJsonl(rows: RowSource, path: string): Promise<FileResult> {
  return writeFileAtomically(path, async (sink) => {
    const rowsPerSplit: SplitCounts = {};
    let count = 0;
    for await (const row of rows) {
      await sink.write(openAiLine(row));
      countSplit(rowsPerSplit, row);
      count++;
    }
    return { path, rows: count, rowsPerSplit };
  });
}
