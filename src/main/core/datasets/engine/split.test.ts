import { describe, expect, it } from 'vitest';
import type { SplitRow } from './split.ts';
import { splitRows } from './split.ts';
import { mulberry32 } from './test-data.ts';
import type { Split } from './types.ts';

/** Conversations of 1–4 rows, a third of rows without a conversation, clusters of chosen group counts. */
function corpus(groupsPerCluster: number[], seed = 1): SplitRow[] {
  const random = mulberry32(seed);
  const rows: SplitRow[] = [];
  let id = 0;
  groupsPerCluster.forEach((groups, cluster) => {
    for (let g = 0; g < groups; g++) {
      if (random() < 0.33) {
        rows.push({ rowId: id++, conversationId: null, clusterId: cluster });
        continue;
      }
      const turns = 1 + Math.floor(random() * 4);
      for (let t = 0; t < turns; t++) rows.push({ rowId: id++, conversationId: `conv-${cluster}-${g}`, clusterId: cluster });
    }
  });
  return rows;
}

function byRow(rows: SplitRow[], splits: Split[]): Map<SplitRow['rowId'], Split> {
  return new Map(rows.map((r, i) => [r.rowId, splits[i] as Split]));
}

describe('splitRows', () => {
  const rows = corpus(Array.from({ length: 40 }, (_, i) => 5 + ((i * 37) % 120)));
  const three = { train: 0.8, validation: 0.1, test: 0.1 };

  it('is deterministic for a seed, differs for another seed, and ignores input order', () => {
    const a = splitRows(rows, three, 42);
    expect(splitRows(rows, three, 42).splits).toEqual(a.splits);
    const other = splitRows(rows, three, 43).splits;
    const moved = other.filter((s, i) => s !== a.splits[i]).length;
    expect(moved).toBeGreaterThan(rows.length * 0.05);
    const shuffled = [...rows].reverse();
    expect(byRow(shuffled, splitRows(shuffled, three, 42).splits)).toEqual(byRow(rows, a.splits));
  });

  it('never lets a conversation straddle two splits', () => {
    const { splits } = splitRows(rows, three, 7);
    const seen = new Map<string, Split>();
    rows.forEach((r, i) => {
      if (r.conversationId === null) return;
      const s = splits[i] as Split;
      expect(seen.get(r.conversationId) ?? s).toBe(s);
      seen.set(r.conversationId, s);
    });
    expect(seen.size).toBeGreaterThan(100);
  });

  it('puts every cluster of useful size on each side and reports the small ones', () => {
    // usefulSize for 0.1 is 10 groups: clusters of exactly 10 and 11 groups must still reach every split.
    const planted = corpus([10, 11, 9, 3, 200, 10, 10, 10], 5);
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = splitRows(planted, three, seed);
      expect(result.usefulSize).toBe(10);
      expect(result.smallClusters).toEqual([2, 3]);
      for (const cluster of [0, 1, 4, 5, 6, 7]) {
        const sides = new Set(planted.flatMap((r, i) => (r.clusterId === cluster ? [result.splits[i]] : [])));
        expect([...sides].sort(), `cluster ${cluster}, seed ${seed}`).toEqual(['test', 'train', 'validation']);
      }
    }
  });

  it('fills an empty split in a useful cluster even when the running proportions point elsewhere', () => {
    // A 100-row conversation leaves one side ~50 rows ahead; the 2-group clusters after it would all land on the
    // other side if only the running proportions decided.
    const planted: SplitRow[] = [{ rowId: 'single', conversationId: null, clusterId: 0 }];
    for (let t = 0; t < 100; t++) planted.push({ rowId: `long-${t}`, conversationId: 'long', clusterId: 0 });
    for (let c = 1; c <= 3; c++) for (const g of ['a', 'b']) planted.push({ rowId: `${c}${g}`, conversationId: null, clusterId: c });
    for (const seed of [1, 2, 3]) {
      const result = splitRows(planted, { train: 0.5, test: 0.5 }, seed);
      expect(result.usefulSize).toBe(2);
      for (let c = 1; c <= 3; c++) {
        const sides = new Set(planted.flatMap((r, i) => (r.clusterId === c ? [result.splits[i]] : [])));
        expect(sides.size, `cluster ${c}, seed ${seed}`).toBe(2);
      }
    }
  });

  it('keeps proportions close to the fractions overall and per large cluster', () => {
    const big = corpus(Array.from({ length: 30 }, () => 150), 9);
    const result = splitRows(big, three, 11);
    const n = big.length;
    expect(result.rows.train + result.rows.validation + result.rows.test).toBe(n);
    expect(Math.abs(result.rows.train / n - 0.8)).toBeLessThan(0.01);
    expect(Math.abs(result.rows.validation / n - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(result.rows.test / n - 0.1)).toBeLessThan(0.01);
    for (let cluster = 0; cluster < 30; cluster++) {
      const inCluster = big.flatMap((r, i) => (r.clusterId === cluster ? [result.splits[i]] : []));
      const testShare = inCluster.filter((s) => s === 'test').length / inCluster.length;
      expect(Math.abs(testShare - 0.1), `cluster ${cluster}`).toBeLessThan(0.05);
    }
  });

  it('makes a two-way split when there is no validation fraction', () => {
    const result = splitRows(rows, { train: 0.7, test: 0.3 }, 1);
    expect(result.rows.validation).toBe(0);
    expect(new Set(result.splits)).toEqual(new Set(['train', 'test']));
    expect(Math.abs(result.rows.test / rows.length - 0.3)).toBeLessThan(0.01);
    expect(result.usefulSize).toBe(4);
  });

  it('treats a row without conversation as its own group and groups rows of one conversation', () => {
    const result = splitRows(
      [
        { rowId: 1, conversationId: null, clusterId: null },
        { rowId: 2, conversationId: 'a', clusterId: null },
        { rowId: 3, conversationId: 'a', clusterId: null },
      ],
      { train: 0.5, test: 0.5 },
      0,
    );
    expect(result.groups.train + result.groups.test).toBe(2);
    expect(result.splits[1]).toBe(result.splits[2]);
  });

  it('refuses fractions that do not add up or leave train or test empty', () => {
    expect(() => splitRows(rows, { train: 0.8, test: 0.3 }, 1)).toThrow(/add up to 1/);
    expect(() => splitRows(rows, { train: 1, test: 0 }, 1)).toThrow(/above 0/);
    expect(() => splitRows(rows, { train: 0.9, validation: -0.1, test: 0.2 }, 1)).toThrow(/from 0 to 1/);
  });
});
