// Sublinear TF-IDF weighting, the signed hashing sketch and the PCA projection of one document.
// Imports: ./lexical-features.ts, ./lexical-model.ts, ./hash.ts. Typed-array reads use `!` (in range by construction).

import { fmix32 as fmix } from '../platform/murmur.ts';
import { createFeatureBuffer, extractFeatures, type FeatureBuffer } from './lexical-features.ts';
import type { LexicalModel, LexicalOptions } from './lexical-model.ts';

/** Per-thread working state for vectorising documents with one fitted model. */
export interface Vectorizer {
  options: LexicalOptions;
  idf: Float32Array;
  buf: FeatureBuffer;
  sketch: Float32Array;
  touched: Uint16Array;
  mark: Uint8Array;
}

/** Smoothed IDF as in scikit-learn: ln((1 + N) / (1 + df)) + 1. Slots never seen get df = 0. */
export function idfTable(df: Uint32Array, docCount: number): Float32Array {
  const idf = new Float32Array(df.length);
  const top = Math.log(1 + docCount);
  for (let i = 0; i < df.length; i++) idf[i] = top - Math.log(1 + df[i]!) + 1;
  return idf;
}

export function createVectorizer(options: LexicalOptions, idf: Float32Array): Vectorizer {
  return {
    options,
    idf,
    buf: createFeatureBuffer(),
    sketch: new Float32Array(options.sketchDims),
    touched: new Uint16Array(options.sketchDims),
    mark: new Uint8Array(options.sketchDims),
  };
}

/** Sketch slot and sign of a feature, from bits independent of the DF-table slot (the low bits). */
function slotOf(h: number): number {
  return fmix(h ^ 0x5bd1e995);
}

/**
 * Adds one block (words or chars) of sublinear TF-IDF weights, L2-normalised to `blockNorm`, into the sketch.
 * Returns the updated count of touched sketch slots.
 */
function addBlock(v: Vectorizer, hashes: Uint32Array, counts: Uint32Array, len: number, blockNorm: number, nTouched: number): number {
  if (len === 0 || blockNorm === 0) return nTouched;
  const { idf, sketch, touched, mark } = v;
  const mask = idf.length - 1;
  const dimMask = sketch.length - 1;
  let sq = 0;
  for (let k = 0; k < len; k++) {
    const w = (1 + Math.log(counts[k]!)) * idf[hashes[k]! & mask]!;
    sq += w * w;
  }
  if (sq === 0) return nTouched;
  const scale = blockNorm / Math.sqrt(sq);
  for (let k = 0; k < len; k++) {
    const h = hashes[k]!;
    const w = (1 + Math.log(counts[k]!)) * idf[h & mask]! * scale;
    const s = slotOf(h);
    const j = s & dimMask;
    sketch[j] = sketch[j]! + (s >>> 31 ? -w : w);
    if (mark[j] === 0) {
      mark[j] = 1;
      touched[nTouched++] = j;
    }
  }
  return nTouched;
}

/**
 * Featurises `text` into the vectorizer's sketch. Returns the number of touched slots, listed in
 * `v.touched`; the caller reads them and must call `clearSketch` before the next document.
 */
export function sketchText(v: Vectorizer, text: string): number {
  extractFeatures(text, v.buf, v.options.maxChars);
  const b = v.buf;
  return sketchFeatures(v, b.words, b.wordCounts, b.wordLen, b.chars, b.charCounts, b.charLen);
}

/** As sketchText, from features already extracted (unique hashes with counts per block). */
export function sketchFeatures(
  v: Vectorizer,
  words: Uint32Array,
  wordCounts: Uint32Array,
  wordLen: number,
  chars: Uint32Array,
  charCounts: Uint32Array,
  charLen: number,
): number {
  // Each block gets a fixed share of the norm; if one block is empty the other takes the whole norm.
  const both = wordLen > 0 && charLen > 0;
  const ww = both ? Math.sqrt(v.options.wordWeight) : 1;
  const cw = both ? Math.sqrt(1 - v.options.wordWeight) : 1;
  const t = addBlock(v, words, wordCounts, wordLen, ww, 0);
  return addBlock(v, chars, charCounts, charLen, cw, t);
}

export function clearSketch(v: Vectorizer, nTouched: number): void {
  for (let k = 0; k < nTouched; k++) {
    const j = v.touched[k]!;
    v.sketch[j] = 0;
    v.mark[j] = 0;
  }
}

/** Projection of the model mean onto the components, and the mean's unit direction in sketch space. */
export interface MeanTerms {
  /** P^T u, u = mean / |mean|. */
  projected: Float32Array;
  /** u. */
  unit: Float32Array;
  norm: number;
}

export function meanProjection(model: LexicalModel): MeanTerms {
  const { sketchDims, dims } = model.options;
  let sq = 0;
  for (let j = 0; j < sketchDims; j++) sq += model.mean[j]! * model.mean[j]!;
  const norm = Math.sqrt(sq);
  const unit = new Float32Array(sketchDims);
  const projected = new Float32Array(dims);
  if (norm === 0) return { projected, unit, norm };
  for (let j = 0; j < sketchDims; j++) {
    const uj = model.mean[j]! / norm;
    unit[j] = uj;
    if (uj === 0) continue;
    const row = j * dims;
    for (let k = 0; k < dims; k++) projected[k] = projected[k]! + uj * model.components[row + k]!;
  }
  return { projected, unit, norm };
}

/**
 * Embeds one text: sketch, remove the mean direction, project onto the PCA components, L2-normalise.
 * Writes `dims` floats into `out` at `offset`.
 *
 * Centring subtracts the part of the row along the corpus mean (x·u)u rather than the mean itself:
 * for a typical row x·u ≈ |mean| and the two agree, but a row with nothing in common with the corpus
 * (gibberish, a rare language) keeps a small, row-specific vector instead of collapsing onto -mean,
 * where all such rows would look alike and form a junk cluster.
 */
export function embedText(v: Vectorizer, model: LexicalModel, mean: MeanTerms, text: string, out: Float32Array, offset: number): void {
  const dims = model.options.dims;
  const P = model.components;
  const nTouched = sketchText(v, text);
  let along = 0;
  for (let t = 0; t < nTouched; t++) {
    const j = v.touched[t]!;
    along += v.sketch[j]! * mean.unit[j]!;
  }
  for (let k = 0; k < dims; k++) out[offset + k] = -along * mean.projected[k]!;
  for (let t = 0; t < nTouched; t++) {
    const j = v.touched[t]!;
    const x = v.sketch[j]!;
    const row = j * dims;
    for (let k = 0; k < dims; k++) out[offset + k] = out[offset + k]! + x * P[row + k]!;
  }
  clearSketch(v, nTouched);
  let sq = 0;
  for (let k = 0; k < dims; k++) sq += out[offset + k]! * out[offset + k]!;
  const inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
  for (let k = 0; k < dims; k++) out[offset + k] = out[offset + k]! * inv;
}
