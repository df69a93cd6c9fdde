import { describe, expect, it } from 'vitest';
import type { EvalPrediction } from '../../../shared/contract/index.ts';
import { evalGrid, verdict } from './eval-row-columns.tsx';

const p = (patch: Partial<EvalPrediction>): EvalPrediction => ({
  model: 'm',
  output: '5',
  pass: true,
  score: 1,
  detail: null,
  latencyMs: 10,
  costUsd: 0,
  error: null,
  status: 'answered',
  evaluators: [],
  ...patch,
});

describe('verdict', () => {
  it('marks pass, fail, error and pending apart', () => {
    expect(verdict(p({})).word).toBe('pass');
    expect(verdict(p({ pass: false })).word).toBe('fail');
    expect(verdict(p({ status: 'failed', pass: null })).word).toBe('error');
    expect(verdict(p({ status: 'pending', pass: null })).word).toBe('pending');
    expect(verdict(null).word).toBe('none');
  });
});

describe('evalGrid', () => {
  it('has a track per column: tick, row, prompt, expected, baseline, then one per model', () => {
    const g = evalGrid(2, true);
    expect(g.template).toBe('28px 48px minmax(140px, 3fr) minmax(64px, 1fr) minmax(80px, 1fr) minmax(100px, 2fr) minmax(100px, 2fr)');
    expect(g.minWidth).toBe(28 + 48 + 140 + 64 + 80 + 100 + 100);
    expect(evalGrid(1, false).template).toBe('28px 48px minmax(140px, 3fr) minmax(64px, 1fr) minmax(100px, 2fr)');
  });
});
