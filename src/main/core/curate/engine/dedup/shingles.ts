// Turns text into hashed word-bigram shingles without allocating words: case-folded, punctuation dropped, and
// each CJK character read as a word (those scripts do not separate words with spaces). Imports: nothing.

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  // General and CJK punctuation, and the no-break space, separate words like spaces do.
  return !(c === 0xa0 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f));
}

function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
}

/** A 32-bit finaliser (murmur3's) so bins and minima see well-spread values. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Writes the shingle hashes of `text` into `out` (grown when full) and returns [buffer, count].
 * A text of one word yields one shingle; an empty text yields none.
 */
export function wordBigramShingles(text: string, out: Uint32Array<ArrayBuffer>): [Uint32Array<ArrayBuffer>, number] {
  const lower = text.toLowerCase();
  let buf = out;
  let n = 0;
  let prev = 0;
  let words = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  const emit = (word: number): void => {
    if (words > 0) {
      if (n === buf.length) {
        const bigger = new Uint32Array(buf.length * 2);
        bigger.set(buf);
        buf = bigger;
      }
      buf[n++] = mix32(Math.imul(prev, 0x9e3779b1) ^ word);
    }
    prev = word;
    words++;
  };
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 128 && isCjk(c)) {
      if (inWord) emit(h >>> 0);
      emit(mix32(c));
      inWord = false;
      h = 0x811c9dc5;
    } else if (isWordChar(c)) {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      emit(h >>> 0);
      inWord = false;
      h = 0x811c9dc5;
    }
  }
  if (inWord) emit(h >>> 0);
  // One word: its own shingle, so "Yes" and "No" still differ.
  if (words === 1) buf[n++] = mix32(prev ^ 0x5f3759df);
  return [buf, n];
}
