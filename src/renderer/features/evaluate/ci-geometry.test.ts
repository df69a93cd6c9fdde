import { describe, expect, it } from 'vitest';
import { axisFor, ciBar, overlaps, ticks, xOf } from './ci-geometry.ts';

describe('axisFor', () => {
  it('is [0, 1] for rates', () => {
    expect(axisFor([0.2, 0.9, null], 200)).toEqual({ min: 0, max: 1, width: 200 });
  });
  it('grows to hold values outside [0, 1] and ignores non-numbers', () => {
    expect(axisFor([-0.5, 3, Number.NaN, undefined], 100)).toEqual({ min: -0.5, max: 3, width: 100 });
  });
});

describe('ciBar', () => {
  const axis = { min: 0, max: 1, width: 400 };
  it('puts the bar end at the score and the whiskers at the interval', () => {
    expect(ciBar(0.75, [0.6, 0.85], axis)).toEqual({ barWidth: 300, scoreX: 300, loX: 240, hiX: 340 });
  });
  it('draws no whiskers beyond the score when there is no interval', () => {
    expect(ciBar(0.5, null, axis)).toEqual({ barWidth: 200, scoreX: 200, loX: 200, hiX: 200 });
  });
  it('clamps an interval past the axis ends and orders a reversed one', () => {
    expect(ciBar(0.95, [1.2, 0.8], axis)).toEqual({ barWidth: 380, scoreX: 380, loX: 320, hiX: 400 });
    expect(xOf(-1, axis)).toBe(0);
  });
  it('draws nothing on an empty axis instead of dividing by zero', () => {
    expect(xOf(0.5, { min: 1, max: 1, width: 100 })).toBe(0);
  });
});

describe('ticks and overlaps', () => {
  it('spaces ticks evenly from end to end', () => {
    expect(ticks({ min: 0, max: 1, width: 10 })).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ticks({ min: 0, max: 2, width: 10 }, 2)).toEqual([0, 1, 2]);
  });
  it('says whether two intervals share any value', () => {
    expect(overlaps([0.1, 0.3], [0.3, 0.5])).toBe(true);
    expect(overlaps([0.1, 0.29], [0.3, 0.5])).toBe(false);
    expect(overlaps([0.5, 0.3], [0.4, 0.45])).toBe(true);
  });
});
