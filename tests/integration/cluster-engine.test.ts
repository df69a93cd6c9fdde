// The clustering engine end to end in worker threads: known groups recovered, outliers flagged, scores
// in range, new rows assigned consistently, names distinctive, merge/split, map, cancel.
import { beforeAll, describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../bench/lib/metrics.ts';
import { assignVectors, clusterVectors, layout2d, mergeClusters, nameClustersOffline, splitCluster } from '../../src/main/core/clusters/engine/cluster-api.ts';
import type { Clustering } from '../../src/main/core/clusters/engine/types.ts';
import { BuiltinEmbedder, fitBuiltinEmbedder } from '../../src/main/core/embed/builtin-embedder.ts';
import { createRng, gaussian } from '../../src/main/core/platform/random.ts';

/**
 * Eight intents; every template of an intent shares its key word, as real requests of one intent share
 * vocabulary. {a} is filled from the intent's slot words. Noise rows are random letter strings.
 */
const INTENTS: Record<string, { templates: string[]; slots: string[] }> = {
  refund: { templates: ['please refund the double charge on my {a}', 'I want a refund for my {a}', 'refund request: charged twice for {a}'], slots: ['order', 'card payment', 'subscription', 'ticket'] },
  password: { templates: ['reset my password for {a}', 'forgot the password of {a}', 'password not accepted on {a}'], slots: ['my account', 'the app', 'online banking', 'email'] },
  weather: { templates: ['weather forecast for {a} tomorrow', 'what is the weather in {a}', 'weather in {a} this weekend, any rain?'], slots: ['Paris', 'Berlin', 'Madrid', 'Oslo'] },
  sql: { templates: ['write a SQL query to {a}', 'SQL query that can {a} per customer', 'fix my SQL query to {a}'], slots: ['sum revenue', 'count rows', 'group sales', 'find duplicates'] },
  translate: { templates: ['translate {a} into French', 'please translate "{a}" to Spanish', 'translate the phrase {a} to German'], slots: ['good morning', 'thank you very much', 'where is the station', 'the bill please'] },
  recipe: { templates: ['recipe for {a}', 'easy {a} recipe for dinner', 'vegetarian recipe: {a}'], slots: ['lasagna', 'banana bread', 'pizza dough', 'apple pie'] },
  flight: { templates: ['book a flight to {a}', 'cheap flight to {a} in June', 'change my flight to {a}'], slots: ['Tokyo', 'New York', 'Lisbon', 'Sydney'] },
  poem: { templates: ['write a poem about {a}', 'short poem on {a}', 'a rhyming poem about {a} for a card'], slots: ['the sea', 'autumn leaves', 'my cat', 'friendship'] },
};

function randomWord(rng: () => number): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  return Array.from({ length: 5 + Math.floor(rng() * 4) }, () => letters[Math.floor(rng() * letters.length)]).join('');
}

function corpus(perIntent: number, noise: number, seed: number): { texts: string[]; labels: string[] } {
  const rng = createRng(seed);
  const texts: string[] = [];
  const labels: string[] = [];
  for (const [intent, { templates, slots }] of Object.entries(INTENTS)) {
    for (let i = 0; i < perIntent; i++) {
      const t = templates[Math.floor(rng() * templates.length)]!;
      texts.push(t.replace('{a}', slots[Math.floor(rng() * slots.length)]!) + (rng() < 0.3 ? ' thanks' : ''));
      labels.push(intent);
    }
  }
  for (let i = 0; i < noise; i++) {
    texts.push(Array.from({ length: 4 }, () => randomWord(rng)).join(' '));
    labels.push(`noise-${i}`);
  }
  return { texts, labels };
}

/** k well-separated Gaussian blobs on the unit sphere plus uniform noise (labels -1). */
function blobs(k: number, per: number, noise: number, d: number, sigma: number, seed: number): { v: Float32Array; y: number[]; n: number } {
  const rng = createRng(seed);
  const centers = Array.from({ length: k }, () => Array.from({ length: d }, () => gaussian(rng)));
  const n = k * per + noise;
  const v = new Float32Array(n * d);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i < k * per ? Math.floor(i / per) : -1;
    y.push(c);
    let s = 0;
    for (let t = 0; t < d; t++) {
      const x = c >= 0 ? centers[c]![t]! / Math.sqrt(d) + gaussian(rng) * sigma : gaussian(rng);
      v[i * d + t] = x;
      s += x * x;
    }
    for (let t = 0; t < d; t++) v[i * d + t] = v[i * d + t]! / Math.sqrt(s);
  }
  return { v, y, n };
}

