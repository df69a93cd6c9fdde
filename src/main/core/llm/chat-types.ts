// What a chat call sends and gets back, shared by the endpoint client, its per-feature view and structured().
// Imports: openai (types only).

import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';

export interface ChatMessageIn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * A message of a stored conversation, sent as it is (tool calls, tool results, content parts, names): an
 * evaluation replays dataset rows exactly.
 */
export interface ChatMessageRaw {
  role: string;
  [field: string]: unknown;
}

/** A function the model may call (OpenAI's shape, sent as it is). */
export type ChatTool = ChatCompletionFunctionTool;

export interface ChatToolCall {
  id: string;
  name: string;
  /** The arguments as the model wrote them: JSON text, not yet validated. */
  arguments: string;
}

export interface ChatRequest {
  messages: (ChatMessageIn | ChatMessageRaw)[];
  /** Default 0: the app's LLM features want repeatable answers (and cache hits). */
  temperature?: number;
  maxTokens?: number;
  /**
   * Ask for a JSON object (response_format json_object). A server that rejects the option gets the
   * request again without it (and never again from that endpoint); callers parse replies leniently anyway.
   */
  json?: boolean;
  tools?: readonly ChatTool[];
  /** A response_format sent as it is (e.g. a json_schema a trace's request carried); wins over `json`. */
  responseFormat?: Record<string, unknown>;
}

export interface ChatResult {
  text: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  toolCalls: ChatToolCall[];
  /** USD, or null when the model has no price; 0 for an answer from the cache. */
  cost: number | null;
  latencyMs: number;
  cached: boolean;
}

/** Who is calling, for the usage record, and how the call may be stopped. */
export interface CallContext {
  /** The app feature that made the call ('cluster-naming', 'embedding', ...): usage is totalled by it. */
  feature: string;
  jobId?: number | null;
  signal?: AbortSignal;
  /** Per-request timeout in ms; the endpoint's default otherwise. */
  timeoutMs?: number;
}
