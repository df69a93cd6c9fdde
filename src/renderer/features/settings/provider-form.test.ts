// The provider form draft → providers.set input: prices as numbers, the key only when typed or removed.
import { describe, expect, it } from 'vitest';
import type { Provider } from '../../../shared/contract/index.ts';
import { draftFrom, draftProblem, isDirty, newModel, toInput } from './provider-form.ts';

const saved: Provider = {
  id: 'p1',
  name: 'OpenAI',
  baseUrl: 'https://api.openai.com/v1',
  hasApiKey: true,
  models: [{ name: 'gpt-4o-mini', purpose: 'chat', inputPer1M: 0.15, outputPer1M: 0.6 }],
  concurrency: 8,
  timeoutMs: 60_000,
  defaultChatModel: 'gpt-4o-mini',
  defaultEmbeddingModel: null,
  source: 'settings',
};

describe('provider form', () => {
  it('round-trips a saved provider without sending the key', () => {
    const d = draftFrom(saved);
    expect(isDirty(d, saved)).toBe(false);
    const input = toInput(d);
    expect(input).toEqual({
      id: 'p1',
      name: 'OpenAI',
      baseUrl: 'https://api.openai.com/v1',
      models: [{ name: 'gpt-4o-mini', purpose: 'chat', inputPer1M: 0.15, outputPer1M: 0.6 }],
      concurrency: 8,
      timeoutMs: 60_000,
      defaultChatModel: 'gpt-4o-mini',
      defaultEmbeddingModel: null,
    });
    expect('apiKey' in input).toBe(false);
  });

  it('sends a typed key, or null to remove the saved one', () => {
    expect(toInput({ ...draftFrom(saved), apiKey: ' sk-new ' }).apiKey).toBe('sk-new');
    expect(toInput({ ...draftFrom(saved), removeKey: true }).apiKey).toBeNull();
    expect(isDirty({ ...draftFrom(saved), removeKey: true }, saved)).toBe(true);
  });

  it('prices known OpenAI models at list price, and every model of a local server at 0', () => {
    const known = [{ name: 'gpt-4o-mini', purpose: 'chat' as const, inputPer1M: 0.15, outputPer1M: 0.6 }];
    expect(newModel('gpt-4o-mini', 'https://api.openai.com/v1', known)).toEqual({ name: 'gpt-4o-mini', purpose: 'chat', input: '0.15', output: '0.6' });
    expect(newModel('gpt-4o-mini', 'http://localhost:11434/v1', known)).toEqual({ name: 'gpt-4o-mini', purpose: 'chat', input: '0', output: '0' });
    expect(newModel('nomic-embed-text', 'http://localhost:11434/v1', known).purpose).toBe('embeddings');
  });

  it('names what the core would refuse', () => {
    const d = draftFrom(saved);
    expect(draftProblem(d)).toBeNull();
    expect(draftProblem({ ...d, baseUrl: 'file:///etc/passwd' })).toMatch(/http:\/\/ or https:\/\//);
    expect(draftProblem({ ...d, name: ' ' })).toMatch(/name/);
    expect(draftProblem({ ...d, models: [{ name: 'm', purpose: 'chat', input: '-1', output: '0' }] })).toMatch(/price of m/);
    expect(draftProblem({ ...d, concurrency: '0' })).toMatch(/Calls at once/);
  });
});
