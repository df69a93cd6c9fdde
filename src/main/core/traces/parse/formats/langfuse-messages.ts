// Owns: turning a Langfuse observation's `input` or `output` (whatever the tracing SDK logged) into OpenAI chat messages.
// Imports: ingest types, values, langfuse-parts.

import type { ChatMessage } from '../types.ts';
import type { JsonObject } from '../values.ts';
import { isObject, nonEmptyString, parseJsonText, setOwn } from '../values.ts';
import { messagesFromParts, normalizeToolCall, normalizeTools, responsesText, splitToolBlocks, toolCall, toolMessage } from './langfuse-parts.ts';

export interface SideResult {
  messages: ChatMessage[];
  tools: unknown[] | null;
  finishReason: string | null;
  usage: JsonObject | null;
  model: string | null;
}

type Role = ChatMessage['role'];

const STANDARD_ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);

// Roles other SDKs use for the same speakers; Gemini's `model` is the assistant.
const ROLE_ALIASES = new Map<string, Role>([
  ['human', 'user'],
  ['ai', 'assistant'],
  ['model', 'assistant'],
  ['function', 'tool'],
]);

// LangChain message `type`s and serialised class names.
const LANGCHAIN_ROLES = new Map<string, Role>([
  ['human', 'user'],
  ['HumanMessage', 'user'],
  ['HumanMessageChunk', 'user'],
  ['ai', 'assistant'],
  ['AIMessage', 'assistant'],
  ['AIMessageChunk', 'assistant'],
  ['system', 'system'],
  ['SystemMessage', 'system'],
  ['tool', 'tool'],
  ['ToolMessage', 'tool'],
  ['ToolMessageChunk', 'tool'],
  ['function', 'tool'],
  ['FunctionMessage', 'tool'],
]);

// Gemini's FinishReason enum when serialised as a number (Vertex SDK).
const GEMINI_FINISH = new Map<number, string>([
  [1, 'STOP'],
  [2, 'MAX_TOKENS'],
  [3, 'SAFETY'],
  [4, 'RECITATION'],
  [5, 'OTHER'],
]);

/**
 * Messages for one side of an observation. Shapes not recognised as a conversation fall back to a single
 * message (user for input, assistant for output) holding the value's text, so nothing logged is lost.
 */
export function convertSide(value: unknown, side: 'input' | 'output'): SideResult {
  const fallbackRole: Role = side === 'input' ? 'user' : 'assistant';
  const result: SideResult = { messages: [], tools: null, finishReason: null, usage: null, model: null };
  const v = decode(value);
  if (v === null || v === undefined) return result;
  if (typeof v === 'string') {
    result.messages.push({ role: fallbackRole, content: v });
    return result;
  }
  if (Array.isArray(v)) {
    const definitions: unknown[] = [];
    const messages = convertList(v, fallbackRole, definitions);
    if (messages) {
      result.messages = messages;
      result.tools = normalizeTools(definitions);
      const last: unknown = v[v.length - 1];
      if (isObject(last)) result.finishReason = finishText(last.finish_reason);
      return result;
    }
  } else if (isObject(v) && convertObject(v, fallbackRole, result)) {
    return result;
  }
  result.messages.push({ role: fallbackRole, content: JSON.stringify(v) });
  return result;
}

/** SDKs log JSON as text, sometimes twice over (trace-level input is a JSON string of a JSON string). */
function decode(value: unknown): unknown {
  let v = value;
  for (let i = 0; i < 3 && typeof v === 'string'; i++) {
    const next = parseJsonText(v);
    if (next === v) break;
    v = next;
  }
  return v;
}

/** `definitions` collects tool definitions that LangChain logs as tool-role messages. */
function convertList(list: unknown[], fallbackRole: Role, definitions: unknown[] | null = null): ChatMessage[] | null {
  // Vercel AI SDK logs an output of tool calls as [{toolCallId, toolName, input}].
  if (list.length > 0 && list.every((e) => isObject(e) && typeof e.toolCallId === 'string' && typeof e.toolName === 'string')) {
    return [{ role: 'assistant', content: null, tool_calls: list.map(normalizeToolCall) }];
  }
  const out: ChatMessage[] = [];
  // Responses API items: a function_call continues the assistant turn before it.
  const openTurns = new WeakSet<ChatMessage>();
  for (const item of list) {
    if (!isObject(item)) return null;
    if (definitions && isToolDefinitionMessage(item)) {
      definitions.push(item.content);
      continue;
    }
    const converted = convertMessage(item, fallbackRole);
    if (converted === null) return null;
    for (const m of converted) {
      const prev = out[out.length - 1];
      if (item.type === 'function_call' && prev !== undefined && openTurns.has(prev) && Array.isArray(m.tool_calls)) {
        prev.tool_calls = [...(prev.tool_calls ?? []), ...m.tool_calls];
        continue;
      }
      if ((item.type === 'function_call' || item.type === 'message') && m.role === 'assistant') openTurns.add(m);
      out.push(m);
    }
  }
  return out;
}

