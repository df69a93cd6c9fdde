// Owns: converting the content parts, tool calls and tool definitions of tracer/provider shapes into OpenAI chat shape.
// Imports: ingest types, values.

import type { ChatMessage } from '../types.ts';
import type { JsonObject } from '../values.ts';
import { argumentsText, contentText, isObject, parseJsonText } from '../values.ts';

export interface OpenAiToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export function toolCall(id: unknown, name: unknown, args: unknown): OpenAiToolCall {
  return { id: callId(id) ?? (typeof name === 'string' ? name : ''), type: 'function', function: { name: typeof name === 'string' ? name : '', arguments: argumentsText(args) } };
}

/** Ids arrive as text, numbers, or (Microsoft Agent Framework) a [runId, callId] pair: the last text wins. */
export function callId(id: unknown): string | null {
  if (typeof id === 'string') return id;
  if (typeof id === 'number') return String(id);
  if (Array.isArray(id)) {
    for (let i = id.length - 1; i >= 0; i--) if (typeof id[i] === 'string') return id[i] as string;
  }
  return null;
}

/** A tool call in OpenAI shape, from OpenAI, flat ({id, name, arguments}) or LangChain ({name, args, id}) shape. */
export function normalizeToolCall(tc: unknown): unknown {
  if (!isObject(tc) || isObject(tc.function)) return tc;
  if (typeof tc.name === 'string') return toolCall(tc.id, tc.name, tc.arguments ?? tc.args ?? tc.input);
  if (typeof tc.toolName === 'string') return toolCall(tc.toolCallId, tc.toolName, tc.input ?? tc.args);
  return tc;
}

/** Tool definitions in OpenAI chat shape; JSON-encoded entries (Langfuse metadata.tools) are decoded first. */
export function normalizeTools(value: unknown): unknown[] | null {
  const list = parseJsonText(value);
  if (!Array.isArray(list) || list.length === 0) return null;
  const out: unknown[] = [];
  for (const raw of list) {
    const t = parseJsonText(raw);
    if (isObject(t) && Array.isArray(t.function_declarations ?? t.functionDeclarations)) {
      for (const d of (t.function_declarations ?? t.functionDeclarations) as unknown[]) out.push(functionTool(d));
    } else {
      out.push(functionTool(t));
    }
  }
  return out;
}

function functionTool(t: unknown): unknown {
  if (!isObject(t) || isObject(t.function) || typeof t.name !== 'string') return t;
  const fn: JsonObject = { name: t.name };
  if (typeof t.description === 'string') fn.description = t.description;
  const parameters = t.parameters ?? t.inputSchema ?? t.input_schema ?? t.parametersJsonSchema;
  if (parameters !== undefined) fn.parameters = parameters;
  return { type: 'function', function: fn };
}

/**
 * Gemini parts ({text} / {function_call} / {function_response}) and OTel GenAI parts
 * ({type: text|tool_call|tool_call_response}) as OpenAI messages: text and calls stay on the speaker's
 * message, each tool response becomes its own tool message. Other parts (reasoning, blobs) are dropped.
 */
export function messagesFromParts(role: string, parts: unknown[]): ChatMessage[] {
  const texts: string[] = [];
  const calls: OpenAiToolCall[] = [];
  const results: ChatMessage[] = [];
  for (const p of parts) {
    if (typeof p === 'string') {
      texts.push(p);
      continue;
    }
    if (!isObject(p)) continue;
    const fc = p.function_call ?? p.functionCall;
    const fr = p.function_response ?? p.functionResponse;
    if (isObject(fc)) {
      calls.push(toolCall(fc.id ?? fc.name, fc.name, fc.args));
    } else if (isObject(fr)) {
      results.push(toolMessage(fr.id ?? fr.name, fr.name, fr.response));
    } else if (p.type === 'tool_call') {
      calls.push(toolCall(p.id, p.name, p.arguments));
    } else if (p.type === 'tool_call_response') {
      results.push(toolMessage(p.id, p.name, p.response ?? p.result));
    } else if (typeof p.text === 'string' && p.thought !== true && (p.type === undefined || p.type === 'text')) {
      texts.push(p.text);
    } else if (p.type === 'text' && typeof p.content === 'string') {
      texts.push(p.content);
    }
  }
  const out: ChatMessage[] = [];
  const onlyResults = results.length > 0 && texts.length === 0 && calls.length === 0;
  if (!onlyResults) {
    const m: ChatMessage = { role: role as ChatMessage['role'], content: texts.length > 0 ? texts.join('') : null };
    if (calls.length > 0) m.tool_calls = calls;
    out.push(m);
  }
  for (const r of results) out.push(r);
  return out;
}

export function toolMessage(id: unknown, name: unknown, content: unknown): ChatMessage {
  const m: ChatMessage = { role: 'tool', content: contentText(content) };
  const cid = callId(id);
  if (cid !== null) m.tool_call_id = cid;
  if (typeof name === 'string') m.name = name;
  return m;
}

/**
 * Content blocks that carry tool traffic inside `content` (Anthropic tool_use/tool_result, Vercel AI SDK
 * tool-call/tool-result) pulled out into OpenAI tool_calls and tool messages. Null when there are none,
 * so ordinary part lists stay untouched.
 */
export function splitToolBlocks(content: unknown[]): { rest: unknown[]; calls: OpenAiToolCall[]; results: ChatMessage[] } | null {
  let found = false;
  for (const b of content) {
    if (isObject(b) && (b.type === 'tool_use' || b.type === 'tool_result' || b.type === 'tool-call' || b.type === 'tool-result')) {
      found = true;
      break;
    }
  }
  if (!found) return null;
  const rest: unknown[] = [];
  const calls: OpenAiToolCall[] = [];
  const results: ChatMessage[] = [];
  for (const b of content) {
    if (!isObject(b)) {
      rest.push(b);
    } else if (b.type === 'tool_use') {
      calls.push(toolCall(b.id, b.name, b.input));
    } else if (b.type === 'tool-call') {
      calls.push(toolCall(b.toolCallId, b.toolName, b.input ?? b.args));
    } else if (b.type === 'tool_result') {
      results.push(toolMessage(b.tool_use_id, undefined, blockText(b.content)));
    } else if (b.type === 'tool-result') {
      results.push(toolMessage(b.toolCallId, b.toolName, b.output ?? b.result));
    } else {
      rest.push(b);
    }
  }
  return { rest, calls, results };
}

/** Anthropic tool_result content is text or a list of text blocks. */
function blockText(content: unknown): unknown {
  if (!Array.isArray(content)) return content;
  const texts: string[] = [];
  for (const b of content) {
    if (isObject(b) && typeof b.text === 'string') texts.push(b.text);
    else return content;
  }
  return texts.join('');
}

/** OpenAI Responses API content parts (input_text/output_text) as plain text when that is all they hold. */
export function responsesText(content: unknown[]): string | null {
  const texts: string[] = [];
  for (const p of content) {
    if (isObject(p) && (p.type === 'input_text' || p.type === 'output_text') && typeof p.text === 'string') texts.push(p.text);
    else return null;
  }
  return texts.join('');
}
