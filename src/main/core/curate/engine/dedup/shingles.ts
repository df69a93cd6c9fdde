// Turns text into hashed word-bigram shingles without allocating words: case-folded, punctuation dropped, and
// each CJK character read as a word (those scripts do not separate words with spaces). The same pass hashes the
// word sequence, so exact copies are found without reading the text again. Imports: nothing.

function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
}

/** Non-ASCII characters are word characters except spaces and general, CJK and full-width punctuation. */
function isWideWordChar(c: number): boolean {
  return !(c === 0xa0 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f));
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

const FNV_OFFSET = 0x811c9dc5;

export interface ShingleScan {
  /** Shingle hashes in buffer[0 .. count); the buffer is the one passed in, or a bigger copy. */
  buffer: Uint32Array<ArrayBuffer>;
  count: number;
  /** Hash of the word sequence: equal for texts with the same words in the same order, whatever their case,
   * spacing or punctuation. */
  sequence: number;
}

class Scanner {
  buf: Uint32Array<ArrayBuffer>;
  n = 0;
  prev = 0;
  words = 0;
  seq = 0x9747b28c;

  constructor(buf: Uint32Array<ArrayBuffer>) {
    this.buf = buf;
  }

  word(w: number): void {
    if (this.words > 0) {
      if (this.n === this.buf.length) {
        const bigger = new Uint32Array(this.buf.length * 2);
        bigger.set(this.buf);
        this.buf = bigger;
      }
      this.buf[this.n++] = mix32(Math.imul(this.prev, 0x9e3779b1) ^ w);
    }
    this.seq = Math.imul(this.seq ^ w, 0x5bd1e995) + 0x6b43a9b5;
    this.prev = w;
    this.words++;
  }
}

export function wordBigramShingles(text: string, out: Uint32Array<ArrayBuffer>): ShingleScan {
  const s = new Scanner(out);
  let h = FNV_OFFSET;
  let inWord = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    let c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        h = Math.imul(h ^ c, 0x01000193);
        inWord = true;
      } else if (c >= 65 && c <= 90) {
        h = Math.imul(h ^ (c | 32), 0x01000193);
        inWord = true;
      } else if (inWord) {
        s.word(h >>> 0);
        inWord = false;
        h = FNV_OFFSET;
      }
    } else if (isCjk(c)) {
      if (inWord) s.word(h >>> 0);
      s.word(mix32(c));
      inWord = false;
      h = FNV_OFFSET;
    } else if (isWideWordChar(c)) {
      c = text[i]!.toLowerCase().charCodeAt(0);
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      s.word(h >>> 0);
      inWord = false;
      h = FNV_OFFSET;
    }
  }
  if (inWord) s.word(h >>> 0);
  // One word: its own shingle, so "Yes" and "No" still differ.
  if (s.words === 1) s.buf[s.n++] = mix32(s.prev ^ 0x5f3759df);
  return { buffer: s.buf, count: s.n, sequence: mix32(s.seq ^ s.words) };
}
