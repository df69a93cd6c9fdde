import { describe, expect, it } from 'vitest';
import { CurateFilterSettings, Provider } from '../../../shared/contract/index.ts';
import { chatModels, parseBudget } from './curate-store.ts';
import { DEFAULT_SWITCHES, filterSettings, limitsFrom, switchesFrom } from './filter-switches.ts';

describe('filter switches', () => {
  it('start from the core defaults and read a recorded run', () => {
    expect(switchesFrom(null)).toEqual(DEFAULT_SWITCHES);
    const recorded = { refusal: { enabled: false }, too_long: { enabled: true, maxTokens: 4000 }, pii: 'odd', cluster: { enabled: true, minMembershipScore: 0.4, clusterIds: [3] } };
    const s = switchesFrom(recorded);
    expect(s.refusal).toBe(false);
    expect(s.too_long).toBe(true);
    expect(s.pii).toBe(true);
    expect(limitsFrom(recorded)).toEqual({ maxTokens: 4000, minMembership: 0.4 });
    expect(limitsFrom(null)).toEqual({ maxTokens: 8192, minMembership: null });
  });

  it('build a run input the contract accepts, carrying options the panel does not show', () => {
    const recorded = { cluster: { enabled: true, clusterIds: [3, 4], minMembershipScore: 0.2 }, duplicate: { enabled: true, near: false, threshold: 0.9 } };
    const settings = filterSettings({ ...DEFAULT_SWITCHES, cluster: true, refusal: false }, { maxTokens: 2048, minMembership: 0.5 }, recorded);
    expect(CurateFilterSettings.parse(settings)).toEqual(settings);
    expect(settings.cluster).toEqual({ enabled: true, clusterIds: [3, 4], minMembershipScore: 0.5 });
    expect(settings.refusal).toEqual({ enabled: false });
    expect(settings.too_long).toEqual({ enabled: false, maxTokens: 2048 });
    expect(settings.duplicate).toEqual({ enabled: true, near: false, threshold: 0.9 });
  });

  it('drop recorded options that no longer fit the contract rather than send them', () => {
    const settings = filterSettings(DEFAULT_SWITCHES, { maxTokens: 100, minMembership: null }, { duplicate: { threshold: 5 } });
    expect(settings.duplicate).toEqual({ enabled: true });
    expect(CurateFilterSettings.safeParse(settings).success).toBe(true);
  });
});

describe('judge inputs', () => {
  it('reads a budget in dollars', () => {
    expect(parseBudget('')).toBeUndefined();
    expect(parseBudget(' $2.50 ')).toBe(2.5);
    expect(parseBudget('0')).toBeNull();
    expect(parseBudget('lots')).toBeNull();
  });

  it('lists every chat model of every provider, with prices, and a default model not in the list', () => {
    const providers = [
      Provider.parse({ id: 'p1', name: 'OpenAI', baseUrl: 'https://api.openai.com/v1', hasApiKey: true, models: [{ name: 'gpt-4o-mini', purpose: 'chat', inputPer1M: 0.15, outputPer1M: 0.6 }, { name: 'text-embedding-3-small', purpose: 'embeddings', inputPer1M: 0.02, outputPer1M: 0 }], concurrency: 4, timeoutMs: 1000, defaultChatModel: 'gpt-4o-mini', defaultEmbeddingModel: null, source: 'settings' }),
      Provider.parse({ id: 'p2', name: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', hasApiKey: false, models: [], concurrency: 2, timeoutMs: 1000, defaultChatModel: 'llama3.1', defaultEmbeddingModel: null, source: 'settings' }),
    ];
    expect(chatModels(providers)).toEqual([
      { model: 'gpt-4o-mini', provider: 'p1', label: 'gpt-4o-mini · OpenAI', price: { input: 0.15, output: 0.6 } },
      { model: 'llama3.1', provider: 'p2', label: 'llama3.1 · Ollama', price: null },
    ]);
  });
});
