// Handlers of the settings.* commands. The API key goes in sealed and never comes back out.
// Imports: settings repository, endpoint resolution, the connection test, rpc types.
import { CommandError, type Handlers } from '../platform/rpc/router.ts';
import { testEndpoint } from './connection-test.ts';
import { resolveChatEndpoint, resolveEmbeddingEndpoint } from './llm-config.ts';
import type { LlmSettingsRepository } from './llm-settings-repository.ts';

type Env = Readonly<Record<string, string | undefined>>;

export function settingsHandlers(store: LlmSettingsRepository, env: Env): Pick<Handlers, 'settings.llm.get' | 'settings.llm.set' | 'settings.llm.test'> {
  return {
    'settings.llm.get': () => store.view(),
    'settings.llm.set': (input) => store.save(input),
    'settings.llm.test': async (input) => {
      // The same rules as saving decide which key goes where, so a test can never send a key further than a save could.
      const settings = store.preview(input);
      const chat = resolveChatEndpoint(settings, env);
      const embeddings = resolveEmbeddingEndpoint(settings, env);
      if (!chat && !embeddings) {
        throw new CommandError('invalid_input', 'nothing to test: give a chat or an embedding model, and a base URL or an API key');
      }
      const checks = await Promise.all([chat && testEndpoint(chat, 'chat'), embeddings && testEndpoint(embeddings, 'embeddings')]);
      return { baseUrl: (chat ?? embeddings)!.baseUrl, checks: checks.filter((c) => c !== null) };
    },
  };
}
