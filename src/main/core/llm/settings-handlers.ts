// Handlers of the settings.* commands. The API key goes in sealed and never comes back out.
// Imports: settings store, rpc types.
import type { Handlers } from '../platform/rpc/router.ts';
import type { LlmSettingsStore } from './llm-settings-store.ts';

export function settingsHandlers(store: LlmSettingsStore): Pick<Handlers, 'settings.llm.get' | 'settings.llm.set'> {
  return {
    'settings.llm.get': () => store.view(),
    'settings.llm.set': (input) => store.save(input),
  };
}
