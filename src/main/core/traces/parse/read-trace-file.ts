// Owns: the streaming entry point: detect the container, pick its reader, yield RecordBatches with checkpoints.
// Imports: ingest types and the per-container readers.

import { extname } from 'node:path';
import type { ReadOptions, RecordBatch } from './types.ts';
import { detectContainer } from './detect-container.ts';
import { readJsonl } from './jsonl-reader.ts';
import { readJson } from './json-reader.ts';
import { readCsv } from './csv-reader.ts';
import { readParquet } from './parquet-reader.ts';

/**
 * Reads a trace file as batches of about `batchSize` records (default 2000); memory stays flat whatever the
 * file size. Pass a batch's `checkpoint` back as `resumeFrom` to continue after it. When `signal` aborts,
 * the generator throws `signal.reason` (a DOMException named "AbortError" unless the caller gave a reason)
 * at the next chunk or batch boundary.
 */
export async function* readTraceFile(path: string, opts: ReadOptions): AsyncGenerator<RecordBatch> {
  opts.signal?.throwIfAborted();
  const container = await detectContainer(path, opts.fileFormat);
  switch (container.fileFormat) {
    case 'jsonl':
      yield* readJsonl(path, opts);
      return;
    case 'json':
      yield* readJson(path, opts, container.jsonMode, container.bodyStart);
      return;
    case 'csv':
      yield* readCsv(path, opts, extname(path).toLowerCase() === '.tsv');
      return;
    case 'parquet':
      yield* readParquet(path, opts);
      return;
  }
}
