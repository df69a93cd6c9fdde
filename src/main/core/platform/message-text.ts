// Owns: the plain text of an OpenAI-shaped message's content, which traces (row text, previews), datasets (leakage
// prompts, row views) and export (CSV text columns) all read the same way. Imports: nothing.

/**
 * String content as it is; in a content-part array, plain strings and parts with a string `text` whose type is
 * `text`, `input_text` or absent, joined by newlines. Images, audio, refusals and anything else give ''.
 */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let out = '';
  let first = true;
  for (const part of content) {
    let text: string | null = null;
    if (typeof part === 'string') text = part;
    else if (part !== null && typeof part === 'object') {
      const p = part as { type?: unknown; text?: unknown };
      if ((p.type === 'text' || p.type === 'input_text' || p.type === undefined) && typeof p.text === 'string') text = p.text;
    }
    if (text === null) continue;
    out += first ? text : `\n${text}`;
    first = false;
  }
  return out;
}

/** The text of the last user message that has any, or '' when none does. */
export function lastUserText(messages: readonly { role: string; content?: unknown }[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.role !== 'user') continue;
    const text = contentText(m.content);
    if (text !== '') return text;
  }
  return '';
}
