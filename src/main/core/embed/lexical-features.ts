// Turns one text into hashed lexical features: word 1-2-grams and character 3-5-grams of each word.
// Imports: ./hash.ts only. Typed-array reads use `!`: indices stay in range by construction.

import { fmix32 as fmix, mixBlock as mix } from '../platform/murmur.ts';
import { SEED_CHAR, SEED_PAIR, SEED_WORD } from './hash.ts';

/** Longest text (in UTF-16 units) that is featurised; longer texts keep their head and tail halves. */
export const DEFAULT_MAX_CHARS = 2000;
/** Char n-grams are taken from at most this many characters of a word (long tokens are URLs, blobs, CJK runs). */
const MAX_WORD_FOR_CHARS = 40;

/** Reusable scratch space: one per thread, so featurising allocates nothing per document. */
export interface FeatureBuffer {
  words: Uint32Array;
  wordCounts: Uint32Array;
  wordLen: number;
  chars: Uint32Array;
  charCounts: Uint32Array;
  charLen: number;
  codes: Uint16Array;
}

export function createFeatureBuffer(): FeatureBuffer {
  return {
    words: new Uint32Array(256),
    wordCounts: new Uint32Array(256),
    wordLen: 0,
    chars: new Uint32Array(2048),
    charCounts: new Uint32Array(2048),
    charLen: 0,
    codes: new Uint16Array(MAX_WORD_FOR_CHARS + 2),
  };
}

/** Keeps the head and tail of long texts: a shared system prompt at the head must not crowd out the rest. */
export function clipText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const half = maxChars >> 1;
  return `${text.slice(0, half)} ${text.slice(text.length - half)}`;
}

/**
 * A word character: ASCII letters and digits, and anything from Latin-1 letters up except the
 * punctuation/symbol blocks and surrogates (emoji), so accented and non-Latin words stay whole.
 */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c < 0xc0) return false;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c >= 0xfe30 && c <= 0xfe4f) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false;
  return true;
}

/** Digits all read as 0, so "£20" and "£500" share features: amounts and ids are rarely what an intent is. */
function normCode(c: number): number {
  return c >= 48 && c <= 57 ? 48 : c;
}

function grow(a: Uint32Array, need: number): Uint32Array {
  if (need <= a.length) return a;
  const b = new Uint32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Fills `buf` with the text's unique feature hashes and their counts (words + pairs in `words`,
 * char n-grams in `chars`). Text is lower-cased and clipped to `maxChars`.
 */
export function extractFeatures(text: string, buf: FeatureBuffer, maxChars = DEFAULT_MAX_CHARS): void {
  const t = clipText(text, maxChars).toLowerCase();
  const n = t.length;
  // Upper bounds: each char starts at most one word, each word adds a pair, each padded char adds 3 n-grams.
  buf.words = grow(buf.words, 2 * n + 2);
  buf.chars = grow(buf.chars, 3 * (n + 2 * (n + 1)) + 8);
  const words = buf.words;
  const chars = buf.chars;
  const codes = buf.codes;
  let wl = 0;
  let cl = 0;
  let prev = -1;
  let i = 0;
  while (i < n) {
    if (!isWordCode(t.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let h = SEED_WORD;
    while (j < n) {
      const c = t.charCodeAt(j);
      if (!isWordCode(c)) break;
      h = mix(h, normCode(c));
      j++;
    }
    const len = j - i;
    const wh = fmix(h ^ len);
    words[wl++] = wh;
    if (prev >= 0) words[wl++] = fmix(mix(mix(SEED_PAIR, prev), wh));
    prev = wh;
    // Char n-grams of " word " (padded like sklearn's char_wb), from at most MAX_WORD_FOR_CHARS chars.
    const L = Math.min(len, MAX_WORD_FOR_CHARS);
    codes[0] = 32;
    for (let k = 0; k < L; k++) codes[k + 1] = normCode(t.charCodeAt(i + k));
    codes[L + 1] = 32;
    const P = L + 2;
    for (let p = 0; p + 3 <= P; p++) {
      let g = mix(mix(SEED_CHAR, codes[p]!), codes[p + 1]!);
      const top = Math.min(5, P - p);
      for (let m = 2; m < top; m++) {
        g = mix(g, codes[p + m]!);
        chars[cl++] = fmix(g ^ (m + 1));
      }
    }
    i = j;
  }
  buf.wordLen = wl;
  buf.charLen = cl;
  buf.wordCounts = grow(buf.wordCounts, wl);
  buf.charCounts = grow(buf.charCounts, cl);
  buf.wordLen = uniqueCounts(words, buf.wordCounts, wl);
  buf.charLen = uniqueCounts(chars, buf.charCounts, cl);
}

/** Sorts the first `len` hashes and collapses repeats in place; returns the number of unique hashes. */
function uniqueCounts(hashes: Uint32Array, counts: Uint32Array, len: number): number {
  if (len === 0) return 0;
  hashes.subarray(0, len).sort();
  let u = 0;
  let cur = hashes[0]!;
  let c = 1;
  for (let k = 1; k < len; k++) {
    const h = hashes[k]!;
    if (h === cur) {
      c++;
    } else {
      hashes[u] = cur;
      counts[u] = c;
      u++;
      cur = h;
      c = 1;
    }
  }
  hashes[u] = cur;
  counts[u] = c;
  return u + 1;
}
