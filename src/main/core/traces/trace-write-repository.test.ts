import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-dir.ts';
import { projectBatch, type ProjectedTrace } from './import-projection.ts';
import { parseRecordText } from './parse/index.ts';
import { openDatabase } from '../platform/db/connection.ts';
import { hasDedupIndex } from '../platform/db/secondary-indexes.ts';
import { TraceWriteRepository } from './trace-write-repository.ts';

/** A chat with `turns` assistant turns, distinct per `n`. */
function chat(n: number, turns: number): string {
  const messages: unknown[] = [{ role: 'system', content: 'Be brief.' }];
  for (let t = 0; t < turns; t++) messages.push({ role: 'user', content: `question ${n}.${t}` }, { role: 'assistant', content: `answer ${n}.${t}` });
  return JSON.stringify({ messages, metadata: { model: 'gpt-4o-mini' } });
}

function project(lines: string[]): ProjectedTrace[] {
  const records = lines.map((raw, i) => ({ line: i + 1, raw, result: parseRecordText(raw, 'auto') }));
  const batch = { records, blankLines: 0, checkpoint: { byteOffset: 0, line: 0, recordIndex: 0 }, bytesRead: 0 };
  return projectBatch(batch, { multiTurn: 'split', storeNormalized: false }).traces;
}

const count = (db: Database, table: string): number => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('TraceWriteRepository', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Database;
  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(join(dir.path, 'winnow.sqlite'));
    db.prepare("INSERT INTO import_files (id, path, file_format, size, status, imported_at) VALUES (1, 'a.jsonl', 'jsonl', 0, 'importing', 0)").run();
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  // 37 traces of 1 to 3 turns: more than one full multi-row statement of traces (16) and of rows (32), plus remainders.
  const lines = Array.from({ length: 37 }, (_, n) => chat(n, (n % 3) + 1));
  const expectedRows = lines.reduce((sum, _, n) => sum + (n % 3) + 1, 0);

  for (const mode of ['unique index', 'bulk (index dropped)'] as const) {
    it(`writes every trace once with its raw text and rows, and skips duplicates (${mode})`, () => {
      const store = new TraceWriteRepository(db);
      const seeded = project([lines[5]!]);
      db.transaction(() => store.writer().write(1, seeded))();
      if (mode === 'bulk (index dropped)') store.dropSecondaryIndexes();
      expect(hasDedupIndex(db)).toBe(mode === 'unique index');

      const writer = store.writer();
      const first = project([...lines.slice(0, 20), lines[3]!]);
      const second = project([...lines.slice(15), lines[0]!]);
      const written1 = db.transaction(() => writer.write(1, first))();
      const written2 = db.transaction(() => writer.write(1, second))();

      // Line 6 was stored before, line 4 repeats inside the batch, lines 16-20 and line 1 repeat across batches.
      expect(written1.filter((w) => !w)).toHaveLength(2);
      expect(written1[5]).toBe(false);
      expect(written1[20]).toBe(false);
      expect(written2.filter((w) => !w)).toHaveLength(6);
      expect(written2.slice(5, 22).every(Boolean)).toBe(true);
      expect(count(db, 'traces')).toBe(37);
      expect(count(db, 'trace_raw')).toBe(37);
      expect(count(db, 'rows')).toBe(expectedRows);
      const stored = db.prepare('SELECT x.raw FROM traces t JOIN trace_raw x ON x.id = t.id ORDER BY t.id').pluck().all() as string[];
      expect(new Set(stored)).toEqual(new Set(lines));
      const orphanRows = db.prepare('SELECT COUNT(*) FROM rows r LEFT JOIN traces t ON t.id = r.trace_id WHERE t.id IS NULL').pluck().get();
      expect(orphanRows).toBe(0);
      // Nothing was stored twice, so the unique index builds again.
      store.ensureSecondaryIndexes();
      expect(hasDedupIndex(db)).toBe(true);
    });
  }

  it('gives each trace the rows of its own turns', () => {
    const [three] = project([chat(1, 3)]);
    db.transaction(() => new TraceWriteRepository(db).writer().write(1, [three!]))();
    const rows = db.prepare('SELECT turn_index, prompt_end, response_index FROM rows ORDER BY id').raw().all();
    // system, user, assistant, user, assistant, user, assistant
    expect(rows).toEqual([
      [0, 2, 2],
      [1, 4, 4],
      [2, 6, 6],
    ]);
  });
});
