// Owns: reading a .json file (one top-level array, or a sequence of top-level values) into RecordBatches by streaming,
// never parsing the whole document at once; a Langfuse trace download ({trace, observations}) yields its observations.
// Imports: ingest types and helpers (chunks, scanner, utf8, record parser, batcher).

import type { ParsedRecord, ReadOptions, RecordBatch } from './types.ts';
import { MAX_RECORD_BYTES } from './types.ts';
import type { ScanMode } from './json-scanner.ts';
import { JsonScanner } from './json-scanner.ts';
import { fail } from './diagnostics.ts';
import { feedChunks } from './file-chunks.ts';
import { decodeUtf8 } from './utf8.ts';
import { parseRecordValue } from './parse-record.ts';
import { RecordBatcher } from './record-batcher.ts';
import { truncatedRaw } from './truncated-raw.ts';
import { isObject } from './values.ts';

/** `bodyStart`: where the document starts (past a BOM). */
export async function* readJson(path: string, opts: ReadOptions, mode: ScanMode, bodyStart: number): AsyncGenerator<RecordBatch> {
  const resume = opts.resumeFrom && opts.resumeFrom.byteOffset > bodyStart ? opts.resumeFrom : undefined;
  const start = resume?.byteOffset ?? bodyStart;
  let recordIndex = resume?.recordIndex ?? 0;
  const format = opts.format;
  const batcher = new RecordBatcher(opts.batchSize);
  const ready: RecordBatch[] = [];

  const add = (record: ParsedRecord): void => {
    recordIndex++;
    batcher.records.push(record);
  };
  const maybeCut = (end: number): void => {
    if (batcher.full) ready.push(batcher.cut({ byteOffset: end, line: scanner.line, recordIndex }, end));
  };

  const scanner = new JsonScanner(
    {
      value(bytes, line, end) {
        const decoded = decodeUtf8(bytes);
        if (!decoded.ok) {
          add({ line, raw: bytes.toString('utf8'), result: fail('invalid_utf8', `invalid UTF-8 at byte ${decoded.offset} of the record starting on line ${line}`) });
        } else {
          let value: unknown;
          try {
            value = JSON.parse(decoded.text);
          } catch (e) {
            add({ line, raw: decoded.text, result: fail('invalid_json', (e as Error).message) });
            maybeCut(end);
            return;
          }
          const observations = traceDownloadObservations(value);
          if (observations) {
            // Kept in one batch so the checkpoint (after the whole download) never splits it.
            for (const o of observations) add({ line, raw: JSON.stringify(o), result: parseRecordValue(o, format) });
          } else {
            add({ line, raw: decoded.text, result: parseRecordValue(value, format) });
          }
        }
        maybeCut(end);
      },
      tooLong(head, length, line, end) {
        add({ line, raw: truncatedRaw(head, length), result: fail('line_too_long', `record is ${length} bytes, over the ${MAX_RECORD_BYTES}-byte record limit; skipped`) });
        maybeCut(end);
      },
    },
    mode,
    resume?.line ?? 1,
    resume !== undefined && mode === 'array',
  );

  const eof = yield* feedChunks(path, start, opts.signal, (bytes, offset) => scanner.push(bytes, offset), ready);
  scanner.end(eof);
  while (ready.length > 0) yield ready.shift() as RecordBatch;
  if (!batcher.empty) yield batcher.cut({ byteOffset: eof, line: scanner.line, recordIndex }, eof);
}

/** Langfuse's "download trace" file: its observations are the records (raw is each observation re-serialised). */
function traceDownloadObservations(value: unknown): unknown[] | null {
  if (isObject(value) && isObject(value.trace) && Array.isArray(value.observations)) return value.observations;
  return null;
}
