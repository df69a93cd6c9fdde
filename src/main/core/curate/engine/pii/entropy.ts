// Shannon entropy of a string, in bits per character. Imports: nothing.

const counts = new Uint16Array(65536);

export function shannonEntropy(s: string): number {
  if (!s.length) return 0;
  let h = 0;
  for (let i = 0; i < s.length; i++) counts[s.charCodeAt(i)]!++;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const n = counts[c]!;
    if (n === 0) continue;
    const p = n / s.length;
    h -= p * Math.log2(p);
    counts[c] = 0;
  }
  return h;
}
