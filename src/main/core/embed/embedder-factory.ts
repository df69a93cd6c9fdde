// Chooses and rebuilds embedders for clustering runs: the built-in one is fitted on the rows being
// clustered and stored with the run; an OpenAI-compatible one comes from the LLM settings.
// Imports: embed engine, rpc errors.
import type { EmbedderKind } from '../../../shared/contract/index.ts';
import { BuiltinEmbedder, fitBuiltinEmbedder } from './builtin-embedder.ts';
import type { EmbedOptions, Embedder } from './embedder.ts';
import { CommandError } from '../platform/rpc/router.ts';

export interface EmbedderFactory {
  forRun(kind: EmbedderKind, texts: readonly string[], options: EmbedOptions): Promise<Embedder>;
  /** What to store with a run so later rows embed into the same space (null: nothing needed). */
  state(embedder: Embedder): Uint8Array | null;
  /** The embedder of a saved run, to place new rows into it. */
  fromRun(embedderId: string, state: Uint8Array | null): Promise<Embedder>;
}

export function createEmbedderFactory(openAi: () => Promise<Embedder | null>): EmbedderFactory {
  const remote = async (): Promise<Embedder> => {
    const embedder = await openAi();
    if (!embedder) {
      throw new CommandError('unavailable', 'no embedding endpoint is configured: set a base URL and embedding model in Settings (or OPENAI_BASE_URL and WINNOW_EMBED_MODEL)');
    }
    return embedder;
  };
  return {
    forRun: (kind, texts, options) => (kind === 'builtin' ? fitBuiltinEmbedder(texts, options) : remote()),
    state: (embedder) => (embedder instanceof BuiltinEmbedder ? embedder.serialize() : null),
    fromRun: async (embedderId, state) => {
      if (state) return new BuiltinEmbedder(state);
      const embedder = await remote();
      if (embedder.id !== embedderId) {
        throw new CommandError('conflict', `this run was embedded with ${embedderId}, but the configured endpoint is ${embedder.id}: run a new clustering instead`);
      }
      return embedder;
    },
  };
}
