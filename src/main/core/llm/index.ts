// The llm domain as other domains and the core see it: endpoint settings (sealed key, environment
// fallbacks), the resolved chat and embedding endpoints, the chat client and the request plumbing the
// embedder shares (limiter, retries, prices). Imports: this domain's modules, platform types.
import type { Database } from 'better-sqlite3';
import type { CoreModule } from '../platform/core-module.ts';
import { resolveChatEndpoint, resolveEmbeddingEndpoint, type LlmEndpoint } from './llm-config.ts';
import { LlmSettingsRepository } from './llm-settings-repository.ts';
import type { SecretBox } from './secret-box.ts';
import { settingsHandlers } from './settings-handlers.ts';

export { ChatClient } from './chat-client.ts';
export { Limiter } from './limiter.ts';
export type { LlmEndpoint } from './llm-config.ts';
export { costOf, DEFAULT_PRICES, type PriceTable } from './pricing.ts';
export { withRetry } from './retry.ts';
export type { SecretBox } from './secret-box.ts';

export interface LlmModule extends CoreModule {
  chatEndpoint(): LlmEndpoint | null;
  embeddingEndpoint(): LlmEndpoint | null;
}

export function llmModule(deps: { db: Database; secrets: SecretBox | null; env: Readonly<Record<string, string | undefined>> }): LlmModule {
  const settings = new LlmSettingsRepository(deps.db, deps.secrets, deps.env);
  return {
    jobs: [],
    handlers: settingsHandlers(settings),
    chatEndpoint: () => resolveChatEndpoint(settings.settings(), deps.env),
    embeddingEndpoint: () => resolveEmbeddingEndpoint(settings.settings(), deps.env),
  };
}
