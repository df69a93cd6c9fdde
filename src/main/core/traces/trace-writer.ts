// Writes a batch of projected traces: skips duplicates, gives new traces explicit ids so their raw text and
// rows can be written in wide multi-row statements. Imports: better-sqlite3 types, duplicate filter,
// multi-row insert, the projection's types.
import type { Database, Statement } from 'better-sqlite3';
import type { ProjectedTrace } from './import-projection.ts';
import { DuplicateFilter } from './duplicate-filter.ts';
import { MultiRowInsert } from '../platform/db/multi-row-insert.ts';

const TRACE_COLUMNS = [
  'id', 'file_id', 'line', 'hash_key', 'format', 'source_id', 'conversation_id',
  'environment', 'task', 'provider', 'model', 'status', 'timestamp', 'latency_ms', 'prompt_tokens', 'completion_tokens',
  'total_tokens', 'cost', 'finish_reason', 'row_count', 'notices', 'prompt_preview', 'response_preview',
] as const;

/** Rows per statement, measured on the import benchmark: wider gains little and costs a longer SQL text. */
const TRACES_PER_STATEMENT = 16;
const ROWS_PER_STATEMENT = 32;

export class TraceWriter {
  private readonly traces: MultiRowInsert;
  private readonly raws: MultiRowInsert;
  private readonly rows: MultiRowInsert;
  private readonly maxId: Statement;
  private readonly duplicates: DuplicateFilter;

  /** Create one per import, after any bulk index drop, so duplicates are found the right way. */
  constructor(db: Database) {
    this.traces = new MultiRowInsert(db, 'traces', TRACE_COLUMNS, TRACES_PER_STATEMENT);
    this.raws = new MultiRowInsert(db, 'trace_raw', ['id', 'raw', 'normalized_json'], TRACES_PER_STATEMENT);
    this.rows = new MultiRowInsert(db, 'rows', ['trace_id', 'turn_index', 'prompt_end', 'response_index'], ROWS_PER_STATEMENT);
    this.maxId = db.prepare('SELECT COALESCE(MAX(id), 0) FROM traces').pluck();
    this.duplicates = new DuplicateFilter(db);
  }

  /**
   * Writes the traces not stored before and returns, per trace, whether it was written (false: a duplicate).
   * Call inside a transaction.
   */
  write(fileId: number, batch: readonly ProjectedTrace[]): boolean[] {
    let id = this.maxId.get() as number;
    const ids = batch.map((t) => {
      if (!this.duplicates.accept(t.hashKey)) return 0;
      id++;
      this.traces.add(id, fileId, t.line, t.hashKey, t.format, t.sourceId, t.conversationId, ...t.facets, t.rows.length / 3, t.notices.length, t.promptPreview, t.responsePreview);
      this.raws.add(id, t.raw, t.normalized);
      return id;
    });
    this.traces.flush();
    this.raws.flush();
    // Rows reference their trace, so they are written once every trace of the batch is.
    batch.forEach((t, at) => {
      const traceId = ids[at]!;
      if (traceId === 0) return;
      for (let i = 0; i < t.rows.length; i += 3) {
        const responseIndex = t.rows[i + 2]!;
        this.rows.add(traceId, t.rows[i], t.rows[i + 1], responseIndex < 0 ? null : responseIndex);
      }
    });
    this.rows.flush();
    return ids.map((traceId) => traceId !== 0);
  }
}
