import { describe, expect, it } from 'vitest';
import { estimateJaccard, MinHasher } from './minhash.ts';
import { exactJaccard, mulberry32, randomWords } from './test-data.ts';

const K = 128;

function sign(hasher: MinHasher, text: string): Uint32Array {
  const out = new Uint32Array(hasher.numHashes);
  hasher.sign(text, out, 0);
  return out;
}

describe('MinHasher', () => {
  it('is deterministic, and depends on the seed', () => {
    const text = 'the same prompt every time';
    expect(sign(new MinHasher(), text)).toEqual(sign(new MinHasher(), text));
    expect(sign(new MinHasher({ seed: 1 }), text)).not.toEqual(sign(new MinHasher({ seed: 2 }), text));
  });

  it('writes at an offset without touching the rest of the buffer', () => {
    const hasher = new MinHasher({ numHashes: 8 });
    const out = new Uint32Array(24).fill(7);
    hasher.sign('hello there', out, 8);
    expect([...out.subarray(0, 8)]).toEqual(Array(8).fill(7));
    expect([...out.subarray(16)]).toEqual(Array(8).fill(7));
    expect(out.subarray(8, 16)).toEqual(sign(hasher, 'hello there'));
  });

  it('signs nothing for empty text and one shingle for text shorter than a shingle', () => {
    const hasher = new MinHasher();
    expect(hasher.sign('', new Uint32Array(K), 0)).toBe(false);
    const a = sign(hasher, 'abc');
    expect(estimateJaccard(a, 0, sign(hasher, 'abc'), 0, K)).toBe(1);
    expect(estimateJaccard(a, 0, sign(hasher, 'abd'), 0, K)).toBeLessThan(0.1);
  });

  it('estimates the Jaccard similarity of 5-gram sets', () => {
    const random = mulberry32(42);
    const hasher = new MinHasher();
    let totalError = 0;
    const pairs = 60;
    for (let p = 0; p < pairs; p++) {
      const words = randomWords(random, 20 + Math.floor(random() * 60));
      // Replace a random share of the words, giving similarities across the whole range.
      const share = random();
      const other = words.map((w) => (random() < share ? (randomWords(random, 1)[0] as string) : w));
      const a = words.join(' ');
      const b = other.join(' ');
      const estimate = estimateJaccard(sign(hasher, a), 0, sign(hasher, b), 0, K);
      const exact = exactJaccard(a, b);
      // ~4.4 standard deviations of the estimator at its worst (s = 0.5, K = 128).
      expect(Math.abs(estimate - exact), `${exact}`).toBeLessThan(0.2);
      totalError += Math.abs(estimate - exact);
    }
    expect(totalError / pairs).toBeLessThan(0.04);
  });

  it('rejects a signature length that is not a power of two', () => {
    expect(() => new MinHasher({ numHashes: 100 })).toThrow(/power of two/);
  });
});
