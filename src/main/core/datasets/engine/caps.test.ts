import { describe, expect, it } from 'vitest';
import { checkCap, ROW_CAPS } from './caps.ts';

describe('checkCap', () => {
  it('accepts a dataset at its cap', () => {
    expect(checkCap('eval', 9_000, 1_000)).toEqual({ ok: true, cap: 10_000, total: 10_000 });
    expect(checkCap('training', ROW_CAPS.training).ok).toBe(true);
  });

  it('says by how much an eval dataset would go over', () => {
    const check = checkCap('eval', 9_800, 450);
    expect(check).toMatchObject({ ok: false, cap: 10_000, total: 10_250, excess: 250 });
    expect(!check.ok && check.message).toBe(
      'An eval dataset holds at most 10,000 rows. Adding 450 rows to 9,800 would make 10,250: 250 rows over. Leave out some rows, or make it a training dataset.',
    );
  });

  it('says so for a training dataset that already holds too many', () => {
    const check = checkCap('training', 1_000_001);
    expect(!check.ok && check.message).toBe(
      'A training dataset holds at most 1,000,000 rows. It holds 1,000,001: 1 row over. Leave out some rows, or split it into two datasets.',
    );
  });
});
