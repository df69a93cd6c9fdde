// Decides whether an incoming trace's dedup key is new: through the unique index when it exists, or, during
// a bulk import that dropped it, against every stored key loaded into memory once.
// Imports: better-sqlite3 types, secondary-indexes.
import type { Database, Statement } from 'better-sqlite3';
import { hasDedupIndex } from './secondary-indexes.ts';

export class DuplicateFilter {
  /** Keys accepted during this import (not yet visible to the index while their batch is pending), and in bulk mode every stored key. */
  private readonly seen = new Set<bigint>();
  private readonly lookup: Statement | null;

  constructor(db: Database) {
    if (hasDedupIndex(db)) {
      this.lookup = db.prepare('SELECT 1 FROM traces WHERE hash_key = ?').pluck();
      return;
    }
    this.lookup = null;
    for (const key of db.prepare('SELECT hash_key FROM traces').pluck().safeIntegers().iterate()) this.seen.add(key as bigint);
  }

  /** True the first time a key is offered; the key then counts as stored. */
  accept(key: bigint): boolean {
    if (this.seen.has(key)) return false;
    if (this.lookup && this.lookup.get(key) !== undefined) return false;
    this.seen.add(key);
    return true;
  }
}
