// The embed domain as other domains and the core see it: the embedder factory for clustering runs, wired to
// the built-in embedder and the configured OpenAI-compatible endpoint. Imports: this domain's modules, llm types.
import type { Database } from 'better-sqlite3';
import type { LlmEndpoint, LlmService } from '../llm/index.ts';
import { EmbeddingCacheRepository } from './embedding-cache-repository.ts';
import { createEmbedderFactory, type EmbedderFactory } from './embedder-factory.ts';
import { OpenAiEmbedder } from './openai-embedder.ts';

export type { EmbedderFactory } from './embedder-factory.ts';
export type { EmbedOptions, Embedder } from './embedder.ts';

export function createEmbedders(db: Database, llm: LlmService, endpoint: () => LlmEndpoint | null): EmbedderFactory {
  const cache = new EmbeddingCacheRepository(db);
  return createEmbedderFactory(async () => {
    const resolved = endpoint();
    return resolved && new OpenAiEmbedder(llm.endpoint(resolved), resolved.model, { cache });
  });
}
