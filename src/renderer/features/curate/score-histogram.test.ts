import { describe, expect, it } from 'vitest';
import { displayBins, estimateBorderline, snap, stepThreshold, thresholdCounts, totalOf, valueOfX, xOfValue, type ScoreBin } from './score-histogram.ts';

// 100 bins of 0.01, filled the way the core fills them: by integer hundredths, 1.00 in the last bin.
function binsOf(scores: number[]): ScoreBin[] {
  const bins = Array.from({ length: 100 }, (_, i) => ({ from: i / 100, to: (i + 1) / 100, count: 0 }));
  for (const s of scores) (bins[Math.min(99, Math.round(s * 100))] as ScoreBin).count++;
  return bins;
}

// Brute force over the raw scores: what the bin arithmetic must agree with for 2-decimal scores.
function naive(scores: number[], t: number, m: number) {
  const flagged = scores.filter((s) => s < t - 1e-9).length;
  const inBand = scores.filter((s) => Math.abs(s - t) <= m + 1e-9).length;
  return { flagged, inBand, passed: scores.length - flagged };
}

describe('score-histogram', () => {
  it('agrees with a brute-force count for every threshold and margin on 2-decimal scores', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // 1.0 would sit in the last bin with 0.99 and count as 0.99: leave it out of the exact comparison.
    const scores = Array.from({ length: 500 }, () => Math.round(rand() * 99) / 100);
    const bins = binsOf(scores);
    expect(totalOf(bins)).toBe(500);
    for (let t = 0; t <= 100; t += 3) {
      for (const m of [0, 0.05, 0.1]) {
        expect(thresholdCounts(bins, t / 100, m), `t=${t / 100} m=${m}`).toEqual(naive(scores, t / 100, m));
      }
    }
  });

  it('counts a score exactly on the threshold as passing and in the band', () => {
    expect(thresholdCounts(binsOf([0.7, 0.69, 0.75, 0.8]), 0.7, 0.05)).toEqual({ flagged: 1, inBand: 3, passed: 3 });
  });

  it('carries borderline rows that are not near the line (low membership) over to the dragged threshold', () => {
    const bins = binsOf([0.1, 0.45, 0.5, 0.55, 0.9]);
    // At 0.5 ± 0.1, three rows are in the band; the core says 5 borderline, so 2 are borderline for membership.
    const committed = { threshold: 0.5, margin: 0.1, borderline: 5 };
    expect(estimateBorderline(bins, committed, 0.5)).toBe(5);
    expect(estimateBorderline(bins, committed, 0.9)).toBe(1 + 2);
    expect(estimateBorderline(bins, committed, 0.3)).toBe(0 + 2);
    expect(estimateBorderline(bins, { ...committed, borderline: 1 }, 0.9)).toBe(1);
  });

  it('sums fine bins into display bins with 1.0 in the last', () => {
    expect(displayBins(binsOf([0, 0.05, 0.1, 0.55, 0.99, 1]), 10)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  });

  it('maps pixels to snapped values and back', () => {
    const axis = { left: 20, width: 400 };
    expect(xOfValue(axis, 0.5)).toBe(220);
    expect(valueOfX(axis, 220)).toBe(0.5);
    expect(valueOfX(axis, 223)).toBe(0.51);
    expect(valueOfX(axis, -50)).toBe(0);
    expect(valueOfX(axis, 9999)).toBe(1);
    expect(valueOfX({ left: 0, width: 0 }, 10)).toBe(0);
    expect(snap(0.123456)).toBe(0.12);
  });

  it('steps the threshold by keys and ignores other keys', () => {
    expect(stepThreshold(0.5, 'ArrowRight')).toBe(0.51);
    expect(stepThreshold(0.5, 'ArrowLeft')).toBe(0.49);
    expect(stepThreshold(0.95, 'PageUp')).toBe(1);
    expect(stepThreshold(0.3, 'Home')).toBe(0);
    expect(stepThreshold(0.5, 'a')).toBeNull();
  });
});
