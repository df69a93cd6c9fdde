// The model providers (providers.list / set / remove / test): the list, saving, removing, "Test connection".
// Imports: zustand, the api client, shared contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import type { CommandInput, CommandOutput, Provider, ProviderModel } from '../../../shared/contract/index.ts';

export type ProviderSaveInput = CommandInput<'providers.set'>;
export type ConnectionTest = CommandOutput<'providers.test'>;

interface SettingsState {
  providers: Provider[];
  knownPrices: ProviderModel[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  saving: boolean;
  saveError: string | null;
  /** Bumped by every successful save, so the form can say "Saved" and clear the key field. */
  savedSeq: number;
  /** The last "Test connection" answer (or why it could not run), cleared when the form changes. */
  test: { running: boolean; result: ConnectionTest | null; error: string | null };
  load(): Promise<void>;
  /** The saved provider, or null when the core refused (saveError says why). */
  save(input: ProviderSaveInput): Promise<Provider | null>;
  remove(id: string): Promise<void>;
  testConnection(input: CommandInput<'providers.test'>): Promise<void>;
  clearTest(): void;
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  providers: [],
  knownPrices: [],
  status: 'idle',
  error: null,
  saving: false,
  saveError: null,
  savedSeq: 0,
  test: { running: false, result: null, error: null },
  async load() {
    set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading' }));
    try {
      const { providers, knownPrices } = await api().invoke('providers.list', {});
      set({ providers, knownPrices, status: 'ready', error: null });
    } catch (err) {
      set((s) => ({ status: s.status === 'ready' ? 'ready' : 'error', error: errorMessage(err) }));
    }
  },
  async save(input) {
    set({ saving: true, saveError: null });
    try {
      const saved = await api().invoke('providers.set', input);
      set((s) => ({ savedSeq: s.savedSeq + 1 }));
      await get().load();
      return saved;
    } catch (err) {
      set({ saveError: errorMessage(err) });
      return null;
    } finally {
      set({ saving: false });
    }
  },
  async remove(id) {
    try {
      await api().invoke('providers.remove', { id });
      await get().load();
    } catch (err) {
      set({ saveError: errorMessage(err) });
    }
  },
  async testConnection(input) {
    set({ test: { running: true, result: null, error: null } });
    try {
      const result = await api().invoke('providers.test', input);
      set({ test: { running: false, result, error: null } });
    } catch (err) {
      set({ test: { running: false, result: null, error: errorMessage(err) } });
    }
  },
  clearTest() {
    set({ test: { running: false, result: null, error: null } });
  },
}));

/** The provider whose default model of a purpose LLM features use: the first that has one (the core's rule). */
export function defaultProvider(providers: readonly Provider[], purpose: 'chat' | 'embeddings'): Provider | null {
  return providers.find((p) => (purpose === 'chat' ? p.defaultChatModel : p.defaultEmbeddingModel)) ?? null;
}

/** What the providers can be used for: any provider is an endpoint; embeddings and naming need a default model. */
export function llmCapabilities(providers: readonly Provider[]): { endpoint: boolean; embeddings: boolean; chat: boolean } {
  return { endpoint: providers.length > 0, embeddings: defaultProvider(providers, 'embeddings') !== null, chat: defaultProvider(providers, 'chat') !== null };
}
