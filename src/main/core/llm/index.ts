// The llm domain as other domains and the core see it: endpoint settings (sealed key, environment
// fallbacks), the resolved endpoints, and the one shared service every LLM feature calls through, with its
// per-feature chat clients and structured output. Imports: this domain's modules only.
import type { Database } from 'better-sqlite3';
import type { CoreModule } from '../platform/core-module.ts';
import { LlmCacheRepository } from './llm-cache-repository.ts';
import { resolveChatEndpoint, resolveEmbeddingEndpoint, type LlmEndpoint } from './llm-config.ts';
import { LlmService } from './llm-service.ts';
import { LlmSettingsRepository } from './llm-settings-repository.ts';
import type { SecretBox } from './secret-box.ts';
import { settingsHandlers } from './settings-handlers.ts';
import { UsageRepository } from './usage-repository.ts';
import { CommandError } from '../platform/rpc/router.ts';

const pending = (): never => {
  throw new CommandError('unavailable', 'provider settings are not available yet');
};
const providerHandlersPending = { 'providers.list': pending, 'providers.set': pending, 'providers.remove': pending, 'providers.test': pending };

export type { CallContext, ChatMessageIn, ChatRequest, ChatResult, ChatTool, ChatToolCall } from './chat-types.ts';
export type { ChatCaller, ChatClient, ChatClientContext } from './chat-client.ts';
export type { EmbedCall, EmbeddingsResult, EndpointClient, EndpointOptions, EndpointTarget } from './endpoint-client.ts';
export { LlmService, type LlmServiceOptions } from './llm-service.ts';
export { parseJsonReply, structured, type StructuredOptions, type StructuredResult } from './structured.ts';
export type { LlmEndpoint, LlmSettings } from './llm-config.ts';
export { costOf, DEFAULT_PRICES, type PriceTable } from './pricing.ts';
export type { UsageRecord, UsageSink, UsageTotals } from './usage.ts';
export type { SecretBox } from './secret-box.ts';

export interface LlmModule extends CoreModule {
  /** One client per endpoint for every LLM feature: shared limit, 429 pause, response cache and usage log. */
  service: LlmService;
  chatEndpoint(): LlmEndpoint | null;
  embeddingEndpoint(): LlmEndpoint | null;
}

export function llmModule(deps: {
  db: Database;
  secrets: SecretBox | null;
  env: Readonly<Record<string, string | undefined>>;
  now: () => number;
}): LlmModule {
  const settings = new LlmSettingsRepository(deps.db, deps.secrets, deps.env);
  return {
    jobs: [],
    handlers: { ...settingsHandlers(settings, deps.env), ...providerHandlersPending },
    service: new LlmService({ cache: new LlmCacheRepository(deps.db, deps.now), usage: new UsageRepository(deps.db), now: deps.now }),
    chatEndpoint: () => resolveChatEndpoint(settings.settings(), deps.env),
    embeddingEndpoint: () => resolveEmbeddingEndpoint(settings.settings(), deps.env),
  };
}
