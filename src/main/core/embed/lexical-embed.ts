// Embeds a batch of texts with a fitted lexical model, synchronously (used in workers and for small batches).
// Imports: sibling embed modules only.

import type { LexicalModel } from './lexical-model.ts';
import { createVectorizer, embedText, idfTable, meanProjection } from './lexical-vectorize.ts';

/** Row-major texts.length × dims; `onProgress` gets the number of texts done every 1,024 texts. */
export function embedTexts(model: LexicalModel, texts: readonly string[], onProgress?: (done: number) => void): Float32Array {
  const d = model.options.dims;
  const v = createVectorizer(model.options, idfTable(model.df, model.docCount));
  const mp = meanProjection(model);
  const out = new Float32Array(texts.length * d);
  for (let i = 0; i < texts.length; i++) {
    embedText(v, model, mp, texts[i]!, out, i * d);
    if (onProgress && (i & 1023) === 1023) onProgress(i + 1);
  }
  onProgress?.(texts.length);
  return out;
}
