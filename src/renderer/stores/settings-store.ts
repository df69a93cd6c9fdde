// The LLM endpoint settings (settings.llm.get / set): effective values, where they come from, saving.
// Imports: zustand, the api client, shared contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../api/index.ts';
import type { CommandInput, LlmSettings } from '../../shared/contract/index.ts';

export type LlmSettingsInput = CommandInput<'settings.llm.set'>;

interface SettingsState {
  llm: LlmSettings | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  saving: boolean;
  saveError: string | null;
  /** Bumped by every successful save, so the form can say "Saved" and clear the key field. */
  savedSeq: number;
  load(): Promise<void>;
  save(input: LlmSettingsInput): Promise<boolean>;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  llm: null,
  status: 'idle',
  error: null,
  saving: false,
  saveError: null,
  savedSeq: 0,
  async load() {
    set((s) => ({ status: s.llm ? s.status : 'loading' }));
    try {
      const llm = await api().invoke('settings.llm.get', {});
      set({ llm, status: 'ready', error: null });
    } catch (err) {
      set((s) => ({ status: s.llm ? 'ready' : 'error', error: errorMessage(err) }));
    }
  },
  async save(input) {
    set({ saving: true, saveError: null });
    try {
      const llm = await api().invoke('settings.llm.set', input);
      set((s) => ({ llm, status: 'ready', error: null, savedSeq: s.savedSeq + 1 }));
      return true;
    } catch (err) {
      set({ saveError: errorMessage(err) });
      return false;
    } finally {
      set({ saving: false });
    }
  },
}));

/** What the configured endpoint can be used for: embeddings need a base URL; naming needs a chat model too. */
export function llmCapabilities(llm: LlmSettings | null): { embeddings: boolean; chat: boolean } {
  const endpoint = Boolean(llm?.baseUrl);
  return { embeddings: endpoint, chat: endpoint && Boolean(llm?.model) };
}
