// Agreement, Cohen's kappa and the best threshold, checked against figures computed another way in the test:
// kappa from the 2x2 closed form 2(ad - bc) / ((a+b)(b+d) + (a+c)(c+d)), and the best agreement by scanning a
// fine grid of thresholds.
import { describe, expect, it } from 'vitest';
import { agreementAt, bestThreshold, type JudgedDecision } from './agreement.ts';

/** a: both accept, b: judge accepts only, c: human accepts only, d: both reject. */
function closedFormKappa(a: number, b: number, c: number, d: number): number {
  return (2 * (a * d - b * c)) / ((a + b) * (b + d) + (a + c) * (c + d));
}

function randomPairs(n: number, seed: number): JudgedDecision[] {
  let s = seed;
  const rand = (): number => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, () => {
    const score = Math.round(rand() * 100) / 100;
    // Humans mostly agree with a judge whose true line is 0.62, with noise.
    return { score, accepted: score + (rand() - 0.5) * 0.3 >= 0.62 };
  });
}

describe('judge-human agreement', () => {
  it('matches a hand-counted table', () => {
    const pairs: JudgedDecision[] = [
      { score: 0.9, accepted: true },
      { score: 0.8, accepted: true },
      { score: 0.7, accepted: false },
      { score: 0.4, accepted: true },
      { score: 0.3, accepted: false },
      { score: 0.2, accepted: false },
    ];
    const f = agreementAt(pairs, 0.5);
    // Judge accepts 0.9, 0.8, 0.7; humans accept 0.9, 0.8, 0.4: a=2, b=1, c=1, d=2.
    expect(f.confusion).toEqual({ bothAccept: 2, judgeOnlyAccept: 1, humanOnlyAccept: 1, bothReject: 2 });
    expect(f.agreement).toBeCloseTo(4 / 6, 12);
    // po = 2/3, pe = 0.5*0.5 + 0.5*0.5 = 0.5, kappa = (2/3 - 1/2) / (1/2) = 1/3.
    expect(f.kappa).toBeCloseTo(1 / 3, 12);
  });

  it('agrees with the closed-form kappa and a grid search on random pairs', () => {
    for (const seed of [1, 7, 42]) {
      const pairs = randomPairs(300, seed);
      for (const t of [0.3, 0.5, 0.62, 0.8]) {
        const f = agreementAt(pairs, t);
        const { bothAccept: a, judgeOnlyAccept: b, humanOnlyAccept: c, bothReject: d } = f.confusion;
        expect(a + b + c + d).toBe(300);
        expect(f.kappa!).toBeCloseTo(closedFormKappa(a, b, c, d), 10);
      }
      let gridBest = 0;
      for (let i = 0; i <= 1000; i++) {
        const t = i / 1000;
        const agree = pairs.filter((p) => (p.score >= t) === p.accepted).length / pairs.length;
        gridBest = Math.max(gridBest, agree);
      }
      const best = bestThreshold(pairs, 0.5)!;
      expect(best.agreement).toBeCloseTo(gridBest, 12);
      expect(agreementAt(pairs, best.threshold).agreement).toBeCloseTo(gridBest, 12);
      expect(Math.abs(best.threshold - 0.62)).toBeLessThan(0.1);
    }
  });

  it('says nothing when nothing is compared or chance agreement is certain', () => {
    expect(agreementAt([], 0.5)).toMatchObject({ compared: 0, agreement: null, kappa: null });
    expect(bestThreshold([], 0.5)).toBeNull();
    const allAccept = agreementAt([{ score: 0.9, accepted: true }, { score: 0.8, accepted: true }], 0.5);
    expect(allAccept.agreement).toBe(1);
    expect(allAccept.kappa).toBeNull();
  });
});
