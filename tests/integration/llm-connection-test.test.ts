// "Test connection" through the core against a real local OpenAI-compatible server: each configured model
// is tried once, failures say what to fix, nothing is saved, and the key follows the same rule as a save.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/create-core.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';

describe('settings.llm.test', () => {
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
    const result = await core.invoke('settings.llm.test', { baseUrl: server.baseUrl, model: 'tiny-chat', embeddingModel: 'tiny-embed' });
    expect(result.baseUrl).toBe(server.baseUrl);
    expect(result.checks).toEqual([
      { model: 'tiny-chat', purpose: 'chat', ok: true, latencyMs: expect.any(Number), message: null },
      { model: 'tiny-embed', purpose: 'embeddings', ok: true, latencyMs: expect.any(Number), message: null },
    ]);
    expect(server.requests.map((r) => r.path).sort()).toEqual(['/v1/chat/completions', '/v1/embeddings']);
    expect(await core.invoke('settings.llm.get', {})).toMatchObject({ baseUrl: null, model: null, source: 'none' });
  });

  it('says what the endpoint refused, without retrying', async () => {
    server.failures['/v1/chat/completions'] = [{ status: 401, body: { error: { message: 'Incorrect API key provided' } } }];
    const result = await core.invoke('settings.llm.test', { baseUrl: server.baseUrl, model: 'tiny-chat', embeddingModel: null });
    expect(result.checks).toHaveLength(1);
    expect(result.checks[0]).toMatchObject({ ok: false, message: expect.stringMatching(/refused the API key \(401\).*Incorrect API key/) });
    expect(server.requests).toHaveLength(1);
  });

  it('says when nothing listens at the URL', async () => {
    const result = await core.invoke('settings.llm.test', { baseUrl: 'http://127.0.0.1:9/v1', model: 'tiny-chat', embeddingModel: null });
    expect(result.checks[0]).toMatchObject({ ok: false, message: expect.stringContaining('could not connect to http://127.0.0.1:9/v1') });
  });

  it('refuses a test with nothing to test', async () => {
    await expect(core.invoke('settings.llm.test', { baseUrl: server.baseUrl, model: null, embeddingModel: null })).rejects.toThrow(/nothing to test/);
  });
});