function isToolDefinitionMessage(item: JsonObject): boolean {
  const c = item.content;
  return item.role === 'tool' && isObject(c) && c.type === 'function' && isObject(c.function) && typeof c.function.name === 'string';
}

function convertMessage(item: JsonObject, fallbackRole: Role): ChatMessage[] | null {
  if (item.type === 'constructor' && Array.isArray(item.id) && isObject(item.kwargs)) {
    const className = item.id[item.id.length - 1];
    const role = typeof className === 'string' ? LANGCHAIN_ROLES.get(className) : undefined;
    return role ? fromLoose(item.kwargs, role) : null;
  }
  switch (item.type) {
    case 'function_call':
      return [{ role: 'assistant', content: null, tool_calls: [toolCall(item.call_id ?? item.id, item.name, item.arguments)] }];
    case 'function_call_output':
      return [toolMessage(item.call_id, undefined, item.output)];
    case 'reasoning':
      return [];
  }
  if (item.role === undefined && isObject(item.message)) return convertMessage(item.message, fallbackRole);
  let role: string | null = typeof item.role === 'string' ? item.role : null;
  if (role === null && typeof item.type === 'string') role = LANGCHAIN_ROLES.get(item.type) ?? null;
  if (role === null) {
    if (typeof item.toolCallId === 'string') return [{ role: 'assistant', content: null, tool_calls: [normalizeToolCall(item)] }];
    if (!('content' in item) && !('parts' in item)) return null;
    role = fallbackRole;
  }
  // Unknown roles pass through here; the record parser resolves tool-named roles and rejects the rest.
  const mapped = (ROLE_ALIASES.get(role) ?? role) as Role;
  if (mapped === item.role && isOpenAiShaped(item)) {
    if (item.tool_calls !== null) return [item as ChatMessage];
    const copy: JsonObject = {};
    for (const key in item) if (key !== 'tool_calls') setOwn(copy, key, item[key]);
    return [copy as ChatMessage];
  }
  return fromLoose(item, mapped);
}

/** Already an OpenAI message: pass it through untouched so every field survives. */
function isOpenAiShaped(m: JsonObject): boolean {
  if (!STANDARD_ROLES.has(m.role as string) || 'parts' in m || m.type !== undefined || 'additional_kwargs' in m) return false;
  const c = m.content;
  if (c === undefined && typeof m.text === 'string') return false;
  if (Array.isArray(c)) {
    if (splitToolBlocks(c) !== null || responsesText(c) !== null) return false;
  } else if (c !== null && c !== undefined && typeof c !== 'string') {
    return false;
  }
  const calls = m.tool_calls;
  if (calls === undefined || calls === null) return true;
  return Array.isArray(calls) && calls.every((tc) => isObject(tc) && isObject(tc.function));
}

function fromLoose(item: JsonObject, role: Role): ChatMessage[] {
  if (Array.isArray(item.parts)) return messagesFromParts(role, item.parts);
  // BeeAI logs {role, text}.
  let content: unknown = item.content === undefined && typeof item.text === 'string' ? item.text : item.content;
  const calls: unknown[] = [];
  let results: ChatMessage[] = [];
  if (Array.isArray(content)) {
    const split = splitToolBlocks(content);
    if (split) {
      content = split.rest.length > 0 ? split.rest : null;
      calls.push(...split.calls);
      results = split.results;
    } else {
      content = responsesText(content) ?? content;
    }
  } else if (content !== null && content !== undefined && typeof content !== 'string') {
    content = JSON.stringify(content);
  }
  const kwargs = isObject(item.additional_kwargs) ? item.additional_kwargs : null;
  const rawCalls = Array.isArray(item.tool_calls) && item.tool_calls.length > 0 ? item.tool_calls : kwargs && Array.isArray(kwargs.tool_calls) ? kwargs.tool_calls : [];
  for (const c of rawCalls) calls.push(normalizeToolCall(c));

  const out: ChatMessage[] = [];
  const onlyResults = results.length > 0 && calls.length === 0 && (content === null || content === undefined);
  if (!onlyResults) {
    const m: ChatMessage = { role, content: content ?? null };
    if (calls.length > 0) m.tool_calls = calls;
    const callRef = item.tool_call_id ?? item.toolCallId;
    if (typeof callRef === 'string') m.tool_call_id = callRef;
    if (typeof item.name === 'string' && item.name.length > 0) m.name = item.name;
    out.push(m);
  }
  for (const r of results) out.push(r);
  return out;
}

