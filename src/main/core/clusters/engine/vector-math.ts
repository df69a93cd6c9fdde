// Small dense-vector helpers shared by the clustering modules.
// Imports: nothing. Typed-array reads use `!`: indices stay in range by construction.

/** L2-normalises `d` values in place at `offset`; a zero vector stays zero. */
export function normalizeAt(v: Float32Array | Float64Array, offset: number, d: number): void {
  let s = 0;
  for (let t = 0; t < d; t++) s += v[offset + t]! * v[offset + t]!;
  if (s === 0) return;
  const inv = 1 / Math.sqrt(s);
  for (let t = 0; t < d; t++) v[offset + t] = v[offset + t]! * inv;
}

/** Normalised mean of each label's rows (labels < 0 ignored): k × d, row-major. */
export function centroidsOf(vectors: Float32Array, d: number, labels: Int32Array, k: number): { centroids: Float32Array; sizes: Int32Array } {
  const sums = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    if (c < 0) continue;
    sizes[c]!++;
    const o = i * d;
    const co = c * d;
    for (let t = 0; t < d; t++) sums[co + t] = sums[co + t]! + vectors[o + t]!;
  }
  for (let c = 0; c < k; c++) normalizeAt(sums, c * d, d);
  return { centroids: Float32Array.from(sums), sizes };
}

/**
 * The rows as unit vectors: the same array when they already are (the embedders' contract), else a
 * normalised copy, so inner products are cosines whatever the caller passed.
 */
export function unitRows(vectors: Float32Array, n: number, d: number): Float32Array {
  for (let i = 0; i < n; i++) {
    let s = 0;
    const o = i * d;
    for (let t = 0; t < d; t++) s += vectors[o + t]! * vectors[o + t]!;
    if (Math.abs(s - 1) > 1e-3 && s > 0) {
      const copy = vectors.slice(0, n * d);
      for (let r = i; r < n; r++) normalizeAt(copy, r * d, d);
      return copy;
    }
  }
  return vectors;
}
