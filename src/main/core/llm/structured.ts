// Structured output: ask for a JSON object, parse it leniently, validate it with zod, and on failure send
// ONE corrective retry that shows the model its reply and what was wrong. Never guesses a value.
// Imports: zod (types), sibling llm modules.

import type { z } from 'zod';
import type { ChatCaller } from './chat-client.ts';
import type { ChatMessageIn, ChatResult } from './chat-types.ts';

export type StructuredResult<T> =
  | { ok: true; value: T; calls: ChatResult[] }
  /** `raw` is the last reply as the model wrote it; `calls` holds both attempts. */
  | { ok: false; error: string; raw: string; calls: ChatResult[] };

export interface StructuredOptions {
  signal?: AbortSignal;
  temperature?: number;
  maxTokens?: number;
}

/**
 * The JSON object inside a model reply, validated: code fences and chatter around it are tolerated
 * (from the first "{" to the last "}"), anything the schema refuses is not.
 */
export function parseJsonReply<S extends z.ZodType>(text: string, schema: S): { ok: true; value: z.output<S> } | { ok: false; error: string } {
  // Only a fence around the whole reply is removed: backticks inside a JSON string are the model's content.
  const body = /^\s*```[\w-]*\s*\n([\s\S]*?)\n?\s*```\s*$/.exec(text)?.[1] ?? text;
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end <= start) return { ok: false, error: 'reply contains no JSON object' };
  let json: unknown;
  try {
    json = JSON.parse(body.slice(start, end + 1));
  } catch (e) {
    return { ok: false, error: `reply is not valid JSON (${(e as Error).message})` };
  }
  const r = schema.safeParse(json);
  if (!r.success) return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || 'reply'}: ${i.message}`).join('; ') };
  return { ok: true, value: r.data };
}

/**
 * Asks for a reply matching `schema` (JSON mode where the server supports it). A failed call rejects
 * (an abort included); a reply that fails validation twice is a typed failure, never a guess.
 */
export async function structured<S extends z.ZodType>(
  client: ChatCaller,
  schema: S,
  messages: readonly ChatMessageIn[],
  opts: StructuredOptions = {},
): Promise<StructuredResult<z.output<S>>> {
  const convo = [...messages];
  const calls: ChatResult[] = [];
  const ask = async (): Promise<ChatResult> => {
    const req = { messages: [...convo], json: true, ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}), ...(opts.maxTokens !== undefined ? { maxTokens: opts.maxTokens } : {}) };
    const res = await client.chat(req, opts.signal);
    calls.push(res);
    return res;
  };
  const first = await ask();
  const parsed = parseJsonReply(first.text, schema);
  if (parsed.ok) return { ok: true, value: parsed.value, calls };
  convo.push({ role: 'assistant', content: first.text }, { role: 'user', content: `That reply was not usable (${parsed.error}). Reply again with only the JSON object.` });
  const second = await ask();
  const again = parseJsonReply(second.text, schema);
  if (again.ok) return { ok: true, value: again.value, calls };
  return { ok: false, error: again.error, raw: second.text, calls };
}
