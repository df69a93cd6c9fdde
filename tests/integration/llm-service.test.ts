// The shared LLM service against a local fake server: one limit and one 429 pause per endpoint across
// features, the persistent response cache, structured output, and usage recorded per feature and job.
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OpenAiEmbedder } from '../../src/main/core/embed/openai-embedder.ts';
import { LlmCacheRepository } from '../../src/main/core/llm/llm-cache-repository.ts';
import type { LlmEndpoint } from '../../src/main/core/llm/llm-config.ts';
import { LlmService } from '../../src/main/core/llm/llm-service.ts';
import { parseJsonReply, structured } from '../../src/main/core/llm/structured.ts';
import { UsageRepository } from '../../src/main/core/llm/usage-repository.ts';
import { openDatabase } from '../../src/main/core/platform/db/connection.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const CHAT = '/v1/chat/completions';
const EMBED = '/v1/embeddings';

let server: FakeOpenAiServer;
let dir: ReturnType<typeof makeTempDir>;
let chatEndpoint: LlmEndpoint;
const texts = (n: number, tag: string): string[] => Array.from({ length: n }, (_, i) => `${tag} text ${i}`);
const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] });

beforeAll(async () => {
  server = await startFakeOpenAiServer({ dims: 8 });
  dir = makeTempDir();
  chatEndpoint = { baseUrl: server.baseUrl, apiKey: 'sk-test', model: 'gpt-4o-mini', source: { baseUrl: 'env', apiKey: 'env', model: 'env' } };
});
afterAll(async () => {
  await server.close();
  dir.remove();
});
beforeEach(() => {
  server.reset();
  server.chatReply = (_b, i) => `reply ${i}`;
});

describe('one client per endpoint', () => {
  // Not by model: the shared-limit test below runs a chat model and an embedding model on one endpoint.
  it('is keyed by base URL and key', () => {
    const llm = new LlmService();
    const a = llm.endpoint({ baseUrl: server.baseUrl, apiKey: 'sk-test' });
    expect(llm.endpoint({ baseUrl: `${server.baseUrl}/`, apiKey: 'sk-test' })).toBe(a);
    expect(llm.endpoint({ baseUrl: server.baseUrl, apiKey: 'sk-other' })).not.toBe(a);
    expect(llm.endpoint(chatEndpoint)).toBe(a);
  });

  it('counts chat and embedding calls against one shared limit', async () => {
    server.delayMs = 40;
    const llm = new LlmService({ concurrency: 2 });
    const naming = llm.chat(chatEndpoint, { feature: 'cluster-naming' });
    const embedder = new OpenAiEmbedder(llm.endpoint(chatEndpoint), 'text-embedding-3-small', { batchSize: 10 });
    await Promise.all([embedder.embed(texts(60, 'e')), ...[0, 1, 2, 3, 4, 5].map((i) => naming.chat(ask(`question ${i}`)))]);
    expect(server.requests.filter((r) => r.path === CHAT)).toHaveLength(6);
    expect(server.requests.filter((r) => r.path === EMBED)).toHaveLength(6);
    expect(server.maxInFlightTotal).toBe(2);
  });

  it("pauses every feature's calls on a 429 with Retry-After", async () => {
    server.failures[CHAT] = [{ status: 429, retryAfter: 0.5 }];
    const llm = new LlmService({ concurrency: 4, baseDelayMs: 5 });
    const naming = llm.chat(chatEndpoint, { feature: 'cluster-naming' });
    const embedder = new OpenAiEmbedder(llm.endpoint(chatEndpoint), 'text-embedding-3-small', { batchSize: 10 });
    const chat = naming.chat(ask('rate limited'));
    // The embedding starts after the refusal has arrived, on free slots: only the shared pause holds it back.
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([chat, embedder.embed(texts(30, 'p'))]);
    const refused = server.requests.find((r) => r.status === 429)!;
    const later = server.requests.filter((r) => r !== refused);
    expect(later.map((r) => r.path).sort()).toEqual([CHAT, EMBED, EMBED, EMBED]);
    for (const r of later) expect(r.at - refused.at).toBeGreaterThanOrEqual(480);
  });

  it("makes a call that already holds a slot wait out another call's 429 before it retries", async () => {
    server.delayMs = 50;
    server.failures[CHAT] = [{ status: 429, retryAfter: 0.5 }, { status: 503 }];
    const naming = new LlmService({ concurrency: 2, baseDelayMs: 30 }).chat(chatEndpoint, { feature: 'cluster-naming' });
    await Promise.all([naming.chat(ask('first')), naming.chat(ask('second'))]);
    const refused = server.requests.find((r) => r.status === 429)!;
    const retries = server.requests.slice(2);
    expect(retries).toHaveLength(2);
    for (const r of retries) expect(r.at - refused.at).toBeGreaterThanOrEqual(480);
  });

  it('stops a call at its timeout', async () => {
    server.delayMs = 1000;
    const client = new LlmService({ maxRetries: 0 }).chat(chatEndpoint, { feature: 'test', timeoutMs: 100 });
    const t0 = Date.now();
    await expect(client.chat(ask('slow'))).rejects.toThrow(/timed out/i);
    expect(Date.now() - t0).toBeLessThan(800);
  });
});

