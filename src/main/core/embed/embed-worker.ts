// Worker entry for the built-in embedder: fits a model on a sample, or embeds a chunk of texts.
// Imports: sibling embed modules only.

import { fitLexicalModel, type LexicalFitOptions } from './lexical-fit.ts';
import { deserializeLexicalModel, serializeLexicalModel } from './lexical-model.ts';
import { embedTexts } from './lexical-embed.ts';
import { serveWorkerTask } from '../platform/workers/worker-task.ts';

export type EmbedWorkerRequest =
  | { kind: 'fit'; texts: string[]; fit: Omit<LexicalFitOptions, 'onProgress' | 'signal'> }
  | { kind: 'embed'; model: Uint8Array; texts: string[] };

serveWorkerTask<EmbedWorkerRequest, Uint8Array | Float32Array, number>((req, progress) => {
  if (req.kind === 'fit') {
    const model = fitLexicalModel(req.texts, { ...req.fit, onProgress: progress });
    const bytes = serializeLexicalModel(model);
    return { value: bytes, transfer: [bytes.buffer as ArrayBuffer] };
  }
  const model = deserializeLexicalModel(req.model);
  const out = embedTexts(model, req.texts, (done) => progress(done));
  return { value: out, transfer: [out.buffer as ArrayBuffer] };
});
