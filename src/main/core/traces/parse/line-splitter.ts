// Owns: splitting file chunks into physical lines on \n only (never on U+2028/U+2029 or lone \r), with bounded memory for over-long lines.
// Imports: ingest types (the size limit), pending-record.

import { type CompletedRecord, PendingRecord } from './pending-record.ts';
import { MAX_RECORD_BYTES } from './types.ts';

export interface LineSink {
  /** `bytes` excludes the \n and is only valid during the call. `end` is the offset just past the \n. */
  line(bytes: Buffer, start: number, end: number): void;
  /** A line over the limit: only its first bytes were kept. */
  tooLong(head: Buffer, length: number, start: number, end: number): void;
}

export class LineSplitter {
  private readonly sink: LineSink;
  private readonly pending: PendingRecord;
  private lineStart: number;

  constructor(sink: LineSink, startOffset: number, limit = MAX_RECORD_BYTES) {
    this.sink = sink;
    this.lineStart = startOffset;
    this.pending = new PendingRecord(limit);
  }

  push(chunk: Buffer, chunkOffset: number): void {
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(10, pos);
      if (nl === -1) break;
      const end = chunkOffset + nl + 1;
      this.emit(this.pending.complete(chunk.subarray(pos, nl)), end);
      pos = nl + 1;
    }
    if (pos < chunk.length) this.pending.keep(chunk.subarray(pos));
  }

  /** Flushes a last line that has no trailing newline. */
  end(eofOffset: number): void {
    if (this.pending.isEmpty) return;
    this.emit(this.pending.complete(Buffer.alloc(0)), eofOffset);
  }

  private emit(record: CompletedRecord, end: number): void {
    if ('bytes' in record) this.sink.line(record.bytes, this.lineStart, end);
    else this.sink.tooLong(record.head, record.length, this.lineStart, end);
    this.lineStart = end;
  }
}
