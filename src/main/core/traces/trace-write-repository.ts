// Writes imported traces: batches of projected traces with their raw text and rows, duplicates skipped, and
// the secondary indexes a bulk import drops and rebuilds. New traces get explicit ids so their raw text and
// rows can be written in wide multi-row statements. Imports: better-sqlite3 types, platform/db (multi-row
// insert, secondary indexes), the duplicate filter, the projection's types.
import type { Database, Statement } from 'better-sqlite3';
import type { ProjectedTrace } from './import-projection.ts';
import { DuplicateFilter } from './duplicate-filter.ts';
import { MultiRowInsert } from '../platform/db/multi-row-insert.ts';
import { dropSecondaryIndexes, ensureSecondaryIndexes, hasDedupIndex, releaseSecondaryIndexes, secondaryIndexesHeld } from '../platform/db/secondary-indexes.ts';

const TRACE_COLUMNS = [
  'id', 'file_id', 'line', 'hash_key', 'format', 'source_id', 'conversation_id',
  'environment', 'task', 'provider', 'model', 'status', 'timestamp', 'latency_ms', 'prompt_tokens', 'completion_tokens',
  'total_tokens', 'cost', 'finish_reason', 'row_count', 'notices', 'prompt_preview', 'response_preview',
] as const;

/** Rows per statement, measured on the import benchmark: wider gains little and costs a longer SQL text. */
const TRACES_PER_STATEMENT = 16;
const ROWS_PER_STATEMENT = 32;

export class TraceWriteRepository {
  private readonly db: Database;
  private readonly maxId: Statement;
  private readonly keyStored: Statement;
  private readonly storedKeys: Statement;

  constructor(db: Database) {
    this.db = db;
    this.maxId = db.prepare('SELECT COALESCE(MAX(id), 0) FROM traces').pluck();
    this.keyStored = db.prepare('SELECT 1 FROM traces WHERE hash_key = ?').pluck();
    this.storedKeys = db.prepare('SELECT hash_key FROM traces').pluck().safeIntegers();
  }

  /** The highest trace id: ids are explicit and dense, so about how many traces are stored. */
  highestTraceId(): number {
    return this.maxId.get() as number;
  }

  /** Drops the indexes for import job `jobId`; false (nothing dropped) while another import runs on them. */
  dropSecondaryIndexes(jobId: number | null = null): boolean {
    return dropSecondaryIndexes(this.db, jobId === null ? null : { id: jobId, kind: 'import' });
  }

  /** Builds the missing indexes unless another live import holds them dropped; true when all exist. */
  ensureSecondaryIndexes(exceptJob: number | null = null, between?: (built: number, of: number) => void): boolean {
    return ensureSecondaryIndexes(this.db, exceptJob, between);
  }

  releaseSecondaryIndexes(jobId: number): void {
    releaseSecondaryIndexes(this.db, jobId);
  }

  /** Whether a live import other than `exceptJob` holds the indexes dropped. */
  indexesHeldElsewhere(exceptJob: number): boolean {
    return secondaryIndexesHeld(this.db, exceptJob);
  }

  /**
   * Start one per import, after any bulk index drop, so duplicates are found the right way. Its multi-row
   * statements hold rows between flushes, so a batch that failed half-way never leaks into the next import.
   */
  writer(): TraceWriter {
    const duplicates = hasDedupIndex(this.db)
      ? new DuplicateFilter((key) => this.keyStored.get(key) !== undefined)
      : new DuplicateFilter(null, this.storedKeys.iterate() as IterableIterator<bigint>);
    return new TraceWriter(this.db, () => this.highestTraceId(), duplicates);
  }
}

/** Writes the batches of one import. */
export class TraceWriter {
  private readonly traces: MultiRowInsert;
  private readonly raws: MultiRowInsert;
  private readonly rows: MultiRowInsert;
  private readonly highestId: () => number;
  private readonly duplicates: DuplicateFilter;

  constructor(db: Database, highestId: () => number, duplicates: DuplicateFilter) {
    this.traces = new MultiRowInsert(db, 'traces', TRACE_COLUMNS, TRACES_PER_STATEMENT);
    this.raws = new MultiRowInsert(db, 'trace_raw', ['id', 'raw', 'normalized_json'], TRACES_PER_STATEMENT);
    this.rows = new MultiRowInsert(db, 'rows', ['trace_id', 'turn_index', 'prompt_end', 'response_index'], ROWS_PER_STATEMENT);
    this.highestId = highestId;
    this.duplicates = duplicates;
  }

  /**
   * Writes the traces not stored before and returns, per trace, whether it was written (false: a duplicate).
   * Call inside a transaction.
   */
  write(fileId: number, batch: readonly ProjectedTrace[]): boolean[] {
    let id = this.highestId();
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
