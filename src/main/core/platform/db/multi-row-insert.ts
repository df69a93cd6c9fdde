// Inserts many rows into one table through a statement that takes `perStatement` rows at a time: binding one
// wide statement costs a fraction of stepping a narrow one per row. Imports: better-sqlite3 types.
import type { Database, Statement } from 'better-sqlite3';

export class MultiRowInsert {
  private readonly width: number;
  private readonly perStatement: number;
  private readonly many: Statement;
  private readonly one: Statement;
  private readonly pending: unknown[] = [];

  constructor(db: Database, table: string, columns: readonly string[], perStatement: number) {
    this.width = columns.length;
    this.perStatement = perStatement;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(head + Array<string>(perStatement).fill(tuple).join(', '));
    this.one = db.prepare(head + tuple);
  }

  /** Queues one row (values in column order); rows reach the table in full statements or at flush(). */
  add(...values: unknown[]): void {
    for (const value of values) this.pending.push(value);
    if (this.pending.length === this.width * this.perStatement) {
      this.many.run(this.pending);
      this.pending.length = 0;
    }
  }

  /** Writes what is queued. Call before the enclosing transaction commits. */
  flush(): void {
    for (let at = 0; at < this.pending.length; at += this.width) this.one.run(this.pending.slice(at, at + this.width));
    this.pending.length = 0;
  }
}
