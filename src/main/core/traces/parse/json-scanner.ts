// Owns: a streaming, depth-tracking byte scanner that slices a JSON document into its records without parsing it:
// the elements of a top-level array, or a sequence of top-level values. Memory is bounded by the record limit.
// Imports: ingest types (the size limit), pending-record.

import { MAX_RECORD_BYTES } from './types.ts';
import { PendingRecord } from './pending-record.ts';

export interface ValueSink {
  /** One value's bytes (only valid during the call); `line` is where it starts, `end` the offset just past it. */
  value(bytes: Buffer, line: number, end: number): void;
  tooLong(head: Buffer, length: number, line: number, end: number): void;
}

export type ScanMode = 'array' | 'sequence';

const QUOTE = 34;
const BACKSLASH = 92;

export class JsonScanner {
  private readonly sink: ValueSink;
  private readonly mode: ScanMode;
  private readonly pending: PendingRecord;
  /** Current physical line (1-based) at the scan position. */
  line: number;
  private inArray: boolean;
  private arrayClosed = false;
  private inValue = false;
  private inString = false;
  private inLiteral = false;
  private carriedBackslashes = 0;
  private stack: number[] = [];
  private valueLine = 0;

  /** `insideArray`: resuming in array mode after the opening bracket was already read. */
  constructor(sink: ValueSink, mode: ScanMode, line: number, insideArray: boolean, limit = MAX_RECORD_BYTES) {
    this.sink = sink;
    this.mode = mode;
    this.line = line;
    this.inArray = insideArray;
    this.pending = new PendingRecord(limit);
  }

  push(bytes: Buffer, offset: number): void {
    // Whatever follows the closing bracket of the array is not part of it.
    if (this.arrayClosed) return;
    const n = bytes.length;
    let segStart = this.inValue ? 0 : -1;
    let i = 0;
    while (i < n) {
      if (this.inString) {
        // Jump to the next quote; it closes the string unless an odd run of backslashes escapes it.
        const q = bytes.indexOf(QUOTE, i);
        if (q === -1) {
          let k = n - 1;
          while (k >= i && bytes[k] === BACKSLASH) k--;
          const trailing = n - 1 - k;
          this.carriedBackslashes = k < i ? this.carriedBackslashes + trailing : trailing;
          i = n;
          break;
        }
        let k = q - 1;
        while (k >= i && bytes[k] === BACKSLASH) k--;
        let run = q - 1 - k;
        if (k < i) run += this.carriedBackslashes;
        this.carriedBackslashes = 0;
        i = q + 1;
        if (run % 2 === 1) continue;
        this.inString = false;
        if (this.stack.length === 0 && this.inValue) {
          this.emit(bytes, segStart, i, offset);
          segStart = -1;
        }
        continue;
      }
      const b = bytes[i] as number;
      if (this.inLiteral) {
        if (b > 32 && b !== 44 && b !== 93 && b !== 125 && b !== 91 && b !== 123 && b !== QUOTE) {
          i++;
          continue;
        }
        this.inLiteral = false;
        this.emit(bytes, segStart, i, offset);
        segStart = -1;
        continue; // re-read the delimiter
      }
      switch (b) {
        case 10:
          this.line++;
          break;
        case 32:
        case 9:
        case 13:
          break;
        case 44: // comma between values, or inside one
          break;
        case QUOTE:
          if (!this.inValue) segStart = this.start(i);
          this.inString = true;
          this.carriedBackslashes = 0;
          break;
        case 91: // [
        case 123: // {
          if (this.mode === 'array' && !this.inArray) {
            if (b === 91) {
              this.inArray = true;
              break;
            }
          }
          if (!this.inValue) segStart = this.start(i);
          this.stack.push(b === 91 ? 93 : 125);
          break;
        case 93: // ]
        case 125: // }
          if (!this.inValue) {
            if (this.mode === 'array' && b === 93) {
              this.arrayClosed = true;
              return;
            }
            // A stray closer is a record of its own that will fail to parse.
            segStart = this.start(i);
            this.emit(bytes, segStart, i + 1, offset);
            segStart = -1;
            break;
          }
          // A mismatched closer ends the broken value here so one bad record cannot swallow the rest.
          if (this.stack.pop() !== b) this.stack.length = 0;
          if (this.stack.length === 0) {
            this.emit(bytes, segStart, i + 1, offset);
            segStart = -1;
          }
          break;
        default:
          if (!this.inValue) {
            segStart = this.start(i);
            this.inLiteral = true;
          }
      }
      i++;
    }
    if (this.inValue && segStart >= 0) this.pending.keep(bytes.subarray(segStart, n));
  }

  /** At end of input: a value still open (truncated file) is emitted as is and will fail to parse. */
  end(eofOffset: number): void {
    if (!this.inValue) return;
    this.finish(Buffer.alloc(0), eofOffset);
  }

  private start(i: number): number {
    this.inValue = true;
    this.valueLine = this.line;
    return i;
  }

  private emit(bytes: Buffer, segStart: number, endIndex: number, offset: number): void {
    this.finish(bytes.subarray(segStart, endIndex), offset + endIndex);
  }

  private finish(tail: Buffer, end: number): void {
    const record = this.pending.complete(tail);
    if ('bytes' in record) this.sink.value(record.bytes, this.valueLine, end);
    else this.sink.tooLong(record.head, record.length, this.valueLine, end);
    this.inValue = false;
    this.inLiteral = false;
    this.inString = false;
    this.stack.length = 0;
  }
}
