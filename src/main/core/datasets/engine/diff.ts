// Owns: the difference between two versions' rows, keyed by rowId: added, removed, and changed with the fields.
// Imports: engine types, canonical-json, row-order.

import type { DatasetRow, RowId } from './types.ts';
import { canonicalJson, HASHED_FIELDS } from './canonical-json.ts';
import { compareRowIds } from './row-order.ts';

/**
 * Every field the version hash covers except the key, compared as canonical JSON (so key order inside a message
 * never counts, but label order does, as it does for the hash): two versions with the same rows have the same
 * hash exactly when this diff finds no change.
 */
export const DIFF_FIELDS = HASHED_FIELDS.filter((f) => f !== 'rowId') as Exclude<(typeof HASHED_FIELDS)[number], 'rowId'>[];
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface RowChange<R> {
  rowId: RowId;
  fields: DiffField[];
  before: R;
  after: R;
}

export interface VersionDiff<R> {
  /** Each list in rowId order (see row-order.ts). */
  added: R[];
  removed: R[];
  changed: RowChange<R>[];
  counts: { added: number; removed: number; changed: number; unchanged: number; byField: Record<DiffField, number> };
}

export function diffVersions<R extends DatasetRow>(before: readonly R[], after: readonly R[]): VersionDiff<R> {
  const old = indexById(before, 'before');
  const now = indexById(after, 'after');
  const byField = Object.fromEntries(DIFF_FIELDS.map((f) => [f, 0])) as Record<DiffField, number>;
  const added: R[] = [];
  const changed: RowChange<R>[] = [];
  let unchanged = 0;
  for (const [id, row] of now) {
    const prior = old.get(id);
    if (!prior) {
      added.push(row);
      continue;
    }
    const fields = DIFF_FIELDS.filter((f) => canonicalJson(prior[f]) !== canonicalJson(row[f]));
    if (fields.length === 0) unchanged++;
    else {
      changed.push({ rowId: id, fields, before: prior, after: row });
      for (const f of fields) byField[f]++;
    }
  }
  const removed = [...old].filter(([id]) => !now.has(id)).map(([, row]) => row);
  added.sort((a, b) => compareRowIds(a.rowId, b.rowId));
  removed.sort((a, b) => compareRowIds(a.rowId, b.rowId));
  changed.sort((a, b) => compareRowIds(a.rowId, b.rowId));
  return { added, removed, changed, counts: { added: added.length, removed: removed.length, changed: changed.length, unchanged, byField } };
}

function indexById<R extends DatasetRow>(rows: readonly R[], side: string): Map<RowId, R> {
  const map = new Map<RowId, R>();
  for (const row of rows) {
    if (map.has(row.rowId)) throw new RangeError(`row ${String(row.rowId)} appears twice in the ${side} version`);
    map.set(row.rowId, row);
  }
  return map;
}
