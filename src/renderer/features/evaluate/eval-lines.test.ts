import { describe, expect, it } from 'vitest';
import type { EvalModelResult } from '../../../shared/contract/index.ts';
import { BASELINE_LABEL, runProgress, scoreLines } from './eval-lines.ts';

function result(model: string, patch: Partial<EvalModelResult> = {}): EvalModelResult {
  return {
    model,
    provider: 'p1',
    rows: 10,
    scored: 10,
    passed: 8,
    failures: 0,
    pending: 0,
    score: 0.8,
    ci: [0.49, 0.94],
    costPerRow: 0.001,
    costUsd: 0.01,
    inputTokens: 100,
    outputTokens: 20,
    latency: { mean: 120, p50: 100, p95: 300 },
    evaluators: [],
    ...patch,
  };
}

describe('scoreLines', () => {
  it('puts the baseline first, then the models in the run’s order', () => {
    const lines = scoreLines({ baseline: result('baseline', { score: 0.5, ci: [0.2, 0.8] }), results: [result('a'), result('b', { score: 0.3, failures: 2 })] });
    expect(lines.map((l) => [l.key, l.label, l.baseline, l.score])).toEqual([
      ['baseline', BASELINE_LABEL, true, 0.5],
      ['a', 'a', false, 0.8],
      ['b', 'b', false, 0.3],
    ]);
    expect(lines[2]?.failures).toBe(2);
    expect(lines[1]?.latency).toEqual({ mean: 120, p50: 100, p95: 300 });
  });
  it('has no baseline line when the rows had no original responses', () => {
    expect(scoreLines({ baseline: null, results: [result('a')] }).map((l) => l.key)).toEqual(['a']);
  });
});

describe('runProgress', () => {
  it('counts answered or failed rows over rows × models', () => {
    expect(runProgress({ results: [result('a', { pending: 4 }), result('b', { pending: 10 })] })).toEqual({ done: 6, total: 20 });
  });
});
