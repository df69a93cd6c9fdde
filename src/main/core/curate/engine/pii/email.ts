// Finds email addresses. Imports: ./pii-span.ts.

import { span, type PiiSpan } from './pii-span.ts';

// Local part without a leading or trailing dot; domain labels then a letters-only top-level domain.
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

/** "logo@2x.png" is an image at double resolution, not an address. */
const FILE_EXTENSION = /\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|tiff?|pdf|css|js|mjs|ts|tsx|jsx|json|html?|xml|txt|md|py|rb|go|rs|java|zip|gz|tar|mp[34]|wav|mov)$/i;

export function findEmails(text: string): PiiSpan[] {
  if (!text.includes('@')) return [];
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(EMAIL)) {
    if (FILE_EXTENSION.test(m[0])) continue;
    out.push(span(text, m.index, m.index + m[0].length, 'EMAIL'));
  }
  return out;
}
