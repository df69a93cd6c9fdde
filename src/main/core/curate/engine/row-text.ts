// Reads the text out of a row: every text field with where it sits, plus the joined forms filters compare.
// Imports: ./curate-row.ts (types only).

import type { ChatMessage, CurateRow, MessageContent, ToolCall } from './curate-row.ts';

/** Where a piece of text sits in a row; `message` is an index into `messages`, or 'response'. */
export interface TextLocation {
  message: number | 'response';
  /** Index into a content-parts array; null when the content is a plain string. */
  part: number | null;
  /** Set when the text is a tool call's arguments (JSON text) rather than message content. */
  toolCall: number | null;
}

export interface TextField {
  location: TextLocation;
  text: string;
}

export function contentText(content: MessageContent | undefined): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let out = '';
  for (const part of content) {
    if (part.type === 'text' && typeof part.text === 'string') out += (out ? '\n' : '') + part.text;
  }
  return out;
}

export function responseText(row: CurateRow): string {
  return row.response ? contentText(row.response.content) : '';
}

function pushContent(out: TextField[], message: number | 'response', content: MessageContent | undefined): void {
  if (typeof content === 'string') {
    if (content) out.push({ location: { message, part: null, toolCall: null }, text: content });
    return;
  }
  if (!Array.isArray(content)) return;
  content.forEach((part, i) => {
    if (part.type === 'text' && typeof part.text === 'string' && part.text) out.push({ location: { message, part: i, toolCall: null }, text: part.text });
  });
}

function pushToolCalls(out: TextField[], message: number | 'response', calls: ToolCall[] | undefined): void {
  calls?.forEach((call, i) => {
    const args = call.function?.arguments;
    if (typeof args === 'string' && args) out.push({ location: { message, part: null, toolCall: i }, text: args });
  });
}

/** Every text field of the row: prompt messages (any role, tool results included), then the response. */
export function textFields(row: CurateRow): TextField[] {
  const out: TextField[] = [];
  row.messages.forEach((m: ChatMessage, i) => {
    pushContent(out, i, m.content);
    pushToolCalls(out, i, m.tool_calls);
  });
  if (row.response) {
    pushContent(out, 'response', row.response.content);
    pushToolCalls(out, 'response', row.response.tool_calls);
  }
  return out;
}

function toolCallsText(calls: ToolCall[] | undefined): string {
  if (!calls?.length) return '';
  return calls.map((c) => `${c.function?.name ?? ''}(${c.function?.arguments ?? ''})`).join('\n');
}

/** The prompt side as one text: role-tagged so two rows that only swap who said what still differ. */
export function promptText(row: CurateRow): string {
  let out = '';
  for (const m of row.messages) {
    out += `${m.role}: ${contentText(m.content)}`;
    const calls = toolCallsText(m.tool_calls);
    if (calls) out += `\n${calls}`;
    out += '\n';
  }
  return out;
}

/** Prompt and answer as one text (tool calls included), the unit duplicates and token counts are measured on. */
export function rowText(row: CurateRow): string {
  let out = promptText(row);
  if (row.response) {
    out += `assistant: ${contentText(row.response.content)}`;
    const calls = toolCallsText(row.response.tool_calls);
    if (calls) out += `\n${calls}`;
  }
  return out;
}
