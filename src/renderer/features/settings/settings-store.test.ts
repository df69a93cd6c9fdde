// What the effective LLM settings allow, mirroring the core's endpoint rule.
import { describe, expect, it } from 'vitest';
import { endpointLabel, llmCapabilities } from './settings-store.ts';

const none = { baseUrl: null, model: null, embeddingModel: null, hasApiKey: false, source: 'none' as const };

describe('LLM capabilities', () => {
  it('offers nothing without an endpoint', () => {
    expect(llmCapabilities(null)).toEqual({ endpoint: false, embeddings: false, chat: false });
    expect(llmCapabilities({ ...none, model: 'gpt-4o-mini', embeddingModel: 'text-embedding-3-small' })).toEqual({ endpoint: false, embeddings: false, chat: false });
  });

  it('needs the matching model for each use', () => {
    const local = { ...none, baseUrl: 'http://localhost:11434/v1', source: 'settings' as const };
    expect(llmCapabilities(local)).toEqual({ endpoint: true, embeddings: false, chat: false });
    expect(llmCapabilities({ ...local, model: 'llama3.1' })).toEqual({ endpoint: true, embeddings: false, chat: true });
    expect(llmCapabilities({ ...local, embeddingModel: 'nomic-embed-text' })).toEqual({ endpoint: true, embeddings: true, chat: false });
  });

  it('treats a key without a base URL as OpenAI itself', () => {
    const openai = { ...none, hasApiKey: true, model: 'gpt-4o-mini', embeddingModel: 'text-embedding-3-small', source: 'environment' as const };
    expect(llmCapabilities(openai)).toEqual({ endpoint: true, embeddings: true, chat: true });
    expect(endpointLabel(openai)).toBe('api.openai.com (default)');
    expect(endpointLabel({ ...openai, baseUrl: 'http://localhost:1234/v1' })).toBe('http://localhost:1234/v1');
  });
});
