// Finds phone numbers with libphonenumber-js (full metadata, so numbers are checked against each country's
// number plan, not only their length). Imports: libphonenumber-js/max, ./pii-span.ts.

import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import { span, type PiiSpan } from './pii-span.ts';

/**
 * Stretches that could hold a number: seven digits or more with the separators numbers are written with, an
 * optional + or ( before and an extension after. The library reads only these windows, not the whole text.
 */
const CANDIDATE = /[+(]?\d(?:[\s().\-/]{0,3}\d){6,}(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?/g;
/** Words that announce a number; only after one are national numbers of other countries read. */
const CONTEXT = /\b(?:phone|telephone|tel|mobile|mobil|cell|cellphone|fax|call|ring|contact|whatsapp|sms|text me|reach me|telefon|téléphone|teléfono|telefone|puhelin)\b/gi;
const CONTEXT_REACH = 60;
const WINDOW_MARGIN = 12;
/** National formats tried after a context word, besides the default country. */
const OTHER_COUNTRIES: readonly CountryCode[] = ['GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'CH', 'AT', 'SE', 'NO', 'DK', 'FI', 'IE', 'PT', 'PL', 'AU', 'NZ', 'IN', 'BR', 'MX', 'JP'];

function findIn(text: string, from: number, to: number, country: CountryCode, out: PiiSpan[]): void {
  const window = text.slice(from, to);
  for (const m of findPhoneNumbersInText(window, country)) {
    const start = from + m.startsAt;
    const end = from + m.endsAt;
    if (!out.some((s) => s.start < end && start < s.end)) out.push(span(text, start, end, 'PHONE'));
  }
}

/**
 * Numbers written with a country code (+44 ...) are found anywhere; numbers without one are read as numbers of
 * `defaultCountry`, and as other countries' numbers only shortly after a word like "phone" or "call", because
 * any digit run is some country's valid number. NANP's fictional 555-0100..0199 numbers count as phones:
 * libphonenumber-js 1.13 accepts them and a reviewer cannot tell them from real ones, so redaction stays uniform.
 */
export function findPhones(text: string, defaultCountry: CountryCode = 'US'): PiiSpan[] {
  const out: PiiSpan[] = [];
  let contexts: number[] | null = null;
  for (const m of text.matchAll(CANDIDATE)) {
    // Context either side lets the library apply its own checks: a word boundary, a time after a date.
    const from = Math.max(0, m.index - WINDOW_MARGIN);
    const to = Math.min(text.length, m.index + m[0].length + WINDOW_MARGIN);
    const before = out.length;
    findIn(text, from, to, defaultCountry, out);
    if (out.length > before) continue;
    contexts ??= [...text.matchAll(CONTEXT)].map((c) => c.index + c[0].length);
    if (!contexts.some((c) => m.index >= c && m.index - c <= CONTEXT_REACH)) continue;
    for (const country of OTHER_COUNTRIES) {
      if (country === defaultCountry) continue;
      findIn(text, from, to, country, out);
      if (out.length > before) break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
