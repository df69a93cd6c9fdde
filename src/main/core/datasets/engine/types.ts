// Owns: the minimal shapes the datasets engine works on (a dataset row as stored at promotion time).
// Imports: nothing, so the engine stays pure and independent of the store and the contract.

export type RowId = string | number;
export type Split = 'train' | 'validation' | 'test';
export type DatasetKind = 'eval' | 'training';

/** One message in OpenAI chat shape; unknown fields are kept verbatim. */
export interface ChatMessage {
  role: string;
  /** A string, an array of content parts, or null. */
  content?: unknown;
  tool_calls?: unknown[];
  tool_call_id?: string;
  name?: string;
  [extra: string]: unknown;
}

/** A dataset row: its content is frozen when it is promoted, so hashes and exports never drift. */
export interface DatasetRow {
  rowId: RowId;
  messages: ChatMessage[];
  tools?: unknown[];
  response: ChatMessage;
  metadata: Record<string, unknown>;
  sourceTraceId: number;
  conversationId: string | null;
  turnIndex: number;
  clusterId: number | null;
  membershipScore: number | null;
  labels: string[];
  expectedOutput: unknown;
  note: string | null;
  split?: Split;
}
