// Finds IBANs: a country code, two check digits and the country's fixed number of characters (spaces allowed
// every four), confirmed by the mod-97 checksum. Imports: ./luhn.ts, ./pii-span.ts.

import { ibanChecksumValid } from './luhn.ts';
import { span, type PiiSpan } from './pii-span.ts';

/** IBAN length by country (SWIFT IBAN registry). */
const LENGTH: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27,
  MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33,
  SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

const START = /(?<![A-Za-z0-9])([A-Za-z]{2})(\d{2})/g;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function findIbans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(START)) {
    const want = LENGTH[m[1]!.toUpperCase()];
    if (!want) continue;
    // Read exactly the country's length, allowing one space between characters.
    let compact = m[1]!.toUpperCase() + m[2]!;
    let i = m.index + 4;
    while (compact.length < want && i < text.length) {
      const c = text.charCodeAt(i);
      if (isAlnum(c)) {
        compact += text[i]!.toUpperCase();
        i++;
      } else if (c === 32 && i + 1 < text.length && isAlnum(text.charCodeAt(i + 1))) i++;
      else break;
    }
    if (compact.length !== want || (i < text.length && isAlnum(text.charCodeAt(i)))) continue;
    if (ibanChecksumValid(compact)) out.push(span(text, m.index, i, 'IBAN'));
  }
  return out;
}
