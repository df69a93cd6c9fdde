// The plain baseline of the benchmark: word TF-IDF as scikit-learn's TfidfVectorizer() defaults build it
// (lower-case, tokens of 2+ word characters, smooth IDF, raw counts, L2 norm) and Lloyd k-means with
// k-means++ seeding and k = the true number of labels. Imports: the engine's seeded RNG only.

import { createRng } from '../../src/main/core/platform/random.ts';

export interface SparseMatrix {
  n: number;
  vocab: number;
  rowPtr: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
}

const TOKEN = /[\p{L}\p{N}_]{2,}/gu;

export function tfidf(texts: readonly string[]): SparseMatrix {
  const vocab = new Map<string, number>();
  const docs: Map<number, number>[] = [];
  for (const t of texts) {
    const counts = new Map<number, number>();
    for (const tok of t.toLowerCase().match(TOKEN) ?? []) {
      let id = vocab.get(tok);
      if (id === undefined) vocab.set(tok, (id = vocab.size));
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    docs.push(counts);
  }
  const df = new Float64Array(vocab.size);
  for (const d of docs) for (const id of d.keys()) df[id]!++;
  const n = texts.length;
  const idf = Float64Array.from(df, (x) => Math.log((1 + n) / (1 + x)) + 1);
  const rowPtr = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  docs.forEach((d, i) => {
    let sq = 0;
    const entries = [...d.entries()].sort((a, b) => a[0] - b[0]).map(([id, c]) => {
      const w = c * idf[id]!;
      sq += w * w;
      return [id, w] as const;
    });
    const inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    for (const [id, w] of entries) {
      cols.push(id);
      vals.push(w * inv);
    }
    rowPtr[i + 1] = cols.length;
  });
  return { n, vocab: vocab.size, rowPtr, cols: Int32Array.from(cols), vals: Float64Array.from(vals) };
}

/** Euclidean k-means on sparse L2-normalised rows: best inertia of `inits` k-means++ starts. */
export function sparseKMeans(X: SparseMatrix, k: number, seed: number, inits = 3, maxIter = 300): { labels: Int32Array; inertia: number } {
  let best: { labels: Int32Array; inertia: number } | null = null;
  for (let r = 0; r < inits; r++) {
    const run = lloyd(X, k, createRng(seed + 7919 * r), maxIter);
    if (!best || run.inertia < best.inertia) best = run;
  }
  return best!;
}

function dotRow(X: SparseMatrix, i: number, C: Float64Array, c: number): number {
  let s = 0;
  const base = c * X.vocab;
  for (let p = X.rowPtr[i]!; p < X.rowPtr[i + 1]!; p++) s += X.vals[p]! * C[base + X.cols[p]!]!;
  return s;
}

function lloyd(X: SparseMatrix, k: number, rng: () => number, maxIter: number): { labels: Int32Array; inertia: number } {
  const { n, vocab } = X;
  const C = new Float64Array(k * vocab);
  const cn = new Float64Array(k);
  const rowNorm = (i: number): number => {
    let s = 0;
    for (let p = X.rowPtr[i]!; p < X.rowPtr[i + 1]!; p++) s += X.vals[p]! ** 2;
    return s;
  };
  const setCentre = (c: number, i: number): void => {
    C.fill(0, c * vocab, (c + 1) * vocab);
    for (let p = X.rowPtr[i]!; p < X.rowPtr[i + 1]!; p++) C[c * vocab + X.cols[p]!] = X.vals[p]!;
    cn[c] = rowNorm(i);
  };
  // k-means++ seeding.
  const d2 = new Float64Array(n).fill(Infinity);
  setCentre(0, Math.floor(rng() * n));
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dist = Math.max(0, rowNorm(i) - 2 * dotRow(X, i, C, c - 1) + cn[c - 1]!);
      if (dist < d2[i]!) d2[i] = dist;
      total += d2[i]!;
    }
    let r = rng() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= d2[i]!;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    setCentre(c, pick);
  }
  const labels = new Int32Array(n).fill(-1);
  let inertia = 0;
  for (let it = 0; it < maxIter; it++) {
    let changed = 0;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      const xn = rowNorm(i);
      let bc = 0;
      let bd = Infinity;
      for (let c = 0; c < k; c++) {
        const dist = xn - 2 * dotRow(X, i, C, c) + cn[c]!;
        if (dist < bd) {
          bd = dist;
          bc = c;
        }
      }
      if (labels[i] !== bc) changed++;
      labels[i] = bc;
      inertia += Math.max(0, bd);
    }
    if (changed === 0) break;
    C.fill(0);
    const size = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const c = labels[i]!;
      size[c]!++;
      for (let p = X.rowPtr[i]!; p < X.rowPtr[i + 1]!; p++) {
        const at = c * vocab + X.cols[p]!;
        C[at] = C[at]! + X.vals[p]!;
      }
    }
    for (let c = 0; c < k; c++) {
      if (size[c] === 0) {
        setCentre(c, Math.floor(rng() * n));
        continue;
      }
      let s = 0;
      for (let t = 0; t < vocab; t++) {
        const v = C[c * vocab + t]! / size[c]!;
        C[c * vocab + t] = v;
        s += v * v;
      }
      cn[c] = s;
    }
  }
  return { labels, inertia };
}
