// The LLM endpoint settings (settings.llm.get / set): effective values, where they come from, saving.
// Imports: zustand, the api client, shared contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import type { CommandInput, CommandOutput, LlmSettings } from '../../../shared/contract/index.ts';

export type LlmSettingsInput = CommandInput<'settings.llm.set'>;
export type ConnectionTest = CommandOutput<'settings.llm.test'>;

interface SettingsState {
  llm: LlmSettings | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  saving: boolean;
  saveError: string | null;
  /** Bumped by every successful save, so the form can say "Saved" and clear the key field. */
  savedSeq: number;
  /** The last "Test connection" answer (or why it could not run), cleared when the form changes. */
  test: { running: boolean; result: ConnectionTest | null; error: string | null };
  load(): Promise<void>;
  save(input: LlmSettingsInput): Promise<boolean>;
  testConnection(input: LlmSettingsInput): Promise<void>;
  clearTest(): void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  llm: null,
  status: 'idle',
  error: null,
  saving: false,
  saveError: null,
  savedSeq: 0,
  test: { running: false, result: null, error: null },
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
  async testConnection(input) {
    set({ test: { running: true, result: null, error: null } });
    try {
      const result = await api().invoke('settings.llm.test', input);
      set({ test: { running: false, result, error: null } });
    } catch (err) {
      set({ test: { running: false, result: null, error: errorMessage(err) } });
    }
  },
  clearTest() {
    set({ test: { running: false, result: null, error: null } });
  },
}));

/**
 * What the effective settings can be used for, by the core's own rule: an endpoint is a base URL, or
 * just a key (then it is OpenAI itself); embeddings also need an embedding model, naming a chat model.
 */
export function llmCapabilities(llm: LlmSettings | null): { endpoint: boolean; embeddings: boolean; chat: boolean } {
  const endpoint = Boolean(llm?.baseUrl) || Boolean(llm?.hasApiKey);
  return { endpoint, embeddings: endpoint && Boolean(llm?.embeddingModel), chat: endpoint && Boolean(llm?.model) };
}

/** The endpoint as shown to people: the base URL, or OpenAI's when only a key is set. */
export function endpointLabel(llm: LlmSettings | null): string {
  return llm?.baseUrl ?? 'api.openai.com (default)';
}
