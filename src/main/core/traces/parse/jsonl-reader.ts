// Owns: reading JSONL (one record per physical line) into RecordBatches, resuming at a byte offset.
// Imports: ingest types and helpers (chunks, line splitter, utf8, record parser, batcher).

import type { ParsedRecord, ReadOptions, RecordBatch } from './types.ts';
import { MAX_RECORD_BYTES } from './types.ts';
import { fail } from './diagnostics.ts';
import { feedChunks } from './file-chunks.ts';
import { LineSplitter } from './line-splitter.ts';
import { decodeUtf8 } from './utf8.ts';
import { parseRecordText } from './parse-record.ts';
import { RecordBatcher } from './record-batcher.ts';
import { truncatedRaw } from './truncated-raw.ts';

export async function* readJsonl(path: string, opts: ReadOptions): AsyncGenerator<RecordBatch> {
  const start = opts.resumeFrom?.byteOffset ?? 0;
  let line = opts.resumeFrom?.line ?? 0;
  let recordIndex = opts.resumeFrom?.recordIndex ?? 0;
  const format = opts.format;
  const batcher = new RecordBatcher(opts.batchSize);
  const ready: RecordBatch[] = [];

  const add = (record: ParsedRecord, end: number): void => {
    recordIndex++;
    batcher.records.push(record);
    if (batcher.full) ready.push(batcher.cut({ byteOffset: end, line, recordIndex }, end));
  };

  const splitter = new LineSplitter(
    {
      line(bytes, lineStart, end) {
        line++;
        let from = 0;
        let to = bytes.length;
        // A UTF-8 BOM only means something at the very start of the file.
        if (lineStart === 0 && to >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) from = 3;
        if (to > from && bytes[to - 1] === 13) to--;
        if (isBlank(bytes, from, to)) {
          batcher.blankLines++;
          return;
        }
        const decoded = decodeUtf8(bytes.subarray(from, to));
        if (decoded.ok) {
          add({ line, raw: decoded.text, result: parseRecordText(decoded.text, format) }, end);
        } else {
          const raw = bytes.toString('utf8', from, to);
          add({ line, raw, result: fail('invalid_utf8', `invalid UTF-8 at byte ${decoded.offset} of line ${line}`) }, end);
        }
      },
      tooLong(head, length, _lineStart, end) {
        line++;
        const message = `line is ${length} bytes, over the ${MAX_RECORD_BYTES}-byte record limit; skipped`;
        add({ line, raw: truncatedRaw(head, length), result: fail('line_too_long', message) }, end);
      },
    },
    start,
  );

  const eof = yield* feedChunks(path, start, opts.signal, (bytes, offset) => splitter.push(bytes, offset), ready);
  splitter.end(eof);
  while (ready.length > 0) yield ready.shift() as RecordBatch;
  if (!batcher.empty) yield batcher.cut({ byteOffset: eof, line, recordIndex }, eof);
}

function isBlank(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b !== 32 && b !== 9 && b !== 13) return false;
  }
  return true;
}
