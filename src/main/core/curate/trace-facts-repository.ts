// Reads what a dataset row does not copy but the filters need from its source trace: status, finish reason and
// the request's response_format. The traces keep these; a dataset row keeps the conversation only.
// Imports: better-sqlite3 types, traces index (stored trace parsing).
import type { Database, Statement } from 'better-sqlite3';
import { storedTrace } from '../traces/index.ts';

export interface TraceFacts {
  status: string | null;
  finishReason: string | null;
  responseFormat: unknown;
}

const CHUNK = 500;

export class TraceFactsRepository {
  private readonly s: Statement;

  constructor(db: Database) {
    // Only traces whose text names a response format are parsed again; the rest need two columns.
    this.s = db.prepare(`SELECT t.id, t.status, t.finish_reason, t.format,
        CASE WHEN instr(r.raw, 'response_format') > 0 OR instr(r.raw, 'responseFormat') > 0
          OR instr(COALESCE(r.normalized_json, ''), 'responseFormat') > 0 THEN 1 ELSE 0 END AS has_format,
        r.raw, r.normalized_json
      FROM traces t JOIN trace_raw r ON r.id = t.id
      WHERE t.id IN (SELECT value FROM json_each(?))`);
  }

  facts(traceIds: readonly number[]): Map<number, TraceFacts> {
    const out = new Map<number, TraceFacts>();
    const unique = [...new Set(traceIds)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const rows = this.s.all(JSON.stringify(unique.slice(i, i + CHUNK))) as {
        id: number;
        status: string | null;
        finish_reason: string | null;
        format: string;
        has_format: number;
        raw: string;
        normalized_json: string | null;
      }[];
      for (const r of rows) {
        let responseFormat: unknown = null;
        if (r.has_format) {
          try {
            responseFormat = storedTrace(r.raw, r.format, r.normalized_json).responseFormat;
          } catch {
            // A trace the parser no longer reads keeps its row's verdicts on the conversation alone.
            responseFormat = null;
          }
        }
        out.set(r.id, { status: r.status, finishReason: r.finish_reason, responseFormat });
      }
    }
    return out;
  }
}
