import { describe, expect, it } from 'vitest';
import { answer, row } from '../../../../../tests/support/curate-rows.ts';
import { runFilters } from './run-filters.ts';

describe('runFilters', () => {
  it('lists every filter that fired in pipeline order, the first drop deciding, and counts them', () => {
    const rows = [
      row({ id: 'clean' }),
      answer("I'm sorry, but I can't help with that.", { id: 'refusal-and-length', finishReason: 'length' }),
      answer('', { id: 'failed-empty', status: 'error' }),
      row({ id: 'copy' }),
    ];
    const run = runFilters(rows);
    expect(run.rows.map((r) => [r.rowId, r.drop, r.decidedBy?.filter ?? null])).toEqual([
      ['clean', false, null],
      ['refusal-and-length', true, 'refusal'],
      ['failed-empty', true, 'failed'],
      ['copy', true, 'duplicate'],
    ]);
    expect(run.rows[1]!.fired.map((v) => v.filter)).toEqual(['refusal', 'truncated']);
    expect(run.rows[2]!.fired.map((v) => v.filter)).toEqual(['failed', 'empty']);
    expect(run.rows[3]!.decidedBy?.reason).toBe('exact duplicate of row clean');
    expect(run.counts.truncated).toEqual({ fired: 1, decided: 0 });
    expect(run.counts.refusal).toEqual({ fired: 1, decided: 1 });
    expect([run.kept, run.dropped]).toEqual([1, 3]);
    expect(Object.keys(run.timings)).toEqual(['failed', 'empty', 'refusal', 'truncated', 'invalid_json', 'pii', 'duplicate']);
  });
  it('runs only the enabled filters', () => {
    const rows = [answer('', { id: 'a', status: 'error' }), answer('', { id: 'b', status: 'error' })];
    const run = runFilters(rows, { failed: { enabled: false }, duplicate: { enabled: false } });
    expect(run.rows.map((r) => r.fired.map((v) => v.filter))).toEqual([['empty'], ['empty']]);
    expect(run.timings.failed).toBeUndefined();
  });
  it('applies overrides, and never keeps a copy of a row the user dropped', () => {
    const rows = [row({ id: 'first' }), row({ id: 'second' }), answer('', { id: 'forced' })];
    const run = runFilters(rows, {}, { drop: ['first'], keep: ['forced'] });
    expect(run.rows.map((r) => [r.rowId, r.drop, r.override, r.decidedBy?.reason])).toEqual([
      ['first', true, 'drop', 'dropped by hand'],
      ['second', false, null, undefined],
      ['forced', false, 'keep', 'kept by hand'],
    ]);
    // The forced keep still shows what the filters found.
    expect(run.rows[2]!.fired.map((v) => v.filter)).toEqual(['empty']);
    expect(run.counts.empty).toEqual({ fired: 1, decided: 0 });
  });
  it('uses the cluster and too_long settings when they are switched on', () => {
    const rows = [row({ id: 'in', clusterId: 'c1', membershipScore: 0.9 }), row({ id: 'out', clusterId: 'c2', membershipScore: 0.9 })];
    const run = runFilters(rows, { cluster: { enabled: true, clusterIds: ['c1'] }, too_long: { enabled: true, maxTokens: 5 } });
    expect(run.rows.map((r) => r.fired.map((v) => v.filter))).toEqual([['too_long'], ['cluster', 'too_long']]);
  });
});
