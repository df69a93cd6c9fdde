// The row shape the curation engine reads: an OpenAI-style chat prompt, the answer, and its request facts.
// Imports: nothing. Kept minimal on purpose so the engine does not depend on the store's row type.

export interface TextPart {
  type: 'text';
  text: string;
}
/** Non-text parts (images, audio, files) are carried but hold no text the filters read. */
export interface OtherPart {
  type: string;
  [key: string]: unknown;
}
export type ContentPart = TextPart | OtherPart;
export type MessageContent = string | ContentPart[] | null;

export interface ToolCall {
  id?: string;
  type?: string;
  function: { name: string; arguments: string };
}

export interface ChatMessage {
  role: string;
  content: MessageContent;
  name?: string;
  tool_calls?: ToolCall[];
  tool_call_id?: string;
}

export interface AssistantResponse {
  content: MessageContent;
  tool_calls?: ToolCall[];
}

export type RowStatus = 'ok' | 'error' | 'failed' | 'cancelled' | 'timeout' | string;

export interface CurateRow {
  id: string;
  messages: ChatMessage[];
  /** The request's tool definitions, as sent. */
  tools?: unknown[];
  /** The request's `response_format`, as sent. */
  responseFormat?: unknown;
  response: AssistantResponse | null;
  status: RowStatus;
  finishReason: string | null;
  clusterId: string | null;
  membershipScore: number | null;
}