function checkShape(c: Clustering, n: number): void {
  expect(c.labels.length).toBe(n);
  expect(c.scores.length).toBe(n);
  const ids = new Set(c.clusters.map((x) => x.id));
  for (let i = 0; i < n; i++) {
    expect(c.labels[i] === -1 || ids.has(c.labels[i]!)).toBe(true);
    expect(ids.has(c.nearest[i]!)).toBe(true);
    expect(c.scores[i]).toBeGreaterThanOrEqual(0);
    expect(c.scores[i]).toBeLessThanOrEqual(1);
    if (c.labels[i] === -1) expect(c.scores[i]).toBe(0);
  }
  let sized = 0;
  for (const cl of c.clusters) sized += cl.size;
  let outliers = 0;
  for (const l of c.labels) if (l === -1) outliers++;
  expect(sized + outliers).toBe(n);
  expect(c.outlierShare).toBeCloseTo(n === 0 ? 0 : outliers / n, 10);
  // Every cluster sits in exactly one top-level group.
  const children = c.topLevel.flatMap((g) => g.childIds).sort((a, b) => a - b);
  expect(children).toEqual([...ids].sort((a, b) => a - b));
  for (const cl of c.clusters) expect(c.topLevel.find((g) => g.id === cl.parent)?.childIds).toContain(cl.id);
}

