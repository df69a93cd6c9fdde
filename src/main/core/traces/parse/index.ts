// Owns: the public surface of trace import: streaming readers, per-record parsing, row derivation, hashing.
// Imports: the ingest modules it re-exports.

export type * from './types.ts';
export { MAX_RECORD_BYTES } from './types.ts';
export { readTraceFile } from './read-trace-file.ts';
export { parseFileInWorker, projectFileInWorker, WORKER_WINDOW } from './parse-in-worker.ts';
export type { ProjectBatch } from './parse-in-worker.ts';
export { parseRecordText, parseRecordValue, detectRecordFormat } from './parse-record.ts';
export { rowSpans, toRows } from './to-rows.ts';
export type { RowSpan } from './to-rows.ts';
export { contentHash } from './content-hash.ts';
export { DEEP_MARKER, MAX_NESTING, cutNesting, nestsDeeperThan } from './nesting.ts';
