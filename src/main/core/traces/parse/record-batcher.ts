// Owns: collecting parsed records into RecordBatches that carry their resume checkpoint.
// Imports: ingest types.

import type { ParsedRecord, ReadCheckpoint, RecordBatch } from './types.ts';

export const DEFAULT_BATCH_SIZE = 2000;

export class RecordBatcher {
  records: ParsedRecord[] = [];
  blankLines = 0;
  readonly size: number;

  constructor(size: number | undefined) {
    this.size = size !== undefined && size > 0 ? Math.floor(size) : DEFAULT_BATCH_SIZE;
  }

  get full(): boolean {
    return this.records.length >= this.size;
  }

  get empty(): boolean {
    return this.records.length === 0 && this.blankLines === 0;
  }

  /** Closes the current batch at `checkpoint` and starts a new one. */
  cut(checkpoint: ReadCheckpoint, bytesRead: number): RecordBatch {
    const batch: RecordBatch = { records: this.records, blankLines: this.blankLines, checkpoint, bytesRead };
    this.records = [];
    this.blankLines = 0;
    return batch;
  }
}