describe('clustering Gaussian blobs (vector space)', () => {
  const d = 32;
  const { v, y, n } = blobs(6, 150, 45, d, 0.08, 3);
  let c: Clustering;
  beforeAll(async () => {
    c = await clusterVectors(v, n, d);
  });

  it('recovers the blobs without being told k', () => {
    checkShape(c, n);
    // Blobs are far apart (centres nearly orthogonal) and tight: anything but a near-perfect recovery
    // (e.g. one blob split in two, which alone costs ~0.1 ARI) is a failure of the method.
    const truth = y.map((l, i) => (l < 0 ? `noise-${i}` : `b${l}`));
    expect(adjustedRandIndex(truth, c.labels)).toBeGreaterThan(0.9);
    expect(c.clusters.length).toBeGreaterThanOrEqual(6);
    expect(c.clusters.length).toBeLessThanOrEqual(8);
  });

  it('marks the uniform noise as outliers, and few blob rows', () => {
    let noiseOut = 0;
    let blobOut = 0;
    for (let i = 0; i < n; i++) {
      if (c.labels[i] !== -1) continue;
      if (y[i]! < 0) noiseOut++;
      else blobOut++;
    }
    expect(noiseOut / 45).toBeGreaterThan(0.8);
    expect(blobOut / (n - 45)).toBeLessThan(0.05);
    expect(c.outlierShare).toBeLessThan(0.15);
  });

  it('assigns the same rows back to the same clusters with the same scores', async () => {
    const a = await assignVectors(v, n, c);
    expect(Array.from(a.labels)).toEqual(Array.from(c.labels));
    expect(Array.from(a.nearest)).toEqual(Array.from(c.nearest));
    for (let i = 0; i < n; i += 17) expect(a.scores[i]).toBeCloseTo(c.scores[i]!, 5);
  });

  it('assigns new rows of a blob to that blob, and far-away rows as outliers', async () => {
    const fresh = blobs(6, 20, 10, d, 0.08, 3);
    // Same seed, same centres: rows 0..119 are new draws from the same blobs (different noise).
    const a = await assignVectors(fresh.v, fresh.n, c);
    const blobToCluster = new Map<number, number>();
    for (let i = 0; i < n; i++) if (y[i]! >= 0 && c.labels[i] !== -1) blobToCluster.set(y[i]!, c.labels[i]!);
    let right = 0;
    for (let i = 0; i < 120; i++) if (a.labels[i] === blobToCluster.get(fresh.y[i]!)) right++;
    expect(right / 120).toBeGreaterThan(0.9);
    let far = 0;
    for (let i = 120; i < fresh.n; i++) if (a.labels[i] === -1) far++;
    expect(far).toBeGreaterThanOrEqual(8);
  });

  it('merges and splits clusters, keeping ids of untouched clusters', async () => {
    const [a, b] = [c.clusters[0]!, c.clusters[1]!];
    const merged = await mergeClusters(c, v, [a.id, b.id]);
    checkShape(merged, n);
    expect(merged.clusters.length).toBe(c.clusters.length - 1);
    const kept = merged.clusters.find((x) => x.id === a.id)!;
    expect(kept.size).toBeGreaterThanOrEqual(a.size + b.size - 5);
    for (const other of c.clusters.slice(2)) expect(merged.clusters.find((x) => x.id === other.id)?.size).toBe(other.size);

    const split = await splitCluster(merged, v, a.id, { parts: 2 });
    checkShape(split, n);
    expect(split.clusters.length).toBe(c.clusters.length);
    const newId = Math.max(...merged.clusters.map((x) => x.id)) + 1;
    expect(split.clusters.some((x) => x.id === newId)).toBe(true);
    // The split recovers the two original blobs.
    const rows = [...Array(n).keys()].filter((i) => merged.labels[i] === a.id && split.labels[i] !== -1);
    expect(adjustedRandIndex(rows.map((i) => c.labels[i]!), rows.map((i) => split.labels[i]!))).toBeGreaterThan(0.9);

    const auto = await splitCluster(merged, v, a.id);
    expect(auto.clusters.length).toBeGreaterThanOrEqual(c.clusters.length);
  });

  it('draws a map in [-1, 1] where rows sit beside their own blob', async () => {
    const xy = await layout2d(v, n, d);
    expect(xy.length).toBe(2 * n);
    for (const x of xy) expect(Math.abs(x)).toBeLessThanOrEqual(1 + 1e-6);
    // Nearest 2-D neighbour of a blob row is in the same blob.
    let same = 0;
    let total = 0;
    for (let i = 0; i < n; i += 7) {
      if (y[i]! < 0) continue;
      let best = -1;
      let bd = Infinity;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const dd = (xy[2 * i]! - xy[2 * j]!) ** 2 + (xy[2 * i + 1]! - xy[2 * j + 1]!) ** 2;
        if (dd < bd) {
          bd = dd;
          best = j;
        }
      }
      total++;
      if (y[best] === y[i]) same++;
    }
    expect(same / total).toBeGreaterThan(0.95);
  });

  it('places rows beyond the layout sample next to their sampled neighbours', async () => {
    const xy = await layout2d(v, n, d, { sampleSize: 300 });
    const centre = (b: number): [number, number] => {
      let x = 0;
      let yy = 0;
      let k = 0;
      for (let i = 0; i < n; i++) {
        if (y[i] !== b) continue;
        x += xy[2 * i]!;
        yy += xy[2 * i + 1]!;
        k++;
      }
      return [x / k, yy / k];
    };
    const centres = [0, 1, 2, 3, 4, 5].map(centre);
    let closest = 0;
    for (let i = 0; i < n - 45; i++) {
      const dists = centres.map(([cx, cy]) => (xy[2 * i]! - cx) ** 2 + (xy[2 * i + 1]! - cy) ** 2);
      if (dists.indexOf(Math.min(...dists)) === y[i]) closest++;
    }
    expect(closest / (n - 45)).toBeGreaterThan(0.95);
  });

  it('treats unnormalised input as its unit vectors', async () => {
    const scaled = Float32Array.from(v, (x, i) => x * (1 + (Math.floor(i / d) % 5)));
    const again = await clusterVectors(scaled, n, d);
    expect(Array.from(again.labels)).toEqual(Array.from(c.labels));
    const a = await assignVectors(scaled, n, c);
    expect(Array.from(a.labels)).toEqual(Array.from(c.labels));
  });

  it('rejects with AbortError when cancelled', async () => {
    const big = blobs(10, 2000, 0, 64, 0.1, 9);
    const ac = new AbortController();
    let abortedAt = 0;
    const p = clusterVectors(big.v, big.n, 64, { signal: ac.signal });
    setTimeout(() => {
      abortedAt = Date.now();
      ac.abort();
    }, 100);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - abortedAt).toBeLessThan(500);
  });
});

describe('tiny inputs', () => {
  it('clusters, lays out and names 0 to 3 rows without failing', async () => {
    const texts = ['refund my order', 'refund my card payment', 'weather in Paris'];
    const e = await fitBuiltinEmbedder(texts);
    for (let n = 0; n <= 3; n++) {
      const v = e.embedSync(texts.slice(0, n));
      const c = await clusterVectors(v, n, e.dimensions);
      checkShape(c, n);
      expect(c.clusters.length).toBe(n === 0 ? 0 : 1);
      const xy = await layout2d(v, n, e.dimensions);
      expect(xy.length).toBe(2 * n);
      expect(xy.every(Number.isFinite)).toBe(true);
      const names = await nameClustersOffline(texts.slice(0, n), c.labels);
      expect(names.length).toBe(new Set(Array.from(c.labels).filter((l) => l >= 0)).size);
    }
  });
});

