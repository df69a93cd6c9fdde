// Owns: strict UTF-8 decoding of one record, naming where the first bad byte sits when it fails.
// Imports: node:buffer.

import { isUtf8 } from 'node:buffer';

/**
 * The text, or the byte offset (within `bytes`) of the first invalid sequence. Same verdict as a
 * TextDecoder with fatal: true, but the SIMD isUtf8 check keeps the common valid path fast.
 */
export function decodeUtf8(bytes: Buffer): { ok: true; text: string } | { ok: false; offset: number } {
  if (isUtf8(bytes)) return { ok: true, text: bytes.toString('utf8') };
  return { ok: false, offset: firstInvalidUtf8(bytes) };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0; // overlong
      if (b === 0xed) max = 0x9f; // UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90; // overlong
      if (b === 0xf4) max = 0x8f; // above U+10FFFF
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += need + 1;
  }
  return n;
}
