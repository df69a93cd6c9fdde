// Hashes text for exact-duplicate detection, ignoring case and runs of whitespace.
// Imports: nothing.

/**
 * Two independent 32-bit hashes (FNV-1a and a multiply-xorshift) folded into 53 bits, so the key is an exact
 * JavaScript number; at 100k rows the chance of any collision is about 1 in 10^6.
 */
export function normalisedTextHash(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  let pendingSpace = false;
  let started = false;
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0) {
      pendingSpace = started;
      continue;
    }
    if (pendingSpace) {
      a = Math.imul(a ^ 32, 0x01000193);
      b = Math.imul(b ^ 32, 0x5bd1e995);
      b ^= b >>> 15;
      pendingSpace = false;
    }
    started = true;
    a = Math.imul(a ^ c, 0x01000193);
    c = Math.imul(c, 0xcc9e2d51);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11);
}
