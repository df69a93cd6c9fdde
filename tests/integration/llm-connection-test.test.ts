// "Test connection" through the core against a real local OpenAI-compatible server: each configured model
// is tried once, failures say what to fix, nothing is saved, and the key follows the same rule as a save.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/create-core.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';

describe('providers.test', () => {
  let server: FakeOpenAiServer;
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
    dir = makeTempDir();
    core = createCore({ dataDir: dir.path, env: {} });
  });
  afterAll(async () => {
    await core.close();
    await server.close();
    dir.remove();
  });
  beforeEach(() => server.reset());

  it('tries the chat and the embedding model once each and saves nothing', async () => {
    const result = await core.invoke('providers.test', { name: 'Local', baseUrl: server.baseUrl, defaultChatModel: 'tiny-chat', defaultEmbeddingModel: 'tiny-embed' });
    expect(result.baseUrl).toBe(server.baseUrl);
    expect(result.checks).toEqual([
      { model: 'tiny-chat', purpose: 'chat', ok: true, latencyMs: expect.any(Number), message: null },
      { model: 'tiny-embed', purpose: 'embeddings', ok: true, latencyMs: expect.any(Number), message: null },
    ]);
    expect(server.requests.map((r) => r.path).sort()).toEqual(['/v1/chat/completions', '/v1/embeddings']);
    expect((await core.invoke('providers.list', {})).providers).toEqual([]);
  });

  it('says what the endpoint refused, without retrying', async () => {
    server.failures['/v1/chat/completions'] = [{ status: 401, body: { error: { message: 'Incorrect API key provided' } } }];
    const result = await core.invoke('providers.test', { name: 'Local', baseUrl: server.baseUrl, defaultChatModel: 'tiny-chat' });
    expect(result.checks).toHaveLength(1);
    expect(result.checks[0]).toMatchObject({ ok: false, message: expect.stringMatching(/refused the API key \(401\).*Incorrect API key/) });
    expect(server.requests).toHaveLength(1);
  });

  it('says when nothing listens at the URL', async () => {
    const result = await core.invoke('providers.test', { name: 'Nowhere', baseUrl: 'http://127.0.0.1:9/v1', defaultChatModel: 'tiny-chat' });
    expect(result.checks[0]).toMatchObject({ ok: false, message: expect.stringContaining('could not connect to http://127.0.0.1:9/v1') });
  });

  it('tests a saved provider by id, one model when asked', async () => {
    const saved = await core.invoke('providers.set', { name: 'Saved', baseUrl: server.baseUrl, models: [{ name: 'a', inputPer1M: 0, outputPer1M: 0 }, { name: 'b', inputPer1M: 0, outputPer1M: 0 }] });
    const all = await core.invoke('providers.test', { id: saved.id });
    expect(all.checks.map((c) => c.model)).toEqual(['a', 'b']);
    const one = await core.invoke('providers.test', { id: saved.id, model: 'b' });
    expect(one.checks.map((c) => c.model)).toEqual(['b']);
    await core.invoke('providers.remove', { id: saved.id });
  });

  it('refuses a test with nothing to test', async () => {
    await expect(core.invoke('providers.test', { name: 'Local', baseUrl: server.baseUrl })).rejects.toThrow(/nothing to test/);
  });
});
