import { describe, expect, it } from 'vitest';
import { topLevelMembers } from './json-members.ts';

describe('topLevelMembers', () => {
  it('slices each member value as written, whatever it holds', () => {
    const value = {
      a: 'plain',
      b: 'quote " and backslash \\ and \\" and a trailing backslash \\',
      c: { nested: ['}', ']', '{', '[', '"', { deep: [1, 2, { x: null }] }], empty: {} },
      d: [],
      e: -1.5e-7,
      f: true,
      g: null,
      h: 'unicode é 😀 \u2028 \u0000 tab\t',
      'key "with" quotes': 0,
    };
    const json = JSON.stringify(value);
    const members = topLevelMembers(json);
    expect(members).not.toBeNull();
    expect([...members!.keys()]).toEqual(Object.keys(value));
    for (const [key, raw] of members!) expect(JSON.parse(raw)).toEqual(value[key as keyof typeof value]);
    expect(members!.get('c')).toBe(JSON.stringify(value.c));
    expect(topLevelMembers('{}')!.size).toBe(0);
  });

  it('gives null for text that is not one compact object', () => {
    for (const bad of ['[1,2]', '"x"', '{"a":1} ', '{ "a": 1 }', '{"a":1,}', '{"a":"open}', '{"a"}', '']) expect(topLevelMembers(bad)).toBeNull();
  });
});
