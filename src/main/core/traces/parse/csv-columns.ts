// Owns: mapping tabular columns (CSV, Parquet) onto a record object: prompt/response aliases by name, `messages`
// as JSON, everything else as metadata; a Langfuse export table passes through with its own column names.
// Imports: values, formats/prompt-response (the alias lists).

import type { JsonObject } from './values.ts';
import { isObject, parseJsonText, setOwn } from './values.ts';
import { PROMPT_KEYS, RESPONSE_KEYS } from './formats/prompt-response.ts';

export interface ColumnMap {
  names: string[];
  prompt: number;
  response: number;
  messages: number;
  tools: number;
  /** Columns of a Langfuse observations export (traceId + input/output): keep names as they are. */
  passthrough: boolean;
}

/** Header names are matched case-insensitively; the first alias in priority order wins. */
export function mapColumns(header: string[]): ColumnMap {
  const names = header.map((h) => h.trim());
  const lower = names.map((h) => h.toLowerCase());
  const find = (aliases: readonly string[]): number => {
    for (const alias of aliases) {
      const i = lower.indexOf(alias);
      if (i >= 0) return i;
    }
    return -1;
  };
  const messages = lower.indexOf('messages');
  const passthrough = messages < 0 && lower.includes('traceid') && (lower.includes('input') || lower.includes('output'));
  return { names, prompt: find(PROMPT_KEYS), response: find(RESPONSE_KEYS), messages, tools: lower.indexOf('tools'), passthrough };
}

/** True when rows can become records at all. */
export function hasConversationColumns(map: ColumnMap): boolean {
  return map.passthrough || map.prompt >= 0 || map.messages >= 0;
}

/** The record a row stands for, ready for the record-format parsers. Cells are text (CSV) or typed values (Parquet). */
export function rowToRecord(map: ColumnMap, row: readonly unknown[]): JsonObject {
  const record: JsonObject = {};
  if (map.passthrough) {
    for (let i = 0; i < row.length; i++) setOwn(record, map.names[i] as string, row[i]);
    return record;
  }
  const metadata: JsonObject = {};
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (i === map.prompt) record.prompt = parseMessageList(cell);
    else if (i === map.response) record.response = cell;
    else if (i === map.messages) record.messages = parseJsonText(cell);
    else if (i === map.tools && map.messages >= 0) record.tools = parseJsonText(cell);
    else {
      // A cell holding a JSON object (e.g. a `metadata` column) is spread into the metadata.
      const parsed = typeof cell === 'string' && cell.length > 1 && cell.charCodeAt(0) === 123 ? parseJsonText(cell) : cell;
      if (isObject(parsed)) for (const key in parsed) setOwn(metadata, key, parsed[key]);
      else setOwn(metadata, map.names[i] as string, cell);
    }
  }
  record.metadata = metadata;
  // A table of OpenAI messages with the answer in its own column (Winnow's Parquet export, many HF datasets):
  // the answer is the conversation's last turn, not metadata.
  if (map.messages >= 0 && map.response >= 0 && Array.isArray(record.messages)) {
    const answer = typeof record.response === 'string' ? parseJsonText(record.response) : record.response;
    if (isObject(answer) && answer.role === 'assistant') {
      record.messages = [...record.messages, answer];
      delete record.response;
    }
  }
  return record;
}

/** A prompt cell may hold a JSON message list; plain text stays text. */
function parseMessageList(cell: unknown): unknown {
  if (typeof cell !== 'string' || cell.charCodeAt(0) !== 91) return cell;
  const parsed = parseJsonText(cell);
  return Array.isArray(parsed) && parsed.every((m) => isObject(m) && typeof m.role === 'string') ? parsed : cell;
}
