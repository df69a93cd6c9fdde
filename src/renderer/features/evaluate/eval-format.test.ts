import { describe, expect, it } from 'vitest';
import { formatCi, formatDelta, formatLatencies, formatScore, predictionsFile, versionName } from './eval-format.ts';

describe('eval formatting', () => {
  it('shows scores as percentages with one decimal', () => {
    expect(formatScore(0.8125)).toBe('81.3%');
    expect(formatScore(1)).toBe('100.0%');
    expect(formatScore(null)).toBe('—');
    expect(formatScore(Number.NaN)).toBe('—');
  });
  it('orders an interval and shows it in the score’s units', () => {
    expect(formatCi([0.7, 0.9])).toBe('70.0–90.0%');
    expect(formatCi([0.9, 0.7])).toBe('70.0–90.0%');
    expect(formatCi(null)).toBe('');
  });
  it('signs the difference against the baseline in points', () => {
    expect(formatDelta(0.8, 0.75)).toBe('+5.0 pts');
    expect(formatDelta(0.5, 0.75)).toBe('−25.0 pts');
    expect(formatDelta(0.75, 0.75)).toBe('±0.0 pts');
    expect(formatDelta(0.75, null)).toBe('');
  });
  it('lists mean, p50 and p95 latency', () => {
    expect(formatLatencies({ mean: 120.4, p50: 100, p95: 1500 })).toBe('120 ms · 100 ms · 1.50 s');
    expect(formatLatencies(null)).toBe('—');
  });
  it('names versions as the CLI does', () => {
    expect(versionName('support', 3)).toBe('support@v3');
    expect(versionName('support', null)).toBe('support@draft');
  });
});

describe('predictionsFile', () => {
  it('names the file after the run inside the chosen folder', () => {
    expect(predictionsFile('/tmp/out/', { id: 4, dataset: 'support eval', versionNumber: 2 })).toBe('/tmp/out/support-eval-v2-run4-predictions.jsonl');
    expect(predictionsFile('C:\\exports', { id: 1, dataset: 'sums', versionNumber: 1 })).toBe('C:\\exports\\sums-v1-run1-predictions.jsonl');
  });
});
