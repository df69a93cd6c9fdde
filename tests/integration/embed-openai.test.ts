// The OpenAI-compatible embedder against a local fake server, through the real `openai` client.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryEmbeddingCache } from '../../src/main/core/embed/embedding-cache.ts';
import { OpenAiEmbedder, type OpenAiEmbedderOptions } from '../../src/main/core/embed/openai-embedder.ts';
import { LlmService, type LlmServiceOptions } from '../../src/main/core/llm/llm-service.ts';
import { fakeEmbedding, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';

let server: FakeOpenAiServer;
/** An embedder on its own service; `service` holds the endpoint's shared settings (limit, retries, prices). */
const embedder = (opts: OpenAiEmbedderOptions = {}, service: LlmServiceOptions = {}, model = 'text-embedding-3-small'): OpenAiEmbedder =>
  new OpenAiEmbedder(new LlmService(service).endpoint({ baseUrl: server.baseUrl, apiKey: 'sk-test' }), model, opts);
const texts = (n: number, tag = 'doc'): string[] => Array.from({ length: n }, (_, i) => `${tag} number ${i} about topic ${i % 7}`);

beforeAll(async () => {
  server = await startFakeOpenAiServer({ dims: 16 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

describe('OpenAI-compatible embedder', () => {
  it('batches, keeps input order (by index, even when the server reorders) and normalises', async () => {
    server.shuffleEmbeddings = true;
    const e = embedder({ batchSize: 64 });
    const input = texts(300);
    const progress: number[] = [];
    const v = await e.embed(input, { onProgress: (p) => progress.push(p.done) });
    expect(server.requests.filter((r) => r.path === '/v1/embeddings')).toHaveLength(5);
    expect(server.requests.map((r) => (r.body.input as string[]).length).sort((a, b) => a - b)).toEqual([44, 64, 64, 64, 64]);
    expect(e.dimensions).toBe(16);
    expect(v.length).toBe(300 * 16);
    expect(progress.at(-1)).toBe(300);
    for (const i of [0, 123, 299]) {
      const raw = fakeEmbedding(input[i]!, 16);
      const norm = Math.hypot(...raw);
      for (let t = 0; t < 16; t++) expect(v[i * 16 + t]).toBeCloseTo(raw[t]! / norm, 5);
    }
  });

  it('answers repeated texts from the content-hash cache and sends duplicates once', async () => {
    const cache = new MemoryEmbeddingCache();
    const e = embedder({ batchSize: 100, cache });
    const input = [...texts(50), ...texts(50)];
    const first = await e.embed(input);
    expect(server.requests.reduce((s, r) => s + (r.body.input as string[]).length, 0)).toBe(50);
    expect(cache.size).toBe(50);
    const again = await e.embed(texts(50));
    expect(server.requests).toHaveLength(1);
    expect(Array.from(again)).toEqual(Array.from(first.subarray(0, 50 * 16)));
    expect(e.usage.cachedTexts).toBe(50);
    expect(e.usage.embeddedTexts).toBe(50);
  });

  it("keeps at most the endpoint's shared limit of requests in flight", async () => {
    server.delayMs = 40;
    const e = embedder({ batchSize: 10 }, { concurrency: 3 });
    await e.embed(texts(120));
    expect(server.requests).toHaveLength(12);
    expect(server.maxInFlight['/v1/embeddings']).toBe(3);
  });

  it('retries a 429 after the Retry-After the server asked for', async () => {
    server.failures['/v1/embeddings'] = [{ status: 429, retryAfter: 0.2 }, { status: 503 }];
    const e = embedder({ batchSize: 100 }, { baseDelayMs: 10 });
    const t0 = Date.now();
    const v = await e.embed(texts(20));
    expect(v.length).toBe(20 * 16);
    expect(server.requests).toHaveLength(3);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    expect(e.usage.requests).toBe(1);
  });

  it('does not retry a client error and reports it', async () => {
    server.failures['/v1/embeddings'] = [{ status: 400, body: { error: { message: 'model not found', type: 'invalid_request_error' } } }];
    const e = embedder({ batchSize: 100 }, {}, 'no-such-model');
    await expect(e.embed(texts(5))).rejects.toThrow(/model not found/);
    expect(server.requests).toHaveLength(1);
  });

  it('stops in-flight requests when aborted', async () => {
    server.delayMs = 2000;
    const e = embedder({ batchSize: 10, concurrency: 2 });
    const ac = new AbortController();
    const t0 = Date.now();
    const p = e.embed(texts(100), { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - t0).toBeLessThan(1000);
    // Queued batches never reached the server.
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });

  it('records tokens and cost from the price table, and unknown prices as null', async () => {
    const priced = embedder({}, { prices: { 'text-embedding-3-small': { input: 0.02, output: 0 } } }, 'text-embedding-3-small');
    await priced.embed(['one two three', 'four five']);
    expect(priced.usage.promptTokens).toBe(5);
    expect(priced.usage.cost).toBeCloseTo((5 * 0.02) / 1e6, 12);
    const local = embedder({}, {}, 'nomic-embed-text');
    await local.embed(['one two']);
    expect(local.usage.cost).toBeNull();
    expect(local.id).toContain('nomic-embed-text');
  });
});
