import { describe, expect, it } from 'vitest';
import { chooseBanding, collisionProbability, LshIndex } from './lsh.ts';

describe('chooseBanding', () => {
  it('catches pairs at the threshold with probability ≥ 0.95 using at most numHashes slots', () => {
    for (const threshold of [0.5, 0.7, 0.8, 0.9, 0.95]) {
      const banding = chooseBanding(threshold, 128);
      expect(banding.bands * banding.rows).toBeLessThanOrEqual(128);
      expect(collisionProbability(threshold, banding)).toBeGreaterThanOrEqual(0.95);
      // One more row per band would fall below the target: the choice is the tightest that qualifies.
      const tighter = { rows: banding.rows + 1, bands: Math.floor(128 / (banding.rows + 1)) };
      expect(collisionProbability(threshold, tighter)).toBeLessThan(0.95);
    }
  });

  it('rarely pairs dissimilar prompts at the default threshold', () => {
    const banding = chooseBanding(0.8, 128);
    expect(collisionProbability(0.4, banding)).toBeLessThan(0.05);
    expect(collisionProbability(0.2, banding)).toBeLessThan(0.001);
  });

  it('uses more rows per band for a higher threshold', () => {
    expect(chooseBanding(0.9, 128).rows).toBeGreaterThan(chooseBanding(0.6, 128).rows);
  });

  it('refuses thresholds outside (0, 1)', () => {
    expect(() => chooseBanding(1, 128)).toThrow(RangeError);
    expect(() => chooseBanding(0, 128)).toThrow(RangeError);
  });
});

describe('LshIndex', () => {
  it('finds a signature sharing one band and not one sharing none', () => {
    const index = new LshIndex({ bands: 4, rows: 2 });
    const a = Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = Uint32Array.from([9, 9, 9, 9, 9, 9, 7, 8]); // shares band 3 only
    const c = Uint32Array.from([1, 9, 3, 9, 5, 9, 7, 9]); // shares no whole band
    index.add(10, a, 0);
    const seen = (sig: Uint32Array): number[] => {
      const ids: number[] = [];
      index.query(sig, 0, (id) => (ids.push(id), false));
      return ids;
    };
    expect(seen(a)).toEqual([10, 10, 10, 10]);
    expect(seen(b)).toEqual([10]);
    expect(seen(c)).toEqual([]);
  });
});
