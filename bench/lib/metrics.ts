// External clustering metrics: adjusted Rand index and normalised mutual information (arithmetic mean,
// as scikit-learn's defaults), plus the outlier conventions the benchmark reports. Imports: nothing.

/** Maps arbitrary labels to dense ids 0..k-1. */
export function denseIds(labels: ArrayLike<string | number>): { ids: Int32Array; k: number } {
  const map = new Map<string | number, number>();
  const ids = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    let id = map.get(l);
    if (id === undefined) {
      id = map.size;
      map.set(l, id);
    }
    ids[i] = id;
  }
  return { ids, k: map.size };
}

function contingency(a: ArrayLike<string | number>, b: ArrayLike<string | number>): { table: Map<number, number>; ra: Float64Array; cb: Float64Array; n: number } {
  const A = denseIds(a);
  const B = denseIds(b);
  const table = new Map<number, number>();
  const ra = new Float64Array(A.k);
  const cb = new Float64Array(B.k);
  for (let i = 0; i < A.ids.length; i++) {
    const x = A.ids[i]!;
    const y = B.ids[i]!;
    const key = x * B.k + y;
    table.set(key, (table.get(key) ?? 0) + 1);
    ra[x]!++;
    cb[y]!++;
  }
  return { table, ra, cb, n: A.ids.length };
}

const comb2 = (x: number): number => (x * (x - 1)) / 2;

export function adjustedRandIndex(truth: ArrayLike<string | number>, pred: ArrayLike<string | number>): number {
  const { table, ra, cb, n } = contingency(truth, pred);
  let sumIJ = 0;
  for (const v of table.values()) sumIJ += comb2(v);
  let sumA = 0;
  for (const v of ra) sumA += comb2(v);
  let sumB = 0;
  for (const v of cb) sumB += comb2(v);
  const expected = (sumA * sumB) / comb2(n);
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1;
  return (sumIJ - expected) / (max - expected);
}

export function normalizedMutualInfo(truth: ArrayLike<string | number>, pred: ArrayLike<string | number>): number {
  const { table, ra, cb, n } = contingency(truth, pred);
  const kb = cb.length;
  let mi = 0;
  for (const [key, v] of table) {
    const x = Math.floor(key / kb);
    const y = key % kb;
    mi += (v / n) * Math.log((v * n) / (ra[x]! * cb[y]!));
  }
  const h = (c: Float64Array): number => {
    let s = 0;
    for (const v of c) if (v > 0) s -= (v / n) * Math.log(v / n);
    return s;
  };
  const ha = h(ra);
  const hb = h(cb);
  if (ha === 0 && hb === 0) return 1;
  const denom = (ha + hb) / 2;
  return denom === 0 ? 0 : Math.max(0, mi / denom);
}

/** Outliers (-1) become singletons: each its own cluster, so they form no pairs at all. */
export function outliersAsSingletons(labels: Int32Array): Int32Array {
  const out = new Int32Array(labels.length);
  let next = 0;
  for (const l of labels) next = Math.max(next, l + 1);
  for (let i = 0; i < labels.length; i++) out[i] = labels[i]! >= 0 ? labels[i]! : next++;
  return out;
}
