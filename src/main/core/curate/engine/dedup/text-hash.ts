// Hashes text for exact-duplicate detection, ignoring case and runs of whitespace.
// Imports: ./shingles.ts.

import { mix32 } from './shingles.ts';

/**
 * Two FNV-1a-style 32-bit hashes with different multipliers, run side by side (each step waits only on its own
 * chain, so the two cost little more than one), finalised and folded into 53 bits so the key is an exact
 * JavaScript number; at 100k rows the chance of any collision is about 1 in 10^6.
 */
export function normalisedTextHash(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  let pendingSpace = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0) {
      // Spaces, tabs, newlines and other control characters separate words; only their presence counts.
      pendingSpace = started;
      continue;
    }
    if (c >= 65 && c <= 90) c |= 32;
    else if (c > 127) c = text[i]!.toLowerCase().charCodeAt(0);
    if (pendingSpace) {
      a = Math.imul(a ^ 32, 0x01000193);
      b = Math.imul(b ^ 32, 0x5bd1e995);
      pendingSpace = false;
    }
    started = true;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return mix32(a) * 0x200000 + (mix32(b) >>> 11);
}
