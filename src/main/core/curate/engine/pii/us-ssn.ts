// Finds US social security numbers written AAA-GG-SSSS (or with spaces), leaving out numbers the SSA never
// issues: area 000, 666 or 900-999, group 00, serial 0000, and the numbers printed in adverts and samples.
// Imports: ./pii-span.ts.

import { span, type PiiSpan } from './pii-span.ts';

const SSN = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
/** Woolworth's wallet card, the 1990s advert number, and the number in every form-filling example. */
const PUBLISHED = new Set(['078051120', '219099999', '123456789']);

export function findUsSsns(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(SSN)) {
    const [area, group, serial] = [m[1]!, m[3]!, m[4]!];
    if (area === '000' || area === '666' || area[0] === '9' || group === '00' || serial === '0000') continue;
    if (PUBLISHED.has(area + group + serial)) continue;
    out.push(span(text, m.index, m.index + m[0].length, 'US_SSN'));
  }
  return out;
}
