// Owns: the plain text of a message's content, for formats with a text column (CSV's prompt and response).
// Imports: writers types.

import type { ExportMessage } from './types.ts';

/** String content as it is; `text` / `input_text` parts joined by newlines; anything else gives ''. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const texts: string[] = [];
  for (const part of content) {
    if (typeof part === 'string') texts.push(part);
    else if (part !== null && typeof part === 'object') {
      const { type, text } = part as { type?: unknown; text?: unknown };
      if ((type === 'text' || type === 'input_text') && typeof text === 'string') texts.push(text);
    }
  }
  return texts.join('\n');
}

/** The text of the last user message, or '' when there is none with text. */
export function lastUserText(messages: readonly ExportMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as ExportMessage;
    if (m.role === 'user') {
      const text = contentText(m.content);
      if (text !== '') return text;
    }
  }
  return '';
}
