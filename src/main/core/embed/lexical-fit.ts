// Fits the built-in lexical embedder on a corpus sample: document frequencies, then PCA of the sketches.
// Imports: sibling embed modules only. Runs synchronously; callers put it in a worker (see builtin-embedder.ts).

import { createFeatureBuffer, extractFeatures } from './lexical-features.ts';
import { DEFAULT_LEXICAL_OPTIONS, type LexicalModel, type LexicalOptions } from './lexical-model.ts';
import { clearSketch, createVectorizer, idfTable, sketchFeatures } from './lexical-vectorize.ts';
import { fitPca } from './pca.ts';
import { sampleIndices } from '../platform/random.ts';

export interface LexicalFitOptions {
  options?: Partial<LexicalOptions>;
  /** Documents sampled for document frequencies and PCA (LIBRARIES.md: 10k is enough). */
  sampleSize?: number;
  /** Cap on the PCA covariance work (sum of squared non-zeros per row / 2): long texts use fewer rows. */
  pcaBudget?: number;
  pcaIterations?: number;
  seed?: number;
  /** Called with a fraction in [0, 1]. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export const DEFAULT_FIT_SAMPLE = 10_000;
/**
 * Short texts (~170 sketch slots) fit all 10k sample rows well inside this; long ones (~700 slots) use
 * ~4k rows. On 530-char banking77 mixtures kNN label agreement was 0.565 / 0.600 / 0.608 at budgets
 * 2e8 / 1e9 / 4e9 for fits of 1.5 / 3.5 / 4.4 s.
 */
const DEFAULT_PCA_BUDGET = 1e9;
/** Features kept from the frequency pass for the sketch pass (8 bytes each); beyond it, texts are re-read. */
const FEATURE_MEMORY = 8_000_000;

/** Growable store of each sampled document's unique features, so the sketch pass need not re-tokenise. */
interface FeatureStore {
  hashes: Uint32Array;
  counts: Uint32Array;
  /** Per document: start of words, start of chars, end. */
  spans: Int32Array;
  used: number;
  /** Documents stored: always a prefix of the sample, because storing stops for good once memory is full. */
  docs: number;
  full: boolean;
}

function storeDoc(st: FeatureStore, doc: number, words: Uint32Array, wc: Uint32Array, wl: number, chars: Uint32Array, cc: Uint32Array, cl: number): void {
  if (st.full || st.used + wl + cl > FEATURE_MEMORY) {
    st.full = true;
    return;
  }
  const need = st.used + wl + cl;
  if (need > st.hashes.length) {
    const size = Math.min(FEATURE_MEMORY, Math.max(need, st.hashes.length * 2));
    const h = new Uint32Array(size);
    h.set(st.hashes.subarray(0, st.used));
    st.hashes = h;
    const c = new Uint32Array(size);
    c.set(st.counts.subarray(0, st.used));
    st.counts = c;
  }
  st.spans[3 * doc] = st.used;
  st.hashes.set(words.subarray(0, wl), st.used);
  st.counts.set(wc.subarray(0, wl), st.used);
  st.used += wl;
  st.spans[3 * doc + 1] = st.used;
  st.hashes.set(chars.subarray(0, cl), st.used);
  st.counts.set(cc.subarray(0, cl), st.used);
  st.used += cl;
  st.spans[3 * doc + 2] = st.used;
  st.docs = doc + 1;
}

export function fitLexicalModel(texts: readonly string[], fit: LexicalFitOptions = {}): LexicalModel {
  const options: LexicalOptions = { ...DEFAULT_LEXICAL_OPTIONS, ...fit.options };
  if (options.dims > options.sketchDims) throw new Error('lexical embedder: dims must not exceed sketchDims');
  const sample = sampleIndices(texts.length, fit.sampleSize ?? DEFAULT_FIT_SAMPLE, fit.seed ?? 7);
  const m = sample.length;
  const report = fit.onProgress ?? ((): void => undefined);

  // 1. Document frequencies over hashed slots.
  const df = new Uint32Array(1 << options.dfBits);
  const mask = df.length - 1;
  const buf = createFeatureBuffer();
  const store: FeatureStore = { hashes: new Uint32Array(1 << 16), counts: new Uint32Array(1 << 16), spans: new Int32Array(3 * m), used: 0, docs: 0, full: false };
  for (let s = 0; s < m; s++) {
    if ((s & 1023) === 0) {
      fit.signal?.throwIfAborted();
      report((0.4 * s) / m);
    }
    extractFeatures(texts[sample[s]!]!, buf, options.maxChars);
    for (let k = 0; k < buf.wordLen; k++) df[buf.words[k]! & mask]!++;
    for (let k = 0; k < buf.charLen; k++) df[buf.chars[k]! & mask]!++;
    storeDoc(store, s, buf.words, buf.wordCounts, buf.wordLen, buf.chars, buf.charCounts, buf.charLen);
  }

  // 2. Sketches of the sample as sparse rows (ascending columns), within the PCA work budget.
  const v = createVectorizer(options, idfTable(df, m));
  const budget = fit.pcaBudget ?? DEFAULT_PCA_BUDGET;
  const rowPtr = new Int32Array(m + 1);
  let colIdx = new Uint16Array(m * 64);
  let values = new Float32Array(m * 64);
  let nnz = 0;
  let work = 0;
  let rows = 0;
  for (let s = 0; s < m && work < budget; s++) {
    if ((s & 1023) === 0) {
      fit.signal?.throwIfAborted();
      report(0.4 + (0.2 * s) / m);
    }
    let t: number;
    if (s < store.docs) {
      const a = store.spans[3 * s]!;
      const b = store.spans[3 * s + 1]!;
      const c = store.spans[3 * s + 2]!;
      t = sketchFeatures(v, store.hashes.subarray(a, b), store.counts.subarray(a, b), b - a, store.hashes.subarray(b, c), store.counts.subarray(b, c), c - b);
    } else {
      extractFeatures(texts[sample[s]!]!, buf, options.maxChars);
      t = sketchFeatures(v, buf.words, buf.wordCounts, buf.wordLen, buf.chars, buf.charCounts, buf.charLen);
    }
    if (nnz + t > colIdx.length) {
      const size = Math.max(nnz + t, colIdx.length * 2);
      const c2 = new Uint16Array(size);
      c2.set(colIdx);
      colIdx = c2;
      const v2 = new Float32Array(size);
      v2.set(values);
      values = v2;
    }
    const touched = v.touched.subarray(0, t).sort();
    for (let k = 0; k < t; k++) {
      const j = touched[k]!;
      colIdx[nnz] = j;
      values[nnz] = v.sketch[j]!;
      nnz++;
    }
    clearSketch(v, t);
    work += (t * t) / 2;
    rows++;
    rowPtr[rows] = nnz;
  }

  // 3. Principal subspace of the sketches.
  fit.signal?.throwIfAborted();
  report(0.6);
  const pca = fitPca(
    { rows, cols: options.sketchDims, rowPtr: rowPtr.subarray(0, rows + 1), colIdx, values },
    { dims: options.dims, iterations: fit.pcaIterations ?? 1, seed: fit.seed ?? 7 },
  );
  report(1);
  return { options, docCount: m, df, mean: pca.mean, components: pca.components };
}
