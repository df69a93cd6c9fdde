// Owns: the row shape and result shapes every export writer shares.
// Imports: nothing: a dataset row from the datasets domain fits ExportRow as it is.

export type ExportSplit = 'train' | 'validation' | 'test';

/** One message in OpenAI chat shape; unknown fields are kept verbatim. */
export interface ExportMessage {
  role: string;
  content?: unknown;
  tool_calls?: readonly unknown[];
  tool_call_id?: string;
  name?: string;
  [extra: string]: unknown;
}

/** A frozen dataset row, as stored at promotion time. */
export interface ExportRow {
  rowId: string | number;
  messages: readonly ExportMessage[];
  tools?: readonly unknown[];
  response: ExportMessage;
  metadata: Record<string, unknown>;
  sourceTraceId: number;
  conversationId: string | null;
  turnIndex: number;
  clusterId: number | null;
  membershipScore: number | null;
  labels: readonly string[];
  expectedOutput: unknown;
  note: string | null;
  split?: ExportSplit;
}

/** Rows to write, in the order they will be written: an array, a generator, or a database cursor. */
export type RowSource = Iterable<ExportRow> | AsyncIterable<ExportRow>;

/** A row as the datasets store keeps it: canonical JSON of its content, and its split apart from it. */
export interface CanonicalRow {
  content: string;
  split: ExportSplit | null;
}

export type CanonicalRowSource = Iterable<CanonicalRow> | AsyncIterable<CanonicalRow>;

/** Rows counted per split; rows without one count under `none`. */
export type SplitCounts = Partial<Record<ExportSplit | 'none', number>>;

export interface FileResult {
  path: string;
  rows: number;
  rowsPerSplit: SplitCounts;
  /** The file's SHA-256 (`sha256:<hex>`) and size, hashed as it was written. */
  sha256: string;
  bytes: number;
}

export interface FolderResult {
  dir: string;
  /** Paths relative to `dir`, with forward slashes, sorted. */
  files: string[];
  rows: number;
  rowsPerSplit: SplitCounts;
}

export function countSplit(counts: SplitCounts, row: ExportRow): void {
  const key = row.split ?? 'none';
  counts[key] = (counts[key] ?? 0) + 1;
}
