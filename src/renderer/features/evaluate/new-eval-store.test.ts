import { describe, expect, it } from 'vitest';
import type { ChatModelChoice } from '../curate/curate-store.ts';
import { modelKey, runInput, type EvalForm } from './new-eval-store.ts';

const models: ChatModelChoice[] = [
  { model: 'good', provider: 'p1', label: 'good · Local', price: { input: 1, output: 2 } },
  { model: 'weak', provider: 'p1', label: 'weak · Local', price: null },
  { model: 'judge', provider: 'p2', label: 'judge · Other', price: null },
];
const form: EvalForm = { dataset: 'sums', version: 1, models: ['p1/good', 'p1/weak'], metric: 'exact', pattern: '', judge: '', systemPrompt: '', budget: '' };

describe('runInput', () => {
  it('names the ticked models with their providers', () => {
    expect(modelKey(models[0]!)).toBe('p1/good');
    expect(runInput(form, models)).toEqual({
      dataset: 'sums',
      version: 1,
      models: [
        { model: 'good', provider: 'p1' },
        { model: 'weak', provider: 'p1' },
      ],
      metric: 'exact',
    });
  });
  it('says what is missing instead of asking the core', () => {
    expect(runInput({ ...form, version: null }, models)).toBe('Pick a frozen eval version.');
    expect(runInput({ ...form, models: [] }, models)).toBe('Pick at least one model.');
    expect(runInput({ ...form, metric: 'regex', pattern: '  ' }, models)).toBe('Give the pattern an output must match.');
  });
  it('carries the metric’s options and the system prompt override', () => {
    expect(runInput({ ...form, metric: 'regex', pattern: ' ^\\d+$ ' }, models)).toMatchObject({ metricOptions: { pattern: '^\\d+$' } });
    expect(runInput({ ...form, metric: 'judge', judge: 'p2/judge', systemPrompt: 'Be terse.' }, models)).toMatchObject({
      metricOptions: { judgeModel: { model: 'judge', provider: 'p2' } },
      systemPrompt: 'Be terse.',
    });
    // The judge left on the core's default sends no options; a blank prompt is not an override.
    const plain = runInput({ ...form, metric: 'judge', systemPrompt: '  ' }, models);
    expect(plain).not.toHaveProperty('metricOptions');
    expect(plain).not.toHaveProperty('systemPrompt');
  });
});
