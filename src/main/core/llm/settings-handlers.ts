// Handlers of the settings.* commands. The API key goes in sealed and never comes back out.
// Imports: settings repository, rpc types.
import type { Handlers } from '../platform/rpc/router.ts';
import type { LlmSettingsRepository } from './llm-settings-repository.ts';

export function settingsHandlers(store: LlmSettingsRepository): Pick<Handlers, 'settings.llm.get' | 'settings.llm.set'> {
  return {
    'settings.llm.get': () => store.view(),
    'settings.llm.set': (input) => store.save(input),
  };
}
