// Owns: a dataset's declared columns: bootstrapped from the first row, then required of every row added.
// Imports: engine types.

import type { DatasetRow } from './types.ts';

export type ColumnRow = Pick<DatasetRow, 'rowId' | 'metadata' | 'expectedOutput' | 'labels'>;

/** Template variables live in `metadata.variables` (as Langfuse and prompt tools log them); each is a column. */
export const VARIABLE_PREFIX = 'variables.';
export const EXPECTED_OUTPUT = 'expected_output';
export const LABELS = 'labels';

/**
 * The columns a row brings: `variables.<name>` for each key of its `metadata.variables` object (sorted), then
 * `expected_output` if it has one, then `labels` if it has any. Other metadata never becomes a column: trace
 * metadata (latency, environment, ...) is too uneven to require of every row.
 */
export function columnsOf(row: ColumnRow): string[] {
  const columns = Object.keys(variablesOf(row)).sort().map((k) => VARIABLE_PREFIX + k);
  if (row.expectedOutput !== null && row.expectedOutput !== undefined) columns.push(EXPECTED_OUTPUT);
  if (row.labels.length > 0) columns.push(LABELS);
  return columns;
}

/** Declared columns the row does not supply. Null or undefined values, and no labels, count as missing. */
export function missingColumns(declared: readonly string[], row: ColumnRow): string[] {
  const variables = variablesOf(row);
  return declared.filter((column) => {
    if (column === EXPECTED_OUTPUT) return row.expectedOutput === null || row.expectedOutput === undefined;
    if (column === LABELS) return row.labels.length === 0;
    if (column.startsWith(VARIABLE_PREFIX)) {
      const name = column.slice(VARIABLE_PREFIX.length);
      return !Object.hasOwn(variables, name) || variables[name] === null || variables[name] === undefined;
    }
    return true; // not a column name this module defines, so no row can supply it
  });
}

export interface RejectedRow<R> {
  row: R;
  missing: string[];
  message: string;
}

export interface Admission<R> {
  columns: string[];
  accepted: R[];
  rejected: RejectedRow<R>[];
}

/**
 * Adds rows to a dataset whose columns are `declared`, or not yet declared (null: an empty dataset), in which
 * case the first row declares them.
 */
export function admitRows<R extends ColumnRow>(declared: readonly string[] | null, rows: readonly R[]): Admission<R> {
  const columns = declared ? [...declared] : rows[0] ? columnsOf(rows[0]) : [];
  const accepted: R[] = [];
  const rejected: RejectedRow<R>[] = [];
  for (const row of rows) {
    const missing = missingColumns(columns, row);
    if (missing.length === 0) accepted.push(row);
    else rejected.push({ row, missing, message: `row ${String(row.rowId)} lacks ${missing.length === 1 ? 'the column' : 'the columns'} ${missing.join(', ')} that this dataset declares` });
  }
  return { columns, accepted, rejected };
}

function variablesOf(row: ColumnRow): Record<string, unknown> {
  const v = row.metadata['variables'];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
