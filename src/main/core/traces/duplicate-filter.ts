// Decides whether an incoming trace's dedup key is new: through the unique index when it exists, or, during
// a bulk import that dropped it, against every stored key loaded into memory once. The store's lookups come
// from trace-write-repository.ts. Imports: nothing.

export class DuplicateFilter {
  /** Keys accepted during this import (not yet visible to the index while their batch is pending), and in bulk mode every stored key. */
  private readonly seen = new Set<bigint>();
  private readonly isStored: ((key: bigint) => boolean) | null;

  /** `isStored` asks the unique index; without it (bulk mode), `storedKeys` are every key already stored. */
  constructor(isStored: ((key: bigint) => boolean) | null, storedKeys: Iterable<bigint> = []) {
    this.isStored = isStored;
    for (const key of storedKeys) this.seen.add(key);
  }

  /** True the first time a key is offered; the key then counts as stored. */
  accept(key: bigint): boolean {
    if (this.seen.has(key)) return false;
    if (this.isStored && this.isStored(key)) return false;
    this.seen.add(key);
    return true;
  }
}
