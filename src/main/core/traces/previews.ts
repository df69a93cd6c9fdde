// Short plain-text previews of a row's prompt and response, for tables and text search: the start of the
// row's text (row-text.ts), so what a list shows is what was clustered. Imports: row-text, parse types.
import type { ChatMessage } from './parse/types.ts';
import { messageText, rowText } from './row-text.ts';

const PREVIEW_CHARS = 400;

/** The start of `text` with runs of whitespace made one space, and an ellipsis when cut. */
export function truncate(text: string, max = PREVIEW_CHARS): string {
  // Collapsing whitespace never lengthens text, so only a head that can fill the preview needs the work.
  const trimmed = text.trimStart();
  const head = trimmed.slice(0, 4 * max);
  // Most text has single spaces only; testing for anything else is cheaper than replacing nothing.
  const flat = (/\s\s|[^\S ]/.test(head) ? head.replace(/\s+/g, ' ') : head).trimEnd();
  if (flat.length <= max && head.length === trimmed.length) return flat;
  return `${flat.slice(0, max - 1)}…`;
}

/** A row's prompt as a list shows it: its default row text (the last user turn), cut short. */
export function promptPreview(messages: readonly ChatMessage[], promptEnd: number): string {
  return truncate(rowText(messages.slice(0, promptEnd), 'last-user'));
}

/** A row's response as a list shows it. */
export function responsePreview(response: ChatMessage | null | undefined): string {
  return truncate(messageText(response));
}
