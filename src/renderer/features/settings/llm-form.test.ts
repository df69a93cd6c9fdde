// The LLM form draft → settings.llm.set input mapping: nulls for empty fields, key only when typed or removed.
import { describe, expect, it } from 'vitest';
import { draftFrom, draftProblem, isDirty, toInput } from './llm-form.ts';

const saved = { baseUrl: 'http://localhost:11434/v1', model: 'llama3.1', embeddingModel: null, hasApiKey: true, source: 'settings' as const };

describe('LLM settings form', () => {
  it('starts from the effective values and never from the key', () => {
    expect(draftFrom(saved)).toEqual({ baseUrl: 'http://localhost:11434/v1', model: 'llama3.1', embeddingModel: '', apiKey: '', removeKey: false });
    expect(draftFrom(null).baseUrl).toBe('');
  });

  it('keeps the saved key unless a new one is typed or it is removed', () => {
    const d = draftFrom(saved);
    expect(toInput(d)).toEqual({ baseUrl: 'http://localhost:11434/v1', model: 'llama3.1', embeddingModel: null });
    expect('apiKey' in toInput(d)).toBe(false);
    expect(toInput({ ...d, apiKey: '  sk-new ' }).apiKey).toBe('sk-new');
    expect(toInput({ ...d, removeKey: true }).apiKey).toBeNull();
    // A typed key wins over a pending removal.
    expect(toInput({ ...d, apiKey: 'sk-x', removeKey: true }).apiKey).toBe('sk-x');
  });

  it('finds problems the core would refuse', () => {
    expect(draftProblem(draftFrom(saved))).toBeNull();
    expect(draftProblem({ ...draftFrom(saved), baseUrl: 'localhost:11434' })).toMatch(/http/);
    // Models without a base URL are fine: with a key (saved or from the environment) the endpoint is OpenAI.
    expect(draftProblem({ ...draftFrom(null), model: 'gpt-4o-mini' })).toBeNull();
    expect(draftProblem(draftFrom(null))).toBeNull();
  });

  it('knows when there is something to save', () => {
    expect(isDirty(draftFrom(saved), saved)).toBe(false);
    expect(isDirty({ ...draftFrom(saved), model: 'llama3.2' }, saved)).toBe(true);
    expect(isDirty({ ...draftFrom(saved), apiKey: 'k' }, saved)).toBe(true);
    expect(isDirty({ ...draftFrom(saved), removeKey: true }, saved)).toBe(true);
  });
});
