// Reads rows together with the trace they come from (rows → traces → trace_raw, one join for the whole app):
// the text that stands for each row, for embedding and naming, and the previews shown beside a row.
// Imports: better-sqlite3 types, contract types, stored-trace, row-text, previews, parse types.
import type { Database, Statement } from 'better-sqlite3';
import type { TextMode } from '../../../shared/contract/index.ts';
import type { ChatMessage } from './parse/types.ts';
import { promptPreview, responsePreview } from './previews.ts';
import { rowText } from './row-text.ts';
import { storedTrace } from './stored-trace.ts';

export interface RowTexts {
  rowIds: Int32Array;
  texts: string[];
}

/** What a list of rows shows for one row: where it comes from and the start of its prompt and response. */
export interface RowPreview {
  rowId: number;
  traceId: number;
  file: string;
  line: number;
  prompt: string;
  response: string;
}

const ROW_SOURCE = `SELECT r.id, r.trace_id, r.prompt_end, r.response_index, t.format, t.line, x.raw, x.normalized_json, f.path
  FROM rows r JOIN traces t ON t.id = r.trace_id JOIN trace_raw x ON x.id = r.trace_id JOIN import_files f ON f.id = t.file_id`;

interface RowSource {
  id: number;
  trace_id: number;
  prompt_end: number;
  response_index: number | null;
  format: string;
  line: number;
  raw: string;
  normalized_json: string | null;
  path: string;
}

export class RowRepository {
  private readonly everyRow: Statement;
  private readonly oneRow: Statement;
  private readonly someRows: Statement;

  constructor(db: Database) {
    // Rows of one trace arrive together, so each trace parses once.
    this.everyRow = db.prepare(`${ROW_SOURCE} ORDER BY r.trace_id, r.id`);
    this.oneRow = db.prepare(`${ROW_SOURCE} WHERE r.id = ?`);
    this.someRows = db.prepare(`${ROW_SOURCE} WHERE r.id IN (SELECT value FROM json_each(?))`);
  }

  /** Every row, or only `only` (in that order), with the text that stands for it under `mode`. */
  texts(mode: TextMode, only?: readonly number[], signal?: AbortSignal): RowTexts {
    const one = this.oneRow;
    const records: Iterable<RowSource> = only
      ? (function* () {
          for (const id of only) yield one.get(id) as RowSource;
        })()
      : (this.everyRow.iterate() as Iterable<RowSource>);
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

  /** Previews of the given rows, in the order given (prompts as `mode` sees them); ids of rows that do not exist are left out. */
  previews(rowIds: readonly number[], mode: TextMode = 'last-user'): RowPreview[] {
    if (rowIds.length === 0) return [];
    const byId = new Map((this.someRows.all(JSON.stringify(rowIds)) as RowSource[]).map((r) => [r.id, r]));
    const out: RowPreview[] = [];
    for (const id of rowIds) {
      const r = byId.get(id);
      if (!r) continue;
      const messages = storedTrace(r.raw, r.format, r.normalized_json).messages;
      out.push({
        rowId: r.id,
        traceId: r.trace_id,
        file: r.path,
        line: r.line,
        prompt: promptPreview(messages, r.prompt_end, mode),
        response: responsePreview(r.response_index === null ? null : messages[r.response_index]),
      });
    }
    return out;
  }
}
