// Owns: the normalised prompt text that the leakage rules compare (exact-after-normalising and near-duplicate).
// Imports: node:buffer, platform message text, engine types.

import { Buffer } from 'node:buffer';
import { contentText } from '../../platform/message-text.ts';
import type { ChatMessage } from './types.ts';

/**
 * Roles whose text makes up the prompt a person sees. System and developer messages are left out: they are
 * usually one shared template, so counting them would make every prompt of a task look alike.
 */
const PROMPT_ROLES = new Set(['user', 'assistant', 'tool']);

/** The prompt's user-visible text: user, assistant and tool message texts in order, one per line. */
export function promptText(messages: readonly ChatMessage[]): string {
  const texts: string[] = [];
  for (const m of messages) {
    if (!PROMPT_ROLES.has(m.role)) continue;
    const text = contentText(m.content);
    if (text !== '') texts.push(text);
  }
  return texts.join('\n');
}

// Format characters (zero-width space, joiners, BOM) vanish; punctuation, symbols, controls and whitespace
// become one space, so "a,b" stays two words while "a\u200bb" stays one.
const FORMAT_CHARS = /\p{Cf}+/gu;
const SEPARATORS = /[\p{P}\p{S}\p{Cc}\s]+/gu;

/**
 * NFKC, case folding (upper then lower case: the closest JS gets to full folding, so "ß" and "SS" meet),
 * punctuation and symbols to spaces, whitespace collapsed, trimmed. ASCII text takes a loop that gives the same
 * answer several times faster than the regular expressions (a million prompts go through here).
 */
export function normalizeText(text: string): string {
  const ascii = normalizeAscii(text);
  if (ascii !== null) return ascii;
  const folded = text.normalize('NFKC').replace(FORMAT_CHARS, '').toUpperCase().toLowerCase();
  return folded.replace(SEPARATORS, ' ').trim();
}

/** The normalised prompt of a row's messages; '' when it has no text (such prompts never match anything). */
export function normalizedPrompt(messages: readonly ChatMessage[]): string {
  return normalizeText(promptText(messages));
}

let scratch = Buffer.allocUnsafe(4096);

/** In ASCII every character but a letter or digit is punctuation, a symbol, a control or whitespace. Null if not ASCII. */
function normalizeAscii(text: string): string | null {
  if (scratch.length < text.length) scratch = Buffer.allocUnsafe(text.length * 2);
  const out = scratch;
  let length = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c > 0x7f) return null;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (gap && length > 0) out[length++] = 0x20;
      gap = false;
      out[length++] = c;
    } else gap = true;
  }
  return out.toString('latin1', 0, length);
}
