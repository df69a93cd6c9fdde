// Nesting is measured and cut at an exact level, without recursing past the limit (so any depth is safe).
import { describe, expect, it } from 'vitest';
import { cutNesting, nestsDeeperThan } from './nesting.ts';

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('nesting', () => {
  it('counts the value itself as level 1 and ignores scalars', () => {
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan([], 0)).toBe(true);
    expect(nestsDeeperThan(nested(200), 200)).toBe(false);
    expect(nestsDeeperThan(nested(201), 200)).toBe(true);
    expect(nestsDeeperThan({ a: { b: [1, { c: 2 }] } }, 4)).toBe(false);
    expect(nestsDeeperThan({ a: { b: [1, { c: {} }] } }, 4)).toBe(true);
  });

  it('measures and cuts 100,000 levels without overflowing the stack', () => {
    const deep = nested(100_000);
    expect(nestsDeeperThan(deep)).toBe(true);
    const cut = cutNesting({ keep: 'me', deep }, 'CUT', 3);
    expect(cut).toEqual({ keep: 'me', deep: [['CUT']] });
  });

  it('shares parts that are shallow enough and leaves the input untouched', () => {
    const shallow = { x: [1, 2] };
    const input = { shallow, deep: nested(10) };
    const cut = cutNesting(input, '…', 4) as { shallow: unknown; deep: unknown };
    expect(cut.shallow).toBe(shallow);
    expect(cut.deep).toEqual([[['…']]]);
    expect(nestsDeeperThan(input.deep, 9)).toBe(true);
  });

  it('keeps an own "__proto__" key as data when it copies', () => {
    const input = JSON.parse('{"__proto__": {"a": [[[]]]}}') as Record<string, unknown>;
    const cut = cutNesting(input, 'CUT', 3) as Record<string, unknown>;
    expect(Object.hasOwn(cut, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(cut)).toBe(Object.prototype);
  });
});
