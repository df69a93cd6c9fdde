// Short plain-text previews of a prompt and a response, for tables and text search.
// Imports: ingest types only.
import type { ChatMessage } from './parse/types.ts';

const PREVIEW_CHARS = 400;

export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const parts: string[] = [];
  for (const part of content) {
    if (typeof part === 'string') parts.push(part);
    else if (part && typeof part === 'object') {
      const p = part as Record<string, unknown>;
      if (typeof p.text === 'string') parts.push(p.text);
      else if (typeof p.type === 'string') parts.push(`[${p.type}]`);
    }
  }
  return parts.join(' ');
}

function toolCallsText(calls: unknown[]): string {
  return calls
    .map((call) => {
      const fn = (call as { function?: { name?: unknown; arguments?: unknown } }).function;
      const name = typeof fn?.name === 'string' ? fn.name : 'tool';
      const args = typeof fn?.arguments === 'string' ? fn.arguments : JSON.stringify(fn?.arguments ?? {});
      return `→ ${name}(${args})`;
    })
    .join(' ');
}

export function messageText(message: ChatMessage | null | undefined): string {
  if (!message) return '';
  const text = contentText(message.content);
  const calls = Array.isArray(message.tool_calls) && message.tool_calls.length > 0 ? toolCallsText(message.tool_calls) : '';
  return [text, calls].filter(Boolean).join(' ');
}

export function truncate(text: string, max = PREVIEW_CHARS): string {
  // Collapsing whitespace never lengthens text, so only a head that can fill the preview needs the work.
  const trimmed = text.trimStart();
  const head = trimmed.slice(0, 4 * max);
  // Most text has single spaces only; testing for anything else is cheaper than replacing nothing.
  const flat = (/\s\s|[^\S ]/.test(head) ? head.replace(/\s+/g, ' ') : head).trimEnd();
  if (flat.length <= max && head.length === trimmed.length) return flat;
  return `${flat.slice(0, max - 1)}…`;
}

/** The last user turn of a prompt: what a person reads first to know what was asked. */
export function lastUserText(messages: readonly ChatMessage[], end = messages.length): string {
  for (let i = end - 1; i >= 0; i--) if (messages[i]?.role === 'user') return messageText(messages[i]);
  return '';
}
