// The fitted state of the built-in lexical embedder, and its byte serialisation.
// Imports: nothing. A model is plain typed arrays so it crosses worker threads and storage unchanged.

export interface LexicalOptions {
  /** Width of the signed hashing sketch (power of two). */
  sketchDims: number;
  /** Output dimensions after PCA. */
  dims: number;
  /** log2 of the document-frequency table size. */
  dfBits: number;
  /** Share of the squared norm given to word 1-2-grams; the rest goes to char 3-5-grams. */
  wordWeight: number;
  /** Texts are clipped to this many UTF-16 units (head and tail halves kept). */
  maxChars: number;
}

export const DEFAULT_LEXICAL_OPTIONS: LexicalOptions = {
  sketchDims: 1024,
  dims: 256,
  dfBits: 20,
  wordWeight: 0.4,
  maxChars: 2000,
};

export interface LexicalModel {
  options: LexicalOptions;
  /** Documents the document frequencies were counted over. */
  docCount: number;
  /** Document frequency per hashed feature slot (length 2^dfBits). */
  df: Uint32Array;
  /** Mean sketch vector of the fit sample (length sketchDims). */
  mean: Float32Array;
  /** sketchDims × dims, row-major. */
  components: Float32Array;
}

const MAGIC = 0x574e4c58; // "WNLX"
const VERSION = 1;

/** Serialises a model: header, options, sparse document frequencies, mean, components (little-endian). */
export function serializeLexicalModel(model: LexicalModel): Uint8Array {
  const { df } = model;
  let nonZero = 0;
  for (let i = 0; i < df.length; i++) if (df[i] !== 0) nonZero++;
  const o = model.options;
  const headerWords = 10;
  const bytes = 4 * (headerWords + 2 * nonZero + model.mean.length + model.components.length) + 8;
  const buf = new ArrayBuffer(bytes);
  const view = new DataView(buf);
  let p = 0;
  const u32 = (v: number): void => {
    view.setUint32(p, v, true);
    p += 4;
  };
  const f32 = (v: number): void => {
    view.setFloat32(p, v, true);
    p += 4;
  };
  u32(MAGIC);
  u32(VERSION);
  u32(o.sketchDims);
  u32(o.dims);
  u32(o.dfBits);
  view.setFloat64(p, o.wordWeight, true);
  p += 8;
  u32(o.maxChars);
  u32(model.docCount);
  u32(nonZero);
  u32(model.mean.length);
  for (let i = 0; i < df.length; i++) {
    if (df[i] === 0) continue;
    u32(i);
    u32(df[i]!);
  }
  for (const v of model.mean) f32(v);
  for (const v of model.components) f32(v);
  return new Uint8Array(buf, 0, p);
}

export function deserializeLexicalModel(bytes: Uint8Array): LexicalModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  const u32 = (): number => {
    const v = view.getUint32(p, true);
    p += 4;
    return v;
  };
  if (bytes.byteLength < 44 || u32() !== MAGIC) throw new Error('not a Winnow lexical embedder model');
  const version = u32();
  if (version !== VERSION) throw new Error(`unsupported lexical model version ${version}`);
  const sketchDims = u32();
  const dims = u32();
  const dfBits = u32();
  const wordWeight = view.getFloat64(p, true);
  p += 8;
  const maxChars = u32();
  const docCount = u32();
  const nonZero = u32();
  const meanLen = u32();
  const expected = p + 8 * nonZero + 4 * (meanLen + sketchDims * dims);
  if (meanLen !== sketchDims || dfBits > 26 || expected !== bytes.byteLength) {
    throw new Error('lexical embedder model is truncated or corrupt');
  }
  const df = new Uint32Array(1 << dfBits);
  for (let k = 0; k < nonZero; k++) {
    const i = u32();
    df[i] = u32();
  }
  const mean = new Float32Array(meanLen);
  for (let k = 0; k < meanLen; k++) {
    mean[k] = view.getFloat32(p, true);
    p += 4;
  }
  const components = new Float32Array(sketchDims * dims);
  for (let k = 0; k < components.length; k++) {
    components[k] = view.getFloat32(p, true);
    p += 4;
  }
  return { options: { sketchDims, dims, dfBits, wordWeight, maxChars }, docCount, df, mean, components };
}
