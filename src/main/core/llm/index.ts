// The llm domain as other domains and the core see it: the model providers (sealed keys, environment
// fallback, prices, limits), the endpoints features use, and the one shared service every LLM feature calls
// through, with its per-feature chat clients and structured output. Imports: this domain's modules only.
import type { Database } from 'better-sqlite3';
import type { ModelRef } from '../../../shared/contract/index.ts';
import type { CoreModule } from '../platform/core-module.ts';
import { CommandError } from '../platform/rpc/router.ts';
import { LlmCacheRepository } from './llm-cache-repository.ts';
import type { LlmEndpoint } from './llm-config.ts';
import { LlmService } from './llm-service.ts';
import { providerHandlers } from './provider-handlers.ts';
import { ProviderRepository } from './provider-repository.ts';
import { ProviderStore } from './provider-store.ts';
import { endpointOf, pickModel, priceOf, type ResolvedProvider } from './providers.ts';
import type { SecretBox } from './secret-box.ts';
import { UsageRepository } from './usage-repository.ts';

export type { CallContext, ChatMessageIn, ChatMessageRaw, ChatRequest, ChatResult, ChatTool, ChatToolCall } from './chat-types.ts';
export type { ChatCaller, ChatClient, ChatClientContext } from './chat-client.ts';
export type { EmbedCall, EmbeddingsResult, EndpointClient, EndpointOptions, EndpointTarget } from './endpoint-client.ts';
export { LlmService, type LlmServiceOptions } from './llm-service.ts';
export { parseJsonReply, structured, type StructuredOptions, type StructuredResult } from './structured.ts';
export type { LlmEndpoint } from './llm-config.ts';
export { costOf, DEFAULT_PRICES, type ModelPrice, type PriceTable } from './pricing.ts';
export type { ResolvedProvider } from './providers.ts';
export type { UsageRecord, UsageSink, UsageTotals } from './usage.ts';
export type { SecretBox } from './secret-box.ts';

/** A model chosen for a run: the endpoint to call, and its price (null: unknown). */
export interface ChosenModel {
  endpoint: LlmEndpoint;
  providerName: string;
  price: { input: number; output: number } | null;
}

export interface LlmModule extends CoreModule {
  /** One client per endpoint for every LLM feature: shared limit, 429 pause, response cache and usage log. */
  service: LlmService;
  /** The default chat model's endpoint (first provider with one), or null when LLM features are off. */
  chatEndpoint(): LlmEndpoint | null;
  embeddingEndpoint(): LlmEndpoint | null;
  /** The provider and model a run names (or the default chat model); throws CommandError('unavailable') when none. */
  chooseModel(ref: ModelRef | undefined): ChosenModel;
  providers(): ResolvedProvider[];
}

export function llmModule(deps: {
  db: Database;
  secrets: SecretBox | null;
  env: Readonly<Record<string, string | undefined>>;
  now: () => number;
}): LlmModule {
  const store = new ProviderStore(new ProviderRepository(deps.db), deps.secrets, deps.env, deps.now);
  const defaultEndpoint = (purpose: 'chat' | 'embeddings'): LlmEndpoint | null => {
    const picked = pickModel(store.all(), undefined, purpose);
    return 'error' in picked ? null : endpointOf(picked.provider, picked.model);
  };
  return {
    jobs: [],
    handlers: providerHandlers(store),
    service: new LlmService({ cache: new LlmCacheRepository(deps.db, deps.now), usage: new UsageRepository(deps.db), now: deps.now }),
    chatEndpoint: () => defaultEndpoint('chat'),
    embeddingEndpoint: () => defaultEndpoint('embeddings'),
    chooseModel(ref) {
      const picked = pickModel(store.all(), ref, 'chat');
      if ('error' in picked) throw new CommandError('unavailable', picked.error);
      return { endpoint: endpointOf(picked.provider, picked.model), providerName: picked.provider.name, price: priceOf(picked.provider, picked.model) };
    },
    providers: () => store.all(),
  };
}
