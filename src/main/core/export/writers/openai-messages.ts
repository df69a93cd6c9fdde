// Owns: a row as OpenAI chat fine-tuning messages: the prompt messages then the response, fields OpenAI accepts.
// Imports: writers types.

import type { ExportMessage, ExportRow } from './types.ts';

/**
 * Fields OpenAI's chat fine-tuning format defines on a message. Anything else a trace logged (ids, timings,
 * provider extras) is left out, because the fine-tuning upload rejects unknown keys; it stays in the Winnow
 * JSONL and Parquet exports.
 */
const OPENAI_FIELDS = ['role', 'content', 'name', 'tool_calls', 'tool_call_id', 'function_call', 'weight'] as const;

function pickOpenAiFields(message: ExportMessage): ExportMessage {
  const out: Record<string, unknown> = {};
  for (const field of OPENAI_FIELDS) if (message[field] !== undefined) out[field] = message[field];
  return out as ExportMessage;
}

/** The whole conversation: prompt messages (multi-turn and tool calls kept), then the response as an assistant turn. */
export function openAiMessages(row: ExportRow): ExportMessage[] {
  return [...row.messages.map(pickOpenAiFields), pickOpenAiFields({ ...row.response, role: 'assistant' })];
}
