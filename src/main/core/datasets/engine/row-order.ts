// Owns: the one canonical order of row ids (used by the hash, the diff and every sorted output).
// Imports: engine types.

import type { RowId } from './types.ts';

/**
 * Numbers before strings; numbers ascending by value; strings by UTF-16 code units (locale-free, so every
 * machine agrees). 1 and "1" are different ids.
 */
export function compareRowIds(a: RowId, b: RowId): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a - b;
    return -1;
  }
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
