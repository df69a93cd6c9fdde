import { describe, expect, it } from 'vitest';
import { orderedJson, sortedJson } from './sorted-json.ts';

describe('sortedJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(sortedJson({ b: 1, a: [{ d: 1, c: undefined, B: 2 }], é: null })).toBe('{"a":[{"B":2,"d":1}],"b":1,"é":null}');
  });

  it('gives the same text whatever the key insertion order, integer-like keys included', () => {
    expect(sortedJson({ z: 1, 10: 'x', a: 2, 2: 'y' })).toBe('{"2":"y","10":"x","a":2,"z":1}');
    expect(sortedJson({ 2: 'y', a: 2, 10: 'x', z: 1 })).toBe(sortedJson({ z: 1, 10: 'x', a: 2, 2: 'y' }));
  });

  it('keeps the top-level order given to orderedJson and sorts below it', () => {
    expect(orderedJson([['z', 1], ['skip', undefined], ['a', { y: 1, x: 2 }]])).toBe('{"z":1,"a":{"x":2,"y":1}}');
  });
});
