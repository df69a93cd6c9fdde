// Writes the search index, the metadata facet tables and the facet cube (migration 009), and reads how far they
// are. Imports: better-sqlite3 types, the platform write transaction.
import type { Database, Statement } from 'better-sqlite3';
import type { SearchText } from './search-document.ts';
import { writeTransaction } from '../../platform/db/transaction.ts';

export interface PendingTrace {
  id: number;
  format: string;
  raw: string;
  normalized_json: string | null;
}

export interface SearchDocument extends SearchText {
  id: number;
  metadata: [key: string, value: string][];
}

export interface IndexState {
  indexedThrough: number;
  cubeThrough: number;
  /** The highest trace id stored (0 when there are none). */
  highest: number;
}

export class SearchRepository {
  private readonly db: Database;
  private readonly s: Record<'state' | 'highest' | 'pending' | 'remaining' | 'fts' | 'meta' | 'count' | 'key' | 'through', Statement>;

  constructor(db: Database) {
    this.db = db;
    this.s = {
      state: db.prepare('SELECT indexed_through, cube_through FROM search_state WHERE id = 1'),
      highest: db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM traces'),
      pending: db.prepare(
        'SELECT t.id, t.format, r.raw, r.normalized_json FROM traces t JOIN trace_raw r ON r.id = t.id WHERE t.id > ? ORDER BY t.id LIMIT ?',
      ),
      remaining: db.prepare('SELECT COUNT(*) AS n FROM traces WHERE id > ?'),
      fts: db.prepare('INSERT INTO trace_search (rowid, system, conversation) VALUES (?, ?, ?)'),
      meta: db.prepare('INSERT OR IGNORE INTO trace_metadata (key, value, trace_id) VALUES (?, ?, ?)'),
      count: db.prepare(
        'INSERT INTO metadata_values (key, value, count) VALUES (?, ?, ?) ON CONFLICT (key, value) DO UPDATE SET count = count + excluded.count RETURNING count',
      ),
      key: db.prepare(
        `INSERT INTO metadata_keys (key, pairs, distinct_values) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET pairs = pairs + excluded.pairs, distinct_values = distinct_values + excluded.distinct_values`,
      ),
      through: db.prepare('UPDATE search_state SET indexed_through = ? WHERE id = 1'),
    };
  }

  state(): IndexState {
    const r = this.s.state.get() as { indexed_through: number; cube_through: number };
    return { indexedThrough: r.indexed_through, cubeThrough: r.cube_through, highest: (this.s.highest.get() as { n: number }).n };
  }

  /** Traces not yet indexed: the count, for progress. */
  remaining(afterId: number): number {
    return (this.s.remaining.get(afterId) as { n: number }).n;
  }

  pending(afterId: number, limit: number): PendingTrace[] {
    return this.s.pending.all(afterId, limit) as PendingTrace[];
  }

  /** Call inside the transaction that also saves the job's checkpoint: a batch is indexed whole or not at all. */
  write(docs: readonly SearchDocument[], through: number): void {
    const counts = new Map<string, number>();
    for (const doc of docs) {
      this.s.fts.run(doc.id, doc.system, doc.conversation);
      for (const [key, value] of doc.metadata) {
        if (this.s.meta.run(key, value, doc.id).changes === 0) continue;
        const id = `${key}\u0000${value}`;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    const keys = new Map<string, { pairs: number; added: number }>();
    for (const [id, n] of counts) {
      const cut = id.indexOf('\u0000');
      const key = id.slice(0, cut);
      // The count after the upsert equals this batch's only when the value is new.
      const after = (this.s.count.get(key, id.slice(cut + 1), n) as { count: number }).count;
      const k = keys.get(key) ?? { pairs: 0, added: 0 };
      k.pairs += n;
      if (after === n) k.added++;
      keys.set(key, k);
    }
    for (const [key, k] of keys) this.s.key.run(key, k.pairs, k.added);
    this.s.through.run(through);
  }

  /**
   * Counts every combination of the built-in facets once, and each value of each key with at most `maxValues`
   * values per combination, so filtering on built-in facets needs no scan (facet-repository.ts).
   */
  rebuildCube(maxValues: number): void {
    writeTransaction(this.db, () => {
      const highest = (this.s.highest.get() as { n: number }).n;
      this.db.exec('DELETE FROM facet_cube');
      this.db.exec(`INSERT INTO facet_cube (environment, task, provider, model, status, format, finish_reason, count, min_ts, max_ts)
        SELECT environment, task, provider, model, status, format, finish_reason, COUNT(*), MIN(timestamp), MAX(timestamp)
        FROM traces GROUP BY environment, task, provider, model, status, format, finish_reason`);
      this.db.exec('DELETE FROM metadata_cube');
      this.db
        .prepare(`INSERT INTO metadata_cube (key, value, environment, task, provider, model, status, format, finish_reason, count)
          SELECT m.key, m.value, t.environment, t.task, t.provider, t.model, t.status, t.format, t.finish_reason, COUNT(*)
          FROM trace_metadata m JOIN traces t ON t.id = m.trace_id
          WHERE m.key IN (SELECT key FROM metadata_keys WHERE distinct_values <= ?)
          GROUP BY m.key, m.value, t.environment, t.task, t.provider, t.model, t.status, t.format, t.finish_reason`)
        .run(maxValues);
      this.db.prepare('UPDATE search_state SET cube_through = ? WHERE id = 1').run(highest);
    });
  }
}
