// The shapes every trace parser produces and the import job consumes.
// Imports: nothing (plain types), so parsers, workers and the store can all share them.

export type TraceFormat = 'openai-chat' | 'langfuse' | 'prompt-response' | 'provider-body';
export type FileFormat = 'jsonl' | 'json' | 'csv' | 'parquet';
/** A record format, or `auto` to detect it per record. */
export type FormatChoice = TraceFormat | 'auto';
export type MultiTurnMode = 'split' | 'keep';

/** One message in OpenAI chat shape. Unknown fields are kept verbatim so nothing is lost. */
export interface ChatMessage {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  content: unknown; // string, array of content parts, or null
  tool_calls?: unknown[];
  tool_call_id?: string;
  name?: string;
  [extra: string]: unknown;
}

export interface Facets {
  environment: string | null;
  task: string | null;
  provider: string | null;
  model: string | null;
  status: 'success' | 'error' | null;
  timestamp: number | null; // epoch milliseconds
  latencyMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
  cost: number | null;
  finishReason: string | null;
}

/** A problem with one record. `code` is stable (tests and the UI key on it); `message` is for people. */
export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
}

export type DiagnosticCode =
  | 'invalid_json'
  | 'invalid_utf8'
  | 'line_too_long'
  | 'invalid_csv'
  | 'not_an_object'
  | 'unknown_format'
  | 'messages_not_list'
  | 'invalid_message'
  | 'unknown_role'
  | 'no_user_turn'
  | 'invalid_record'
  // notices: the record imports, but the user should know
  | 'no_assistant_turn'
  | 'empty_user_turn'
  | 'empty_response'
  | 'implausible_value'
  | 'deep_nesting';

/** A record parsed into the conversation it holds, with the facets users filter on. */
export interface NormalizedTrace {
  format: TraceFormat;
  /** The record's own id in its source system (Langfuse observation id, completion id), if any. */
  sourceId: string | null;
  /** Groups records of one conversation (Langfuse traceId/sessionId, metadata.conversation_id). */
  conversationId: string | null;
  /** The whole conversation, including the final assistant turn(s), in OpenAI chat shape. */
  messages: ChatMessage[];
  tools: unknown[] | null;
  responseFormat: unknown | null;
  metadata: Record<string, unknown>;
  facets: Facets;
  /** Non-fatal findings, e.g. `no_assistant_turn` for a prompt-only record, `empty_response` for an empty answer. */
  notices: Diagnostic[];
}

/** One physical record of a file: a JSONL line, a CSV record, a JSON array element, a Parquet row. */
export interface ParsedRecord {
  /** 1-based line (JSONL/CSV: physical line where the record starts; JSON array: element line; Parquet: row number). */
  line: number;
  /** The record's text exactly as it was in the file (Parquet rows: their JSON). Truncated only past the line limit. */
  raw: string;
  result: { ok: true; trace: NormalizedTrace } | { ok: false; error: Diagnostic };
}

export interface RecordBatch {
  records: ParsedRecord[];
  /** Blank lines passed over in this batch (not errors). */
  blankLines: number;
  /** Where to resume after this batch: pass back as `resumeFrom`. */
  checkpoint: ReadCheckpoint;
  /** Bytes of the file consumed so far, for progress. */
  bytesRead: number;
}

/** Opaque resume point: JSONL resumes at a byte offset, the others skip records already read. */
export interface ReadCheckpoint {
  byteOffset: number;
  line: number;
  recordIndex: number;
}

export interface ReadOptions {
  format: FormatChoice;
  /** Force the container format instead of detecting it from the extension and first bytes. */
  fileFormat?: FileFormat;
  resumeFrom?: ReadCheckpoint;
  batchSize?: number;
  signal?: AbortSignal;
}

/** One training/eval example derived from a trace (see toRows). */
export interface DerivedRow {
  turnIndex: number;
  /** The prompt side: every message before the assistant turn. */
  messages: ChatMessage[];
  /** The assistant turn, or null for a prompt-only record. */
  response: ChatMessage | null;
}

export const MAX_RECORD_BYTES = 10 * 1024 * 1024;
