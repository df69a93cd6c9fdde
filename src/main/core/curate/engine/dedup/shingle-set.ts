// Exact Jaccard similarity of two texts' shingle sets, used to confirm the candidates MinHash proposes (its
// estimate is noisy for short texts: a 20-word prompt leaves most bins empty). Imports: ./shingles.ts.

import { wordBigramShingles } from './shingles.ts';

let scratch = new Uint32Array(1024);

/** The text's distinct shingle hashes, sorted. */
export function shingleSet(text: string): Uint32Array {
  const scan = wordBigramShingles(text, scratch);
  scratch = scan.buffer;
  const sorted = scratch.slice(0, scan.count).sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
  return sorted.subarray(0, m);
}

export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}
