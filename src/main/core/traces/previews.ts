// Short plain-text previews of a row's prompt and response, for tables and text search: the start of the
// row's text (row-text.ts), so what a list shows is what was clustered. Imports: row-text, parse types, contract types.
import type { TextMode } from '../../../shared/contract/index.ts';
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

/**
 * A row's prompt as a list shows it, cut short: the last user turn by default (what traces store and search),
 * or the text of the mode a clustering run used, so its members read as what was clustered.
 */
export function promptPreview(messages: readonly ChatMessage[], promptEnd: number, mode: TextMode = 'last-user'): string {
  return truncate(rowText(messages.slice(0, promptEnd), mode));
}

/** A row's response as a list shows it. */
export function responsePreview(response: ChatMessage | null | undefined): string {
  return truncate(messageText(response));
}
