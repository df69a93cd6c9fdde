// Owns: the Parquet export (one file, streamed a row group at a time) and the column layout it shares with the
// Hugging Face folder.
// Imports: hyparquet-writer, writers helpers (atomic output, sorted JSON).

import type { SchemaElement } from 'hyparquet-writer';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { AtomicFile } from './atomic-output.ts';
import { openAtomicFile, type WrittenFile } from './atomic-output.ts';
import { sortedJson } from './sorted-json.ts';
import type { ExportRow, FileResult, RowSource, SplitCounts } from './types.ts';
import { countSplit } from './types.ts';

type Kind = 'string' | 'int32' | 'int64' | 'double';
interface Column {
  name: string;
  kind: Kind;
  nullable: boolean;
  value: (row: ExportRow) => string | number | bigint | null;
}

const json = (v: unknown): string => sortedJson(v);

/**
 * Plain strings and integers, so Spark, DuckDB, pandas and Hugging Face `datasets` read the file as it is.
 * Structured values (messages, tools, response, metadata, labels, expected output) are JSON text.
 */
export const PARQUET_COLUMNS: readonly Column[] = [
  { name: 'row_id', kind: 'string', nullable: false, value: (r) => String(r.rowId) },
  { name: 'messages', kind: 'string', nullable: false, value: (r) => json(r.messages) },
  { name: 'tools', kind: 'string', nullable: true, value: (r) => (r.tools && r.tools.length > 0 ? json(r.tools) : null) },
  { name: 'response', kind: 'string', nullable: false, value: (r) => json(r.response) },
  { name: 'metadata', kind: 'string', nullable: false, value: (r) => json(r.metadata) },
  { name: 'source_trace_id', kind: 'int64', nullable: false, value: (r) => BigInt(r.sourceTraceId) },
  { name: 'conversation_id', kind: 'string', nullable: true, value: (r) => r.conversationId },
  { name: 'turn_index', kind: 'int32', nullable: false, value: (r) => r.turnIndex },
  { name: 'cluster_id', kind: 'int64', nullable: true, value: (r) => (r.clusterId === null ? null : BigInt(r.clusterId)) },
  { name: 'membership_score', kind: 'double', nullable: true, value: (r) => r.membershipScore },
  { name: 'labels', kind: 'string', nullable: false, value: (r) => json(r.labels) },
  { name: 'expected_output', kind: 'string', nullable: true, value: (r) => (r.expectedOutput === null || r.expectedOutput === undefined ? null : json(r.expectedOutput)) },
  { name: 'note', kind: 'string', nullable: true, value: (r) => r.note },
  { name: 'split', kind: 'string', nullable: true, value: (r) => r.split ?? null },
];

const PHYSICAL: Record<Kind, SchemaElement> = {
  string: { name: '', type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  int32: { name: '', type: 'INT32' },
  int64: { name: '', type: 'INT64' },
  double: { name: '', type: 'DOUBLE' },
};

/** Hugging Face feature dtypes of the same columns, for the dataset card. */
export const HF_DTYPES: Record<Kind, string> = { string: 'string', int32: 'int32', int64: 'int64', double: 'float64' };

function schema(): SchemaElement[] {
  return [
    { name: 'root', num_children: PARQUET_COLUMNS.length },
    ...PARQUET_COLUMNS.map((c) => ({ ...PHYSICAL[c.kind], name: c.name, repetition_type: c.nullable ? ('OPTIONAL' as const) : ('REQUIRED' as const) })),
  ];
}

// Rows per row group: big enough for good compression, small enough that a group's columns stay in memory.
const ROW_GROUP = 10_000;

/** A ByteWriter that hands its bytes to the file after every row group, so memory holds one group at most. */
class FlushingWriter extends ByteWriter {
  private readonly file: AtomicFile;
  constructor(file: AtomicFile) {
    super(1 << 20);
    this.file = file;
  }
  async flush(): Promise<void> {
    await this.file.sink.write(this.getBytes());
    this.index = 0;
  }
  override async finish(): Promise<void> {
    await this.flush();
  }
}

/** Writes rows to one Parquet file; `close` finishes it and renames it into place. */
export class ParquetRowSink {
  rows = 0;
  private readonly file: AtomicFile;
  private readonly writer: ParquetWriter;
  private batch: (string | number | bigint | null)[][] = PARQUET_COLUMNS.map(() => []);
  private batchSize = 0;

  private constructor(file: AtomicFile) {
    this.file = file;
    // A fixed createdBy and no timestamps: the same rows give the same bytes.
    this.writer = new ParquetWriter({ writer: new FlushingWriter(file), schema: schema(), createdBy: 'winnow' });
  }

  static async open(path: string): Promise<ParquetRowSink> {
    return new ParquetRowSink(await openAtomicFile(path));
  }

  async add(row: ExportRow): Promise<void> {
    PARQUET_COLUMNS.forEach((c, i) => (this.batch[i] as unknown[]).push(c.value(row)));
    this.rows++;
    if (++this.batchSize === ROW_GROUP) await this.writeGroup();
  }

  async close(): Promise<WrittenFile> {
    try {
      if (this.batchSize > 0) await this.writeGroup();
      await this.writer.finish();
      return await this.file.commit();
    } catch (error) {
      await this.file.abort();
      throw error;
    }
  }

  async abort(): Promise<void> {
    await this.file.abort();
  }

  private async writeGroup(): Promise<void> {
    const columnData = PARQUET_COLUMNS.map((c, i) => ({ name: c.name, data: this.batch[i] as (string | number | bigint | null)[] }));
    await this.writer.write({ columnData, rowGroupSize: this.batchSize });
    this.batch = PARQUET_COLUMNS.map(() => []);
    this.batchSize = 0;
  }
}

export async function writeParquet(rows: RowSource, path: string): Promise<FileResult> {
  const sink = await ParquetRowSink.open(path);
  const rowsPerSplit: SplitCounts = {};
  try {
    for await (const row of rows) {
      await sink.add(row);
      countSplit(rowsPerSplit, row);
    }
  } catch (error) {
    await sink.abort();
    throw error;
  }
  const written = await sink.close();
  return { path, rows: sink.rows, rowsPerSplit, ...written };
}
