// Owns: splitting file chunks into physical lines on \n only (never on U+2028/U+2029 or lone \r), with bounded memory for over-long lines.
// Imports: ingest types (the size limit).

import { MAX_RECORD_BYTES } from './types.ts';

/** How much of an over-long line is kept to show the user. */
export const TOO_LONG_HEAD_BYTES = 4096;

export interface LineSink {
  /** `bytes` excludes the \n and is only valid during the call. `end` is the offset just past the \n. */
  line(bytes: Buffer, start: number, end: number): void;
  /** A line over the limit: only its first bytes were kept. */
  tooLong(head: Buffer, length: number, start: number, end: number): void;
}

export class LineSplitter {
  private readonly sink: LineSink;
  private readonly limit: number;
  private parts: Buffer[] = [];
  private pendingLength = 0;
  private lineStart: number;
  private skipping = false;
  private head: Buffer | null = null;

  constructor(sink: LineSink, startOffset: number, limit = MAX_RECORD_BYTES) {
    this.sink = sink;
    this.lineStart = startOffset;
    this.limit = limit;
  }

  push(chunk: Buffer, chunkOffset: number): void {
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(10, pos);
      if (nl === -1) break;
      const end = chunkOffset + nl + 1;
      const length = this.pendingLength + (nl - pos);
      if (this.skipping) {
        this.topUp(chunk.subarray(pos, nl));
        this.sink.tooLong(this.head as Buffer, length, this.lineStart, end);
      } else if (length > this.limit) {
        this.sink.tooLong(this.headOf(chunk.subarray(pos, nl)), length, this.lineStart, end);
      } else if (this.pendingLength > 0) {
        this.parts.push(chunk.subarray(pos, nl));
        this.sink.line(Buffer.concat(this.parts, length), this.lineStart, end);
      } else {
        this.sink.line(chunk.subarray(pos, nl), this.lineStart, end);
      }
      this.reset(end);
      pos = nl + 1;
    }
    if (pos < chunk.length) this.keep(chunk.subarray(pos));
  }

  /** Flushes a last line that has no trailing newline. */
  end(eofOffset: number): void {
    if (this.pendingLength === 0 && !this.skipping) return;
    if (this.skipping || this.pendingLength > this.limit) {
      this.sink.tooLong(this.head ?? this.headOf(Buffer.alloc(0)), this.pendingLength, this.lineStart, eofOffset);
    } else {
      this.sink.line(Buffer.concat(this.parts, this.pendingLength), this.lineStart, eofOffset);
    }
    this.reset(eofOffset);
  }

  private keep(rest: Buffer): void {
    if (this.skipping) {
      this.topUp(rest);
      this.pendingLength += rest.length;
      return;
    }
    if (this.pendingLength + rest.length > this.limit) {
      // Past the limit: keep only the head and count the rest, so a 1 GB line costs 4 KB.
      this.head = this.headOf(rest);
      this.skipping = true;
      this.parts = [];
      this.pendingLength += rest.length;
      return;
    }
    // The chunk buffer is reused by the reader, so pending bytes must be copied.
    this.parts.push(Buffer.from(rest));
    this.pendingLength += rest.length;
  }

  /** A head cut short (limit below the head size) is filled up from later bytes, so chunking never changes it. */
  private topUp(segment: Buffer): void {
    const head = this.head as Buffer;
    if (head.length < TOO_LONG_HEAD_BYTES) this.head = Buffer.concat([head, segment.subarray(0, TOO_LONG_HEAD_BYTES - head.length)]);
  }

  private headOf(tail: Buffer): Buffer {
    const pieces: Buffer[] = [];
    let length = 0;
    for (const part of [...this.parts, tail]) {
      if (length >= TOO_LONG_HEAD_BYTES) break;
      const piece = part.subarray(0, TOO_LONG_HEAD_BYTES - length);
      pieces.push(piece);
      length += piece.length;
    }
    return Buffer.concat(pieces, length);
  }

  private reset(nextStart: number): void {
    this.parts = [];
    this.pendingLength = 0;
    this.skipping = false;
    this.head = null;
    this.lineStart = nextStart;
  }
}
