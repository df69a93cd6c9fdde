// Reads and writes imported files (one record per path, with its counters), the lines they rejected and the
// notices their imported lines carried. Imports: better-sqlite3 types, contract types.
import type { Database, Statement } from 'better-sqlite3';
import type { ImportFileSummary, NoticeLine, RejectedLine } from '../../../shared/contract/index.ts';

export interface FileCounters {
  traces: number;
  rows: number;
  duplicates: number;
  blankLines: number;
  rejected: number;
  notices: number;
  noticeCodes: Record<string, number>;
  formats: Record<string, number>;
}

export const emptyCounters = (): FileCounters => ({
  traces: 0,
  rows: 0,
  duplicates: 0,
  blankLines: 0,
  rejected: 0,
  notices: 0,
  noticeCodes: {},
  formats: {},
});

interface FileRecord {
  id: number;
  path: string;
  file_format: string;
  status: ImportFileSummary['status'];
  traces: number;
  rows: number;
  duplicates: number;
  blank_lines: number;
  rejected: number;
  notices: number;
  notice_codes_json: string;
  formats_json: string;
  error: string | null;
  imported_at: number;
}

const toSummary = (r: FileRecord): ImportFileSummary => ({
  id: r.id,
  path: r.path,
  fileFormat: r.file_format,
  status: r.status,
  traces: r.traces,
  rows: r.rows,
  duplicates: r.duplicates,
  blankLines: r.blank_lines,
  rejected: r.rejected,
  notices: r.notices,
  noticeCodes: JSON.parse(r.notice_codes_json) as Record<string, number>,
  formats: JSON.parse(r.formats_json) as Record<string, number>,
  error: r.error,
  importedAt: r.imported_at,
});

/** Raw text kept for a rejected line; past this the user sees the start and a marker. */
export const MAX_REJECTED_RAW = 64 * 1024;

/**
 * Notice lines kept per code and file. A prompt-only eval set flags every line, and a million identical
 * notices would help no one; the count per code stays complete, and rarer codes keep their own lines.
 */
export const MAX_NOTICE_LINES_PER_CODE = 1000;

export class ImportRepository {
  private readonly db: Database;
  private readonly insertRejected: Statement;
  private readonly insertNotice: Statement;
  private readonly updateCounters: Statement;

