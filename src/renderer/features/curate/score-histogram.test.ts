import { describe, expect, it } from 'vitest';
import { binScores, countBelow, snap, sortScores, stepThreshold, thresholdCounts, valueOfX, xOfValue } from './score-histogram.ts';

// Counting by brute force over the raw list: what the binary searches must agree with.
function naive(scores: number[], t: number, m: number) {
  const flagged = scores.filter((s) => s < t - 1e-9).length;
  const borderline = scores.filter((s) => Math.abs(s - t) <= m + 1e-9).length;
  return { flagged, borderline, passed: scores.length - flagged };
}

describe('score-histogram', () => {
  it('sorts and drops values that are not numbers', () => {
    expect([...sortScores([0.5, Number.NaN, 0.1, 1, Infinity])]).toEqual([0.1, 0.5, 1]);
  });

  it('counts below a value, strictly or inclusively, with ties', () => {
    const s = sortScores([0.2, 0.4, 0.4, 0.4, 0.9]);
    expect(countBelow(s, 0.4)).toBe(1);
    expect(countBelow(s, 0.4, true)).toBe(4);
    expect(countBelow(s, 0)).toBe(0);
    expect(countBelow(s, 1, true)).toBe(5);
  });

  it('agrees with a brute-force count for every threshold and margin on random scores', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const scores = Array.from({ length: 500 }, () => Math.round(rand() * 100) / 100);
    const sorted = sortScores(scores);
    for (let t = 0; t <= 100; t += 3) {
      for (const m of [0, 0.05, 0.1]) {
        expect(thresholdCounts(sorted, t / 100, m)).toEqual(naive(scores, t / 100, m));
      }
    }
  });

  it('counts a score exactly on the threshold as passing and borderline', () => {
    const sorted = sortScores([0.7, 0.69, 0.75, 0.8]);
    expect(thresholdCounts(sorted, 0.7, 0.05)).toEqual({ flagged: 1, borderline: 3, passed: 3 });
  });

  it('bins over [0, 1] with 1 in the last bin', () => {
    expect(binScores(sortScores([0, 0.05, 0.1, 0.55, 0.99, 1]), 10)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
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