describe('clustering prompts with the built-in embedder', () => {
  const { texts, labels } = corpus(110, 30, 1);
  const n = texts.length;
  let e: BuiltinEmbedder;
  let v: Float32Array;
  let c: Clustering;
  beforeAll(async () => {
    e = await fitBuiltinEmbedder(texts);
    v = await e.embed(texts);
    c = await clusterVectors(v, n, e.dimensions);
  });

  it('recovers the intents', () => {
    checkShape(c, n);
    // Each intent has its own vocabulary, so a lexical embedding separates them; the bar allows one
    // intent split in two (ARI ≈ 0.9) plus some stray rows, not a merge of two intents.
    expect(adjustedRandIndex(labels, c.labels)).toBeGreaterThan(0.8);
    expect(c.outlierShare).toBeLessThan(0.15);
  });

  it('follows the coarser ↔ finer knob and the minimum cluster size', async () => {
    const coarse = await clusterVectors(v, n, e.dimensions, { granularity: -1 });
    const fine = await clusterVectors(v, n, e.dimensions, { granularity: 1 });
    expect(coarse.clusters.length).toBeLessThanOrEqual(c.clusters.length);
    expect(fine.clusters.length).toBeGreaterThan(c.clusters.length);
    expect(fine.params.resolution).toBeGreaterThan(coarse.params.resolution);
    const big = await clusterVectors(v, n, e.dimensions, { granularity: 1, minClusterSize: 60 });
    // Sizes exclude outliers, which may take a few rows below the minimum.
    for (const cl of big.clusters) expect(cl.size).toBeGreaterThan(50);
    expect(big.params.minClusterSize).toBe(60);
  });

  it('names clusters by their distinctive terms, not shared filler, with central examples', async () => {
    const names = await nameClustersOffline(texts, c.labels, { scores: c.scores });
    expect(names).toHaveLength(c.clusters.length);
    const vocab: Record<string, string[]> = {
      refund: ['refund', 'charge'],
      password: ['password'],
      weather: ['weather', 'rain', 'forecast'],
      sql: ['sql', 'query'],
      translate: ['translate', 'french', 'spanish', 'german', 'phrase'],
      recipe: ['recipe', 'vegetarian', 'dinner'],
      flight: ['flight', 'book'],
      poem: ['poem', 'rhyming'],
    };
    let matched = 0;
    for (const nm of names) {
      expect(nm.name).not.toMatch(/\bthanks\b|\bplease\b/);
      expect(nm.name.split(' · ').length).toBeLessThanOrEqual(3);
      expect(nm.representatives.length).toBeGreaterThan(0);
      // The cluster's majority intent and whether its name uses that intent's words.
      const count = new Map<string, number>();
      for (let i = 0; i < n; i++) if (c.labels[i] === nm.clusterId) count.set(labels[i]!, (count.get(labels[i]!) ?? 0) + 1);
      const major = [...count.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      if (vocab[major]?.some((w) => nm.name.toLowerCase().includes(w))) matched++;
      for (const r of nm.representatives) expect(c.labels[r]).toBe(nm.clusterId);
    }
    expect(matched / names.length).toBeGreaterThan(0.8);
  });

  it('assigns newly imported prompts to the existing clusters with the stored embedder', async () => {
    const restored = new BuiltinEmbedder(e.serialize());
    const later = corpus(10, 0, 99);
    const lv = restored.embedSync(later.texts);
    const a = await assignVectors(lv, later.texts.length, c);
    // Map each intent to the cluster most of its original rows went to, then check the new rows.
    const home = new Map<string, number>();
    for (const intent of Object.keys(INTENTS)) {
      const count = new Map<number, number>();
      for (let i = 0; i < n; i++) if (labels[i] === intent && c.labels[i]! >= 0) count.set(c.labels[i]!, (count.get(c.labels[i]!) ?? 0) + 1);
      home.set(intent, [...count.entries()].sort((x, y) => y[1] - x[1])[0]![0]);
    }
    let right = 0;
    later.labels.forEach((l, i) => {
      if (a.labels[i] === home.get(l)) right++;
    });
    expect(right / later.labels.length).toBeGreaterThan(0.8);
  });
});
