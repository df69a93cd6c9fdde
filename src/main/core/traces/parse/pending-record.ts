// Owns: the bytes of one record that spans read chunks, kept up to the record limit; past it only the
// head is kept and the rest counted, so a 1 GB record costs 4 KB. Shared by the line splitter and JSON scanner.
// Imports: nothing.

/** How much of an over-long record is kept to show the user. */
export const TOO_LONG_HEAD_BYTES = 4096;

export type CompletedRecord = { bytes: Buffer } | { head: Buffer; length: number };

export class PendingRecord {
  private readonly limit: number;
  private parts: Buffer[] = [];
  private pendingLength = 0;
  private skipping = false;
  private head: Buffer | null = null;

  constructor(limit: number) {
    this.limit = limit;
  }

  get isEmpty(): boolean {
    return this.pendingLength === 0 && !this.skipping;
  }

  /** Keeps the start of a record whose end is in a later chunk. */
  keep(rest: Buffer): void {
    if (this.skipping) {
      this.topUp(rest);
      this.pendingLength += rest.length;
      return;
    }
    if (this.pendingLength + rest.length > this.limit) {
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

  /**
   * Ends the record with `tail` and starts afresh. The bytes are `tail` itself when nothing was pending
   * (no copy), so they are valid only until the chunk is reused.
   */
  complete(tail: Buffer): CompletedRecord {
    const length = this.pendingLength + tail.length;
    let done: CompletedRecord;
    if (this.skipping) {
      this.topUp(tail);
      done = { head: this.head as Buffer, length };
    } else if (length > this.limit) done = { head: this.headOf(tail), length };
    else if (this.parts.length > 0) {
      this.parts.push(tail);
      done = { bytes: Buffer.concat(this.parts, length) };
    } else done = { bytes: tail };
    this.parts = [];
    this.pendingLength = 0;
    this.skipping = false;
    this.head = null;
    return done;
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
}
