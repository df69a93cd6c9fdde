// Reads traces and their rows: keyset and positioned pages, counts, facets, detail (trace-write-repository.ts writes them).
// Imports: better-sqlite3 types, trace-filter, contract types, the content hash, stored-trace.
import type { Database } from 'better-sqlite3';
import type { FacetCounts, FacetName, TraceDetail, TraceFilter, TraceSummary } from '../../../shared/contract/index.ts';
import { contentHash } from './parse/index.ts';
import { storedTrace } from './stored-trace.ts';
import { FACET_COLUMNS, buildTraceWhere } from './trace-filter.ts';

const SUMMARY_COLUMNS = `id, file_id, line, format, environment, task, provider, model, status, timestamp,
  latency_ms, total_tokens, cost, finish_reason, row_count, prompt_preview, response_preview`;

interface SummaryRecord {
  id: number;
  file_id: number;
  line: number;
  format: string;
  environment: string | null;
  task: string | null;
  provider: string | null;
  model: string | null;
  status: string | null;
  timestamp: number | null;
  latency_ms: number | null;
  total_tokens: number | null;
  cost: number | null;
  finish_reason: string | null;
  row_count: number;
  prompt_preview: string;
  response_preview: string;
}

const toSummary = (r: SummaryRecord): TraceSummary => ({
  id: r.id,
  fileId: r.file_id,
  line: r.line,
  format: r.format,
  environment: r.environment,
  task: r.task,
  provider: r.provider,
  model: r.model,
  status: r.status,
  timestamp: r.timestamp,
  latencyMs: r.latency_ms,
  totalTokens: r.total_tokens,
  cost: r.cost,
  finishReason: r.finish_reason,
  rows: r.row_count,
  prompt: r.prompt_preview,
  response: r.response_preview,
});

export class TraceRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** What the traces table holds: traces are only ever appended, so any write changes the count and the max id. */
  version(): { count: number; minId: number | null; maxId: number | null } {
    // Three statements: MIN and MAX alone are one b-tree seek each, and COUNT alone walks the smallest index.
    const count = (this.db.prepare('SELECT COUNT(*) AS n FROM traces').get() as { n: number }).n;
    const minId = this.db.prepare('SELECT MIN(id) FROM traces').pluck().get() as number | null;
    const maxId = this.db.prepare('SELECT MAX(id) FROM traces').pluck().get() as number | null;
    return { count, minId, maxId };
  }

  count(filter: TraceFilter): number {
    const where = buildTraceWhere(filter);
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM traces ${where.sql}`).get(...where.params) as { n: number }).n;
  }

  /** The ids at positions 0, every, 2·every, … of the filtered list in id order, found in one pass inside SQLite. */
  idMarks(filter: TraceFilter, every: number): number[] {
    const where = buildTraceWhere(filter);
    return this.db
      .prepare(`SELECT id FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS rn FROM traces ${where.sql}) WHERE rn % ? = 0 ORDER BY id`)
      .pluck()
      .all(...where.params, every) as number[];
  }

  /**
   * A page of the filtered list in id order: ids from `minId` on (all when null), after skipping `skip` matches.
   * Callers keep `skip` small (below one mark interval), so no page scans a million rows to find its start.
   */
  page(filter: TraceFilter, minId: number | null, skip: number, limit: number): TraceSummary[] {
    const where = buildTraceWhere(filter);
    const from = minId === null ? '' : `${where.sql ? ' AND' : 'WHERE'} id >= ?`;
    const items = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM traces ${where.sql}${from} ORDER BY id LIMIT ? OFFSET ?`)
      .all(...where.params, ...(minId === null ? [] : [minId]), limit, skip) as SummaryRecord[];
    return items.map(toSummary);
  }

  /**
   * Facet counts the direct way, one GROUP BY over the matching traces per facet: the baseline the facet benchmark
   * measures facet-repository.ts against, and the reference its tests compare with.
   */
  facetsByScan(filter: TraceFilter): { total: number; facets: FacetCounts; timeRange: { min: number | null; max: number | null } } {
    const facets = {} as FacetCounts;
    for (const [facet, column] of Object.entries(FACET_COLUMNS) as [FacetName, string][]) {
      const where = buildTraceWhere(filter, facet);
      facets[facet] = this.db
        .prepare(`SELECT ${column} AS value, COUNT(*) AS count FROM traces ${where.sql} GROUP BY ${column} ORDER BY count DESC, value LIMIT 100`)
        .all(...where.params) as { value: string | null; count: number }[];
    }
    const where = buildTraceWhere(filter);
    const stats = this.db
      .prepare(`SELECT COUNT(*) AS n, MIN(timestamp) AS min, MAX(timestamp) AS max FROM traces ${where.sql}`)
      .get(...where.params) as { n: number; min: number | null; max: number | null };
    return { total: stats.n, facets, timeRange: { min: stats.min, max: stats.max } };
  }

  get(id: number): TraceDetail | undefined {
    const r = this.db
      .prepare(`SELECT t.*, r.raw, r.normalized_json, f.path FROM traces t JOIN trace_raw r ON r.id = t.id JOIN import_files f ON f.id = t.file_id WHERE t.id = ?`)
      .get(id) as
      | (SummaryRecord & {
          path: string;
          raw: string;
          source_id: string | null;
          conversation_id: string;
          normalized_json: string | null;
        })
      | undefined;
    if (!r) return undefined;
    const trace = storedTrace(r.raw, r.format, r.normalized_json);
    const messages = trace.messages;
    const rows = this.db
      .prepare('SELECT id, turn_index, prompt_end, response_index FROM rows WHERE trace_id = ? ORDER BY turn_index')
      .all(id) as { id: number; turn_index: number; prompt_end: number; response_index: number | null }[];
    return {
      ...toSummary(r),
      path: r.path,
      raw: r.raw,
      contentHash: contentHash(r.raw),
      sourceId: r.source_id,
      metadata: trace.metadata,
      tools: trace.tools,
      notices: trace.notices,
      rowsDetail: rows.map((row) => ({
        id: row.id,
        turnIndex: row.turn_index,
        conversationId: r.conversation_id,
        messages: messages.slice(0, row.prompt_end),
        response: row.response_index === null ? null : (messages[row.response_index] ?? null),
        cluster: null,
      })),
    };
  }

  counts(): { traces: number; rows: number } {
    const traces = (this.db.prepare('SELECT COUNT(*) AS n FROM traces').get() as { n: number }).n;
    const rows = (this.db.prepare('SELECT COUNT(*) AS n FROM rows').get() as { n: number }).n;
    return { traces, rows };
  }
}