  constructor(db: Database) {
    this.db = db;
    this.insertRejected = db.prepare(
      'INSERT OR REPLACE INTO rejected_lines (file_id, line, code, message, raw, raw_truncated) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertNotice = db.prepare('INSERT INTO import_notices (file_id, line, code, message) VALUES (?, ?, ?, ?)');
    this.updateCounters = db.prepare(`UPDATE import_files SET traces = ?, rows = ?, duplicates = ?, blank_lines = ?,
      rejected = ?, notices = ?, notice_codes_json = ?, formats_json = ? WHERE id = ?`);
  }

  /**
   * Starts (or restarts) the import of a path. A fresh import of a path seen before clears its old
   * rejected lines, notices and counters, because the file is read again from the start; traces stay (deduplicated).
   */
  begin(path: string, fileFormat: string, size: number, jobId: number, now: number): number {
    const existing = this.db.prepare('SELECT id FROM import_files WHERE path = ?').get(path) as { id: number } | undefined;
    if (existing) {
      this.db.prepare('DELETE FROM rejected_lines WHERE file_id = ?').run(existing.id);
      this.db.prepare('DELETE FROM import_notices WHERE file_id = ?').run(existing.id);
      this.db
        .prepare(`UPDATE import_files SET file_format = ?, size = ?, status = 'importing', error = NULL, job_id = ?, traces = 0, rows = 0,
          duplicates = 0, blank_lines = 0, rejected = 0, notices = 0, notice_codes_json = '{}', formats_json = '{}', imported_at = ?
          WHERE id = ?`)
        .run(fileFormat, size, jobId, now, existing.id);
      return existing.id;
    }
    const result = this.db
      .prepare(`INSERT INTO import_files (path, file_format, size, status, job_id, imported_at) VALUES (?, ?, ?, 'importing', ?, ?)`)
      .run(path, fileFormat, size, jobId, now);
    return Number(result.lastInsertRowid);
  }

  fileIdOf(path: string): number | undefined {
    return (this.db.prepare('SELECT id FROM import_files WHERE path = ?').get(path) as { id: number } | undefined)?.id;
  }

  reject(fileId: number, line: number, code: string, message: string, raw: string): void {
    const truncated = raw.length > MAX_REJECTED_RAW;
    this.insertRejected.run(fileId, line, code, message, truncated ? raw.slice(0, MAX_REJECTED_RAW) : raw, truncated ? 1 : 0);
  }

  /** Counts an imported line's notices in `c`, keeping the line itself while its code has room. */
  notice(fileId: number, line: number, code: string, message: string, c: FileCounters): void {
    const seen = c.noticeCodes[code] ?? 0;
    if (seen < MAX_NOTICE_LINES_PER_CODE) this.insertNotice.run(fileId, line, code, message);
    c.noticeCodes[code] = seen + 1;
    c.notices++;
  }

  saveCounters(fileId: number, c: FileCounters): void {
    this.updateCounters.run(c.traces, c.rows, c.duplicates, c.blankLines, c.rejected, c.notices, JSON.stringify(c.noticeCodes), JSON.stringify(c.formats), fileId);
  }

  counters(fileId: number): FileCounters {
    const { traces, rows, duplicates, blankLines, rejected, notices, noticeCodes, formats } = toSummary(
      this.db.prepare('SELECT * FROM import_files WHERE id = ?').get(fileId) as FileRecord,
    );
    return { traces, rows, duplicates, blankLines, rejected, notices, noticeCodes, formats };
  }

  setStatus(fileId: number, status: ImportFileSummary['status'], error: string | null = null): void {
    this.db.prepare('UPDATE import_files SET status = ?, error = ? WHERE id = ?').run(status, error, fileId);
  }

  /**
   * Marks files still `importing` as interrupted unless their job is alive (in another process on this folder):
   * called at start-up, after the job runner marked orphaned jobs. Reads first, so a read-only command with
   * nothing to mark never waits for another process's write lock.
   */
  markInterrupted(): void {
    const orphaned = `status = 'importing' AND (job_id IS NULL OR job_id NOT IN (SELECT id FROM jobs WHERE status IN ('queued', 'running')))`;
    if (this.db.prepare(`SELECT 1 FROM import_files WHERE ${orphaned} LIMIT 1`).get() === undefined) return;
    this.db.prepare(`UPDATE import_files SET status = 'interrupted' WHERE ${orphaned}`).run();
  }

  list(): ImportFileSummary[] {
    return (this.db.prepare('SELECT * FROM import_files ORDER BY id DESC').all() as FileRecord[]).map(toSummary);
  }

  rejectedLines(fileId: number | undefined, afterId: number | null, limit: number): { total: number; items: RejectedLine[] } {
    const where = fileId === undefined ? '' : 'WHERE r.file_id = ?';
    const base = fileId === undefined ? [] : [fileId];
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM rejected_lines r ${where}`).get(...base) as { n: number }).n;
    const keyset = afterId === null ? '' : `${where ? ' AND' : 'WHERE'} r.id > ?`;
    const rows = this.db
      .prepare(`SELECT r.*, f.path FROM rejected_lines r JOIN import_files f ON f.id = r.file_id ${where}${keyset} ORDER BY r.id LIMIT ?`)
      .all(...base, ...(afterId === null ? [] : [afterId]), limit) as {
      id: number;
      file_id: number;
      path: string;
      line: number;
      code: string;
      message: string;
      raw: string;
      raw_truncated: number;
    }[];
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        fileId: r.file_id,
        path: r.path,
        line: r.line,
        code: r.code,
        message: r.message,
        raw: r.raw,
        rawTruncated: r.raw_truncated === 1,
      })),
    };
  }

  noticeLines(fileId: number | undefined, code: string | undefined, afterId: number | null, limit: number): { total: number; items: NoticeLine[] } {
    const conditions: string[] = [];
    const params: (number | string)[] = [];
    if (fileId !== undefined) {
      conditions.push('n.file_id = ?');
      params.push(fileId);
    }
    if (code !== undefined) {
      conditions.push('n.code = ?');
      params.push(code);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM import_notices n ${where}`).get(...params) as { n: number }).n;
    const keyset = afterId === null ? '' : `${where ? ' AND' : 'WHERE'} n.id > ?`;
    const rows = this.db
      .prepare(`SELECT n.id, n.file_id, f.path, n.line, n.code, n.message FROM import_notices n JOIN import_files f ON f.id = n.file_id
        ${where}${keyset} ORDER BY n.id LIMIT ?`)
      .all(...params, ...(afterId === null ? [] : [afterId]), limit) as { id: number; file_id: number; path: string; line: number; code: string; message: string }[];
    return { total, items: rows.map((r) => ({ id: r.id, fileId: r.file_id, path: r.path, line: r.line, code: r.code, message: r.message })) };
  }
}
