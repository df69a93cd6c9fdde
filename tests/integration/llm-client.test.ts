// The OpenAI-compatible chat client against a local fake server.
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/platform/db/connection.ts';
import { MemoryChatCache } from '../../src/main/core/llm/chat-cache.ts';
import type { ChatClient } from '../../src/main/core/llm/chat-client.ts';
import type { LlmEndpoint } from '../../src/main/core/llm/llm-config.ts';
import { LlmService, type LlmServiceOptions } from '../../src/main/core/llm/llm-service.ts';
import { UsageRepository } from '../../src/main/core/llm/usage-repository.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';

describe('chat client', () => {
  let server: FakeOpenAiServer;
  let endpoint: LlmEndpoint;
  let dir: ReturnType<typeof makeTempDir>;
  /** A chat client on a service of its own, so each test starts with a fresh limit and pause. */
  const chatClient = (opts: LlmServiceOptions = {}): ChatClient => new LlmService(opts).chat(endpoint, { feature: 'test' });
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
    endpoint = { baseUrl: server.baseUrl, apiKey: 'sk-test', model: 'gpt-4o-mini', source: { baseUrl: 'env', apiKey: 'env', model: 'env' } };
    dir = makeTempDir();
  });
  afterAll(async () => {
    await server.close();
    dir.remove();
  });
  beforeEach(() => {
    server.reset();
    server.chatReply = (_b, i) => `reply ${i}`;
  });

  it('records tokens, cost and latency per call and in total', async () => {
    const db = openDatabase(join(dir.path, 'usage.sqlite'));
    const usage = new UsageRepository(db);
    const client = chatClient({ usage });
    const r = await client.chat({ messages: [{ role: 'user', content: 'hello there' }], json: true });
    expect(r.text).toMatch(/^reply \d+$/);
    expect(r.promptTokens).toBeGreaterThan(0);
    expect(r.cost).toBeCloseTo((r.promptTokens * 0.15 + r.completionTokens * 0.6) / 1e6, 12);
    expect(r.latencyMs).toBeGreaterThan(0);
    expect(server.requests[0]!.body.response_format).toEqual({ type: 'json_object' });
    expect(client.totals.calls).toBe(1);
    expect(client.totals.promptTokens).toBe(r.promptTokens);
    expect(usage.list()).toHaveLength(1);
    db.close();
  });

  it('limits concurrency and answers identical calls from the cache', async () => {
    server.delayMs = 30;
    const cache = new MemoryChatCache();
    const client = chatClient({ concurrency: 2, cache });
    const ask = (i: number) => client.chat({ messages: [{ role: 'user', content: `question ${i}` }] });
    await Promise.all([0, 1, 2, 3, 4, 5].map(ask));
    expect(server.maxInFlight['/v1/chat/completions']).toBe(2);
    const again = await ask(3);
    expect(again.cached).toBe(true);
    expect(again.cost).toBe(0);
    expect(server.requests).toHaveLength(6);
    expect(client.totals.cachedCalls).toBe(1);
  });

  it('backs off on 429 and pauses the queue', async () => {
    server.failures['/v1/chat/completions'] = [{ status: 429, retryAfter: 0.3 }];
    const client = chatClient({ concurrency: 1 });
    const t0 = Date.now();
    const results = await Promise.all([1, 2].map((i) => client.chat({ messages: [{ role: 'user', content: `q${i}` }] })));
    expect(new Set(results.map((r) => r.text)).size).toBe(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(server.requests).toHaveLength(3);
  });

  it('asks again without JSON mode when the server rejects response_format', async () => {
    server.failures['/v1/chat/completions'] = [{ status: 400, body: { error: { message: "'response_format.type' must be 'json_schema' or 'text'", type: 'invalid_request_error' } } }];
    const client = chatClient();
    const r = await client.chat({ messages: [{ role: 'user', content: 'json please' }], json: true });
    expect(r.text).toMatch(/^reply/);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body.response_format).toBeUndefined();
    await client.chat({ messages: [{ role: 'user', content: 'again' }], json: true });
    expect(server.requests[2]!.body.response_format).toBeUndefined();
  });

  it('gives up after maxRetries and rejects when aborted', async () => {
    server.failures['/v1/chat/completions'] = [{ status: 500 }, { status: 500 }, { status: 500 }];
    const client = chatClient({ maxRetries: 1, baseDelayMs: 5 });
    await expect(client.chat({ messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 500 });
    server.failures = {};
    server.delayMs = 2000;
    const ac = new AbortController();
    const p = client.chat({ messages: [{ role: 'user', content: 'slow' }] }, ac.signal);
    setTimeout(() => ac.abort(), 30);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});
