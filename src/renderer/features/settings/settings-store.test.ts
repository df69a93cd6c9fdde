// What the providers allow, mirroring the core's rule: the first provider with a default model of a purpose.
import { describe, expect, it } from 'vitest';
import type { Provider } from '../../../shared/contract/index.ts';
import { defaultProvider, llmCapabilities } from './settings-store.ts';

const base: Provider = {
  id: 'p1',
  name: 'Local',
  baseUrl: 'http://localhost:11434/v1',
  hasApiKey: false,
  models: [],
  concurrency: 4,
  timeoutMs: 120_000,
  defaultChatModel: null,
  defaultEmbeddingModel: null,
  source: 'settings',
};

describe('LLM capabilities', () => {
  it('offers nothing without a provider', () => {
    expect(llmCapabilities([])).toEqual({ endpoint: false, embeddings: false, chat: false });
  });

  it('needs a default model for each use, from any provider', () => {
    expect(llmCapabilities([base])).toEqual({ endpoint: true, embeddings: false, chat: false });
    const chat = { ...base, defaultChatModel: 'llama3.1' };
    const embed = { ...base, id: 'env', name: 'Environment', defaultEmbeddingModel: 'nomic-embed-text', source: 'environment' as const };
    expect(llmCapabilities([chat, embed])).toEqual({ endpoint: true, embeddings: true, chat: true });
    expect(defaultProvider([base, embed], 'embeddings')?.id).toBe('env');
  });
});
