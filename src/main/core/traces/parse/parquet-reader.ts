// Owns: reading Parquet into RecordBatches one row group at a time (hyparquet), rows mapped like CSV columns;
// resumes by skipping whole row groups, then rows.
// Imports: ingest types and helpers (columns, record parser, batcher), hyparquet.

import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import type { ReadOptions, RecordBatch } from './types.ts';
import type { ColumnMap } from './csv-columns.ts';
import { hasConversationColumns, mapColumns, rowToRecord } from './csv-columns.ts';
import { fail } from './diagnostics.ts';
import { parseRecordValue } from './parse-record.ts';
import { RecordBatcher } from './record-batcher.ts';
import { isObject, setOwn } from './values.ts';

export async function* readParquet(path: string, opts: ReadOptions): AsyncGenerator<RecordBatch> {
  const skip = opts.resumeFrom?.recordIndex ?? 0;
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const batcher = new RecordBatcher(opts.batchSize);
  let columns: ColumnMap | null = null;
  let groupStart = 0;
  let recordIndex = skip;
  let bytesRead = 0;

  for (const group of metadata.row_groups) {
    const groupRows = Number(group.num_rows);
    const groupEnd = groupStart + groupRows;
    for (const column of group.columns) bytesRead += Number(column.meta_data?.total_compressed_size ?? 0);
    if (groupEnd <= skip) {
      groupStart = groupEnd;
      continue;
    }
    opts.signal?.throwIfAborted();
    const first = Math.max(groupStart, skip);
    const rows = await parquetReadObjects({ file, metadata, rowStart: first, rowEnd: groupEnd });
    for (let i = 0; i < rows.length; i++) {
      const row = plainValue(rows[i]) as Record<string, unknown>;
      columns ??= mapColumns(Object.keys(row));
      const raw = JSON.stringify(row);
      const line = first + i + 1;
      recordIndex = line;
      const result = hasConversationColumns(columns)
        ? parseRecordValue(rowToRecord(columns, cleanMessages(Object.values(row), columns)), opts.format)
        : fail('invalid_record', 'no prompt column: expected a column named prompt, input, question, text, query or messages');
      batcher.records.push({ line, raw, result });
      if (batcher.full) {
        opts.signal?.throwIfAborted();
        yield batcher.cut({ byteOffset: 0, line, recordIndex }, bytesRead);
      }
    }
    groupStart = groupEnd;
  }
  if (!batcher.empty) yield batcher.cut({ byteOffset: 0, line: recordIndex, recordIndex }, bytesRead);
}

/** JSON-safe copy of a Parquet value: BigInt to number (or text past 2^53), dates to ISO text, bytes to UTF-8 text. */
function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  if (Array.isArray(value)) return value.map(plainValue);
  const out: Record<string, unknown> = {};
  for (const key in value) setOwn(out, key, plainValue((value as Record<string, unknown>)[key]));
  return out;
}

/** A list-of-struct `messages` column fills absent struct fields with null; drop those (except content) so messages read as written. */
function cleanMessages(cells: unknown[], columns: ColumnMap): unknown[] {
  const messages = cells[columns.messages];
  if (columns.messages < 0 || !Array.isArray(messages)) return cells;
  const out = cells.slice();
  out[columns.messages] = messages.map((m) => {
    if (!isObject(m)) return m;
    const kept: Record<string, unknown> = {};
    for (const key in m) if (m[key] !== null || key === 'content') setOwn(kept, key, m[key]);
    return kept;
  });
  return out;
}
