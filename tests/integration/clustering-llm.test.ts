// Clustering with an OpenAI-compatible endpoint: embeddings and LLM names through the real `openai`
// client talking to a local fake server on 127.0.0.1, configured from the environment as the CLI is.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import { UsageRepository } from '../../src/main/core/llm/usage-repository.ts';
import { openDatabase } from '../../src/main/core/platform/db/connection.ts';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../support/fake-openai-server.ts';
import { writeCorpus } from '../support/intent-corpus.ts';
import { makeTempDir } from '../support/temp-dir.ts';

describe('clustering with an OpenAI-compatible endpoint', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let server: FakeOpenAiServer;
  let core: Core;

  beforeAll(async () => {
    dir = makeTempDir();
    server = await startFakeOpenAiServer({ dims: 64 });
    core = createCore({
      dataDir: join(dir.path, 'data'),
      env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'test-key', WINNOW_LLM_MODEL: 'fake-chat', WINNOW_EMBED_MODEL: 'fake-embed' },
    });
    writeCorpus(join(dir.path, 'a.jsonl'), 0, 15);
    const { jobId } = await core.invoke('imports.start', { paths: [join(dir.path, 'a.jsonl')] });
    await core.jobs.waitFor(jobId);
  });
  afterAll(async () => {
    await core.close();
    await server.close();
    dir.remove();
  });

  it('reports where the endpoint comes from, never the key itself', async () => {
    const { providers } = await core.invoke('providers.list', {});
    expect(providers).toEqual([
      expect.objectContaining({ id: 'env', baseUrl: server.baseUrl, defaultChatModel: 'fake-chat', defaultEmbeddingModel: 'fake-embed', hasApiKey: true, source: 'environment' }),
    ]);
    expect(JSON.stringify(providers)).not.toContain('test-key');
    const refused = await core.dispatch('providers.set', { name: 'Mine', baseUrl: server.baseUrl, apiKey: 'sk-secret' });
    expect(refused.ok === false && refused.error.code).toBe('unavailable');
  });

  it('embeds through the endpoint, caches embeddings, and names clusters with the chat model', async () => {
    const first = await core.invoke('clusters.run', { embedder: 'openai', nameWithLlm: true });
    const job = await core.jobs.waitFor(first.jobId);
    expect(job.error).toBeNull();
    const { run, clusters } = await core.invoke('clusters.list', {});
    expect(run).toMatchObject({ rows: 60, embedder: expect.stringContaining('fake-embed'), namedBy: 'fake-chat' });
    const fine = clusters.filter((c) => c.level === 'cluster');
    const named = fine.filter((c) => c.namedBy === 'fake-chat');
    expect(named.length).toBeGreaterThan(0);
    for (const c of named) {
      expect(c.name.split(/\s+/).length).toBeLessThanOrEqual(5);
      expect(c.description).toMatch(/^Prompts about/);
      expect(c.includeRule).toBeTruthy();
      expect(c.excludeRule).toBeTruthy();
      expect(c.keywordName).not.toBe('');
    }
    const embedCalls = server.requests.filter((r) => r.path === '/v1/embeddings').length;
    expect(embedCalls).toBeGreaterThan(0);
    const chatCalls = server.requests.filter((r) => r.path === '/v1/chat/completions').length;
    // Every call is on record under its feature and the clustering job that made it.
    const db = openDatabase(join(dir.path, 'data', 'winnow.sqlite'));
    const usage = new UsageRepository(db);
    expect(usage.byFeature({ jobId: first.jobId }).map((f) => [f.feature, f.totals.calls])).toEqual([['cluster-naming', chatCalls], ['embedding', embedCalls]]);
    expect(usage.totals().calls).toBe(chatCalls + embedCalls);
    db.close();

    // A second run embeds nothing again: every text is in the cache.
    const second = await core.invoke('clusters.run', { embedder: 'openai' });
    expect((await core.jobs.waitFor(second.jobId)).error).toBeNull();
    expect(server.requests.filter((r) => r.path === '/v1/embeddings').length).toBe(embedCalls);
  });
});
