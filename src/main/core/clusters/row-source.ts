// Loads the rows to cluster with the text that represents each, re-parsing each trace once.
// Imports: better-sqlite3 types, stored-trace, row-text.
import type { Database } from 'better-sqlite3';
import type { TextMode } from '../../../shared/contract/index.ts';
import type { ChatMessage } from '../traces/parse/types.ts';
import { storedTrace } from '../traces/stored-trace.ts';
import { rowText } from '../traces/row-text.ts';

export interface RowTexts {
  rowIds: Int32Array;
  texts: string[];
}

interface RowRecord {
  id: number;
  trace_id: number;
  prompt_end: number;
  raw: string;
  format: string;
  normalized_json: string | null;
}

/** All rows, or only `only` (sorted ids), with their texts. Rows of one trace arrive together, so each trace parses once. */
export function loadRowTexts(db: Database, mode: TextMode, only?: readonly number[], signal?: AbortSignal): RowTexts {
  const select = `SELECT r.id, r.trace_id, r.prompt_end, x.raw, t.format, x.normalized_json FROM rows r JOIN traces t ON t.id = r.trace_id JOIN trace_raw x ON x.id = r.trace_id`;
  const records: Iterable<RowRecord> = only
    ? (function* () {
        const stmt = db.prepare(`${select} WHERE r.id = ?`);
        for (const id of only) yield stmt.get(id) as RowRecord;
      })()
    : (db.prepare(`${select} ORDER BY r.trace_id, r.id`).iterate() as Iterable<RowRecord>);
  const ids: number[] = [];
  const texts: string[] = [];
  let cachedTrace = -1;
  let messages: ChatMessage[] = [];
  for (const r of records) {
    if (r.trace_id !== cachedTrace) {
      if (ids.length % 4096 === 0) signal?.throwIfAborted();
      messages = storedTrace(r.raw, r.format, r.normalized_json).messages;
      cachedTrace = r.trace_id;
    }
    ids.push(r.id);
    texts.push(rowText(messages.slice(0, r.prompt_end), mode));
  }
  return { rowIds: Int32Array.from(ids), texts };
}