function convertObject(obj: JsonObject, fallbackRole: Role, result: SideResult): boolean {
  const config = isObject(obj.config) ? obj.config : null;
  if (Array.isArray(obj.messages)) {
    const definitions: unknown[] = [];
    const messages = convertList(obj.messages, fallbackRole, definitions);
    if (!messages) return false;
    if (typeof obj.system === 'string' && obj.system.length > 0) messages.unshift({ role: 'system', content: obj.system });
    result.messages = messages;
    result.tools = normalizeTools(obj.tools) ?? normalizeTools(definitions);
    result.model = nonEmptyString(obj.model);
    return true;
  }
  if (obj.contents !== undefined) {
    // Gemini generate_content request.
    const messages: ChatMessage[] = [];
    const system = systemText(config?.system_instruction ?? config?.systemInstruction ?? obj.system_instruction ?? obj.systemInstruction);
    if (system) messages.push({ role: 'system', content: system });
    const contents = decode(obj.contents);
    if (typeof contents === 'string') {
      messages.push({ role: 'user', content: contents });
    } else if (Array.isArray(contents)) {
      for (const c of contents) {
        if (typeof c === 'string') messages.push({ role: 'user', content: c });
        else if (isObject(c) && Array.isArray(c.parts)) messages.push(...messagesFromParts(geminiRole(c.role, 'user'), c.parts));
        else return false;
      }
    } else {
      return false;
    }
    result.messages = messages;
    result.tools = normalizeTools(config?.tools ?? obj.tools);
    result.model = nonEmptyString(obj.model);
    return true;
  }
  if (Array.isArray(obj.candidates)) {
    // Gemini response.
    const candidate: unknown = obj.candidates[0];
    if (!isObject(candidate)) return false;
    const content = candidate.content;
    if (isObject(content) && Array.isArray(content.parts)) result.messages = messagesFromParts(geminiRole(content.role, 'assistant'), content.parts);
    result.finishReason = finishText(candidate.finish_reason ?? candidate.finishReason);
    result.usage = objectOrNull(obj.usage_metadata ?? obj.usageMetadata);
    result.model = nonEmptyString(obj.model_version ?? obj.modelVersion);
    return true;
  }
  if (isObject(obj.content) && Array.isArray(obj.content.parts)) {
    // Google ADK LlmResponse.
    result.messages = messagesFromParts(geminiRole(obj.content.role, 'assistant'), obj.content.parts);
    result.finishReason = finishText(obj.finish_reason ?? obj.finishReason);
    result.usage = objectOrNull(obj.usage_metadata ?? obj.usageMetadata);
    return true;
  }
  if (isObject(obj.new_message) && Array.isArray(obj.new_message.parts)) {
    // Google ADK runner invocation: {user_id, session_id, new_message: Content}.
    result.messages = messagesFromParts(geminiRole(obj.new_message.role, 'user'), obj.new_message.parts);
    return true;
  }
  if (Array.isArray(obj.choices)) {
    // OpenAI chat completion.
    const choice: unknown = obj.choices[0];
    if (!isObject(choice)) return false;
    if (isObject(choice.message)) {
      const messages = convertMessage(choice.message, 'assistant');
      if (!messages) return false;
      result.messages = messages;
    } else if (typeof choice.text === 'string') {
      result.messages = [{ role: 'assistant', content: choice.text }];
    }
    result.finishReason = finishText(choice.finish_reason);
    result.usage = objectOrNull(obj.usage);
    result.model = nonEmptyString(obj.model);
    return true;
  }
  if (obj.object === 'response' && Array.isArray(obj.output)) {
    // OpenAI Responses API.
    const messages = convertList(obj.output, 'assistant');
    if (!messages) return false;
    result.messages = messages;
    result.usage = objectOrNull(obj.usage);
    result.model = nonEmptyString(obj.model);
    result.tools = normalizeTools(obj.tools);
    return true;
  }
  if (typeof obj.prompt === 'string' && obj.role === undefined) {
    // Vercel AI SDK generateText({system, prompt}).
    if (typeof obj.system === 'string' && obj.system.length > 0) result.messages.push({ role: 'system', content: obj.system });
    result.messages.push({ role: 'user', content: obj.prompt });
    return true;
  }
  if (looksLikeMessage(obj)) {
    const messages = convertMessage(obj, fallbackRole);
    if (!messages) return false;
    result.messages = messages;
    const responseMeta = isObject(obj.response_metadata) ? obj.response_metadata : null;
    result.finishReason = finishText(obj.finish_reason) ?? finishText(responseMeta?.finish_reason);
    result.usage = objectOrNull(obj.usage_metadata) ?? objectOrNull(obj.usage);
    return true;
  }
  return false;
}

function looksLikeMessage(obj: JsonObject): boolean {
  if (typeof obj.role === 'string') return true;
  if (typeof obj.type === 'string' && LANGCHAIN_ROLES.has(obj.type) && 'content' in obj) return true;
  if (obj.type === 'constructor' && isObject(obj.kwargs)) return true;
  if (obj.type === 'function_call' || obj.type === 'function_call_output') return true;
  return isObject(obj.message) && typeof obj.message.role === 'string';
}

function geminiRole(role: unknown, fallback: Role): Role {
  if (typeof role !== 'string') return fallback;
  return (ROLE_ALIASES.get(role) ?? role) as Role;
}

function systemText(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (isObject(value) && Array.isArray(value.parts)) {
    const texts = value.parts.map((p) => (isObject(p) && typeof p.text === 'string' ? p.text : '')).join('');
    return texts.length > 0 ? texts : null;
  }
  return null;
}

function finishText(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number') return GEMINI_FINISH.get(value) ?? String(value);
  return null;
}

function objectOrNull(value: unknown): JsonObject | null {
  return isObject(value) ? value : null;
}
