// SQL of the judge: stored judgements keyed by (row content hash, model, rubric hash), per-dataset rubric and
// settings, and judge runs with their cost. Imports: better-sqlite3.
import type { Database } from 'better-sqlite3';

export class JudgeRepository {
  readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }
}

/** What the judge module is built from: the store handle its repository takes. */
export type JudgeStore = ConstructorParameters<typeof JudgeRepository>[0];