describe('persistent response cache', () => {
  it('answers a repeated request from SQLite across services, and misses when any field differs', async () => {
    const file = join(dir.path, 'cache.sqlite');
    const first = openDatabase(file);
    const a = new LlmService({ cache: new LlmCacheRepository(first) }).chat(chatEndpoint, { feature: 'test' });
    const original = await a.chat({ ...ask('cache me'), maxTokens: 50 });
    first.close();
    expect(server.requests).toHaveLength(1);

    const second = openDatabase(file);
    const usage = new UsageRepository(second);
    const llm = new LlmService({ cache: new LlmCacheRepository(second), usage });
    const b = llm.chat(chatEndpoint, { feature: 'test', jobId: 7 });
    const again = await b.chat({ ...ask('cache me'), maxTokens: 50 });
    expect(server.requests).toHaveLength(1);
    expect(again).toMatchObject({ text: original.text, promptTokens: original.promptTokens, cached: true, cost: 0 });

    const variants = [
      { ...ask('cache me'), maxTokens: 50, temperature: 0.5 },
      { ...ask('cache me'), maxTokens: 50, json: true },
      { ...ask('cache me'), maxTokens: 51 },
      { ...ask('cache me!'), maxTokens: 50 },
      {
        ...ask('cache me'),
        maxTokens: 50,
        tools: [{ type: 'function' as const, function: { name: 'lookup', parameters: { type: 'object', properties: {} } } }],
      },
    ];
    for (const v of variants) expect((await b.chat(v)).cached).toBe(false);
    const otherModel = llm.chat({ ...chatEndpoint, model: 'gpt-4.1-mini' }, { feature: 'test' });
    expect((await otherModel.chat({ ...ask('cache me'), maxTokens: 50 })).cached).toBe(false);
    expect(server.requests).toHaveLength(1 + variants.length + 1);
    expect(server.requests[2]!.body.response_format).toEqual({ type: 'json_object' });

    // The cached answer is on record as a call, but adds no tokens or cost.
    const totals = usage.totals({ jobId: 7 });
    expect(totals).toMatchObject({ calls: 1 + variants.length, cachedCalls: 1 });
    expect(totals.promptTokens).toBe(usage.list({ jobId: 7 }).filter((r) => !r.cached).reduce((s, r) => s + r.promptTokens, 0));
    second.close();
  });
});

describe('structured()', () => {
  const Label = z.object({ label: z.string().min(1), score: z.number().int() });
  const client = () => new LlmService({ baseDelayMs: 5 }).chat(chatEndpoint, { feature: 'test' });
  const messages = [{ role: 'user' as const, content: 'label this' }];

  it('accepts a valid reply in one call, asking for JSON mode', async () => {
    server.chatReply = () => '```json\n{"label": "billing", "score": 3}\n```';
    const r = await structured(client(), Label, messages);
    expect(r).toMatchObject({ ok: true, value: { label: 'billing', score: 3 } });
    expect(r.calls).toHaveLength(1);
    expect(server.requests[0]!.body.response_format).toEqual({ type: 'json_object' });
  });

  it('sends one corrective retry naming the zod issues, and uses the corrected reply', async () => {
    server.chatReply = (b) => (b.messages.length === 1 ? '{"label": 5}' : 'Here you go: {"label": "login", "score": 1} hope that helps');
    const r = await structured(client(), Label, messages);
    expect(r).toMatchObject({ ok: true, value: { label: 'login', score: 1 } });
    expect(r.calls).toHaveLength(2);
    const retry = server.requests[1]!.body.messages as { role: string; content: string }[];
    expect(retry.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(retry[1]!.content).toBe('{"label": 5}');
    expect(retry[2]!.content).toMatch(/not usable.*label.*score/);
  });

  it('returns a typed failure with the raw reply after two malformed replies, never a guess', async () => {
    server.chatReply = (b) => (b.messages.length === 1 ? 'no json here' : '{"label": "x", "score": 1.5');
    const r = await structured(client(), Label, messages);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/not valid JSON|no JSON object/);
    expect(r.raw).toBe('{"label": "x", "score": 1.5');
    expect(r.calls).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('parses leniently: fences and chatter around the object, but backticks inside strings are kept', () => {
    expect(parseJsonReply('```\n{"label": "a ``` b", "score": 2}\n```', Label)).toEqual({ ok: true, value: { label: 'a ``` b', score: 2 } });
    expect(parseJsonReply('{"label": "", "score": 2}', Label)).toMatchObject({ ok: false, error: expect.stringMatching(/^label:/) });
  });
});

describe('usage records', () => {
  it('records every chat and embedding call with its feature and job', async () => {
    const db = openDatabase(join(dir.path, 'usage.sqlite'));
    const usage = new UsageRepository(db);
    const llm = new LlmService({ usage, prices: { 'gpt-4o-mini': { input: 0.15, output: 0.6 } } });
    await llm.chat(chatEndpoint, { feature: 'cluster-naming', jobId: 3 }).chat(ask('name this'));
    const embedder = new OpenAiEmbedder(llm.endpoint(chatEndpoint), 'local-embed', { batchSize: 5 });
    await embedder.embed(texts(10, 'u'), { jobId: 3 });
    await llm.chat(chatEndpoint, { feature: 'judge' }).chat(ask('judge this'));

    const rows = usage.list();
    expect(rows.map((r) => [r.feature, r.jobId, r.model])).toEqual([
      ['cluster-naming', 3, 'gpt-4o-mini'],
      ['embedding', 3, 'local-embed'],
      ['embedding', 3, 'local-embed'],
      ['judge', null, 'gpt-4o-mini'],
    ]);
    expect(rows.every((r) => r.latencyMs > 0 && r.promptTokens > 0 && !r.cached)).toBe(true);
    const byFeature = usage.byFeature({ jobId: 3 });
    expect(byFeature.map((f) => [f.feature, f.totals.calls])).toEqual([['cluster-naming', 1], ['embedding', 2]]);
    // The embedding model has no price, so the job's cost is known only as a lower bound.
    expect(usage.totals({ jobId: 3 })).toMatchObject({ calls: 3, costIncomplete: true, cost: rows[0]!.cost });
    expect(usage.totals({ feature: 'cluster-naming' }).costIncomplete).toBe(false);
    db.close();
  });
});
