// Owns: canonical JSON text (sorted keys, no whitespace) and the content hash of a version's rows.
// Imports: node:crypto, engine types, row-order.

import { createHash } from 'node:crypto';
import type { DatasetRow } from './types.ts';
import { compareRowIds } from './row-order.ts';

/**
 * JSON with object keys sorted by UTF-16 code units at every depth and no whitespace. Numbers, strings and
 * `toJSON` behave as in JSON.stringify (so NaN/Infinity become null); undefined object members are dropped,
 * undefined array items become null. A BigInt throws, as in JSON.stringify.
 */
export function canonicalJson(value: unknown): string {
  const text = encode(value);
  return text === undefined ? 'null' : text;
}

function encode(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError('canonicalJson: BigInt has no JSON form');
  }
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return encode(withToJson.toJSON());
  if (Array.isArray(value)) {
    const items = value.map((item) => encode(item) ?? 'null');
    return `[${items.join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = encode(record[key]);
    if (member !== undefined) parts.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * The fields a row's hash covers. Listed rather than taken from the object, so a caller that carries an
 * extra in-memory property (a cursor, a preview) cannot change a frozen version's hash.
 */
export const HASHED_FIELDS = [
  'rowId', 'messages', 'tools', 'response', 'metadata', 'sourceTraceId', 'conversationId', 'turnIndex',
  'clusterId', 'membershipScore', 'labels', 'expectedOutput', 'note', 'split',
] as const satisfies readonly (keyof DatasetRow)[];

/** The canonical text of one row: its hashed fields only, as canonical JSON. */
export function canonicalRow(row: DatasetRow): string {
  const picked: Record<string, unknown> = {};
  for (const field of HASHED_FIELDS) picked[field] = row[field];
  return canonicalJson(picked);
}

/**
 * Hashes rows fed in ascending rowId order (see row-order.ts), one `update` per row, so a million rows never
 * become one string. Each row is its canonical text plus "\n"; canonical JSON escapes newlines inside
 * strings, so the boundaries are unambiguous.
 */
export class RowHasher {
  private readonly hash = createHash('sha256');
  private last: DatasetRow['rowId'] | undefined;
  private count = 0;

  add(row: DatasetRow): void {
    if (this.count > 0 && compareRowIds(this.last as DatasetRow['rowId'], row.rowId) >= 0) {
      throw new RangeError(`rows must arrive in ascending rowId order without repeats: ${String(row.rowId)} came after ${String(this.last)}`);
    }
    this.hash.update(canonicalRow(row));
    this.hash.update('\n');
    this.last = row.rowId;
    this.count++;
  }

  /**
   * Adds a row already in canonical form: `text` must be `canonicalRow(row)` of the row keyed `rowId` (as a store
   * keeps it), so a million stored rows are hashed without being parsed and encoded again.
   */
  addCanonical(rowId: DatasetRow['rowId'], text: string): void {
    if (this.count > 0 && compareRowIds(this.last as DatasetRow['rowId'], rowId) >= 0) {
      throw new RangeError(`rows must arrive in ascending rowId order without repeats: ${String(rowId)} came after ${String(this.last)}`);
    }
    this.hash.update(text);
    this.hash.update('\n');
    this.last = rowId;
    this.count++;
  }

  digest(): string {
    return `sha256:${this.hash.digest('hex')}`;
  }
}

/** The content hash of a version: `sha256:<hex>` over its rows in canonical order, whatever order they come in. */
export function hashRows(rows: readonly DatasetRow[]): string {
  const order = rows.map((_, i) => i).sort((a, b) => compareRowIds((rows[a] as DatasetRow).rowId, (rows[b] as DatasetRow).rowId));
  const hasher = new RowHasher();
  for (const i of order) hasher.add(rows[i] as DatasetRow);
  return hasher.digest();
}
