// Finds payment card numbers: 12 to 19 digits, optionally grouped by spaces or dashes, that pass the Luhn
// check and start like a card scheme's numbers. Imports: ./luhn.ts, ./pii-span.ts.

import { luhnValid } from './luhn.ts';
import { span, type PiiSpan } from './pii-span.ts';

const CANDIDATE = /(?<![\w.+-])\d(?:[ -]?\d){11,18}(?![\d-]|\.\d)/g;

/**
 * Issuer prefixes: Visa 4, Mastercard 51-55 and 2221-2720, Amex 34/37, Diners 30/36/38/39, JCB 35 and the older
 * 1800/2131, Discover and UnionPay 6, Maestro 50/56-69, Mir 2200-2204. A Luhn-valid order number that starts
 * with 0, 7, 8 or 9 is not a card.
 */
function plausibleIssuer(d: string): boolean {
  const c = d[0];
  if (c === '3' || c === '4' || c === '5' || c === '6') return true;
  if (c === '1') return d.startsWith('1800');
  if (c === '2') {
    const four = Number(d.slice(0, 4));
    return d.startsWith('2131') || (four >= 2200 && four <= 2204) || (four >= 2221 && four <= 2720);
  }
  return false;
}

export function findCreditCards(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const raw = m[0];
    // Mixed separators ("4111-1111 1111") are a table of numbers, not one card.
    if (raw.includes(' ') && raw.includes('-')) continue;
    const digits = raw.replace(/[ -]/g, '');
    if (/^(\d)\1+$/.test(digits) || !plausibleIssuer(digits) || !luhnValid(digits)) continue;
    out.push(span(text, m.index, m.index + raw.length, 'CREDIT_CARD'));
  }
  return out;
}
