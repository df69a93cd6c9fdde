// Owns: reading CSV with a header row into RecordBatches, streaming chunks through papaparse's low-level parser
// so each record keeps its original text and starting line; recovers after a broken quote; resumes by skipping
// records already read.
// Imports: ingest types and helpers (chunks, columns, record parser, batcher), papaparse.

import Papa from 'papaparse';
import type { ParsedRecord, ReadOptions, RecordBatch } from './types.ts';
import { MAX_RECORD_BYTES } from './types.ts';
import type { ColumnMap } from './csv-columns.ts';
import { hasConversationColumns, mapColumns, rowToRecord } from './csv-columns.ts';
import { fail } from './diagnostics.ts';
import { fileChunks } from './file-chunks.ts';
import { parseRecordValue } from './parse-record.ts';
import { RecordBatcher } from './record-batcher.ts';
import { truncatedRaw } from './truncated-raw.ts';

export async function* readCsv(path: string, opts: ReadOptions, tabSeparated: boolean): AsyncGenerator<RecordBatch> {
  const skip = opts.resumeFrom?.recordIndex ?? 0;
  const format = opts.format;
  const batcher = new RecordBatcher(opts.batchSize);
  const ready: RecordBatch[] = [];
  const decoder = new TextDecoder('utf-8'); // drops a leading BOM
  let line = 1; // where the next record starts
  let recordIndex = 0;
  let bytesRead = 0;
  let header: ColumnMap | null = null;
  let parser: Papa.Parser | null = null;
  let delimiter = ',';
  let lineBreak: '\n' | '\r\n' = '\n';
  let text = '';
  let rowStart = 0;
  /** Set when a broken quote made papaparse swallow lines: parsing starts again from rowStart. */
  let restart = false;

  // papaparse's low-level Parser hands each row as data: [row] with meta.cursor just past it.
  const onRow = (result: Papa.ParseStepResult<unknown>): void => {
    const end = result.meta.cursor;
    const slice = text.slice(rowStart, end);
    rowStart = end;
    if (slice.length === 0) return; // the empty tail papaparse reports at end of input
    const startLine = line;
    line += countNewlines(slice);
    const raw = stripNewline(slice);
    if (raw.trim().length === 0) {
      if (recordIndex >= skip) batcher.blankLines++;
      return;
    }
    const rows: unknown = result.data;
    const row = Array.isArray(rows) && Array.isArray(rows[0]) ? (rows[0] as string[]) : [];
    if (header !== null && spansLines(raw) && result.errors.some((e) => e.type === 'Quotes')) {
      rejectBrokenQuote(slice, startLine, result.errors);
      return;
    }
    if (header === null) {
      header = mapColumns(row);
      return;
    }
    recordIndex++;
    if (recordIndex <= skip) return;
    batcher.records.push(toRecord(header, row, result.errors, raw, startLine, format));
    if (batcher.full) ready.push(batcher.cut({ byteOffset: bytesRead, line: line - 1, recordIndex }, bytesRead));
  };

  /**
   * A quote that never closes (or closes wrongly) makes papaparse read on through the next lines, up to a later
   * quote or the end of the file, so one bad record would swallow every good one after it. Reject only the
   * record's first line, and read again from the line after it.
   */
  const rejectBrokenQuote = (slice: string, startLine: number, errors: ReadonlyArray<{ message: string }>): void => {
    const firstLine = slice.slice(0, slice.indexOf('\n') + 1);
    rowStart -= slice.length - firstLine.length;
    line = startLine + 1;
    recordIndex++;
    if (recordIndex > skip) {
      const why = [...new Set(errors.map((e) => e.message))].join('; ');
      const message =
        `line ${startLine}: a quoted field opened on this line is not closed properly, so it would run on into the lines ` +
        `after it (papaparse: ${why}); line ${startLine} skipped, reading resumed on line ${line}`;
      batcher.records.push({ line: startLine, raw: stripNewline(firstLine), result: fail('invalid_csv', message) });
      if (batcher.full) ready.push(batcher.cut({ byteOffset: bytesRead, line: line - 1, recordIndex }, bytesRead));
    }
    restart = true;
    parser?.abort();
  };

  const parseAvailable = (final: boolean): void => {
    if (parser === null) {
      const newline = guessNewline(text);
      if (newline === null && !final) return; // wait for a whole header line
      delimiter = tabSeparated ? '\t' : guessDelimiter(text);
      lineBreak = newline ?? '\n';
      parser = newParser();
    }
    for (;;) {
      rowStart = 0;
      restart = false;
      parser.parse(text, 0, !final);
      text = text.slice(rowStart);
      if (!restart) break;
      // An aborted papaparse Parser stays aborted: carry on with a fresh one.
      parser = newParser();
    }
    if (!final && text.length > MAX_RECORD_BYTES) dropOversizedRecord();
  };

  const newParser = (): Papa.Parser => new Papa.Parser({ delimiter, newline: lineBreak, quoteChar: '"', step: onRow });

  // A record this big is almost always an unclosed quote: report it and carry on from its next line.
  const dropOversizedRecord = (): void => {
    const nl = text.indexOf('\n');
    const head = Buffer.from(text.slice(0, 4096));
    recordIndex++;
    if (recordIndex > skip) {
      const message = `CSV record starting on line ${line} runs past ${MAX_RECORD_BYTES} bytes (an unclosed quote?); skipped to the next line`;
      batcher.records.push({ line, raw: truncatedRaw(head, Buffer.byteLength(text)), result: fail('line_too_long', message) });
    }
    text = text.slice(nl + 1);
    line++;
  };

  for await (const chunk of fileChunks(path, 0, opts.signal)) {
    bytesRead = chunk.offset + chunk.bytes.length;
    text += decoder.decode(chunk.bytes, { stream: true });
    parseAvailable(false);
    while (ready.length > 0) {
      opts.signal?.throwIfAborted();
      yield ready.shift() as RecordBatch;
    }
  }
  text += decoder.decode();
  parseAvailable(true);
  while (ready.length > 0) yield ready.shift() as RecordBatch;
  if (!batcher.empty) yield batcher.cut({ byteOffset: bytesRead, line: line - 1, recordIndex }, bytesRead);
}

function toRecord(header: ColumnMap, row: string[], errors: ReadonlyArray<{ message: string }>, raw: string, line: number, format: ReadOptions['format']): ParsedRecord {
  if (errors.length > 0) return { line, raw, result: fail('invalid_csv', `invalid CSV record: ${errors.map((e) => e.message).join('; ')}`) };
  if (row.length !== header.names.length) {
    return { line, raw, result: fail('invalid_csv', `expected ${header.names.length} fields (as in the header), found ${row.length}`) };
  }
  if (!hasConversationColumns(header)) {
    return { line, raw, result: fail('invalid_record', 'no prompt column: expected a column named prompt, input, question, text, query or messages') };
  }
  return { line, raw, result: parseRecordValue(rowToRecord(header, row), format) };
}

/** True when a record's text (its own line break already stripped) runs over more than one line. */
function spansLines(raw: string): boolean {
  return raw.includes('\n');
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function stripNewline(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n') || text.endsWith('\r')) return text.slice(0, -1);
  return text;
}

function guessNewline(text: string): '\n' | '\r\n' | null {
  const nl = text.indexOf('\n');
  if (nl === -1) return null;
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

/** The most frequent candidate in the header line. */
function guessDelimiter(text: string): string {
  const nl = text.indexOf('\n');
  const headerLine = nl === -1 ? text : text.slice(0, nl);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const count = headerLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
