// Model providers: a saved key goes only where the user sent it (a new base URL forgets it, the environment's key
// never follows a saved provider) and never comes back out; the old single endpoint migrates into a provider;
// prices per model with OpenAI defaults, 0 locally, unknown elsewhere; limits per provider reach the client.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/create-core.ts';
import type { SecretBox } from '../../src/main/core/llm/secret-box.ts';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../../src/main/core/platform/db/migrate.ts';
import { migrations } from '../../src/main/core/platform/db/migrations/index.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';

// Stands in for the OS keychain only: sealing is reversible and visible, so the test can tell keys apart.
const box: SecretBox = { encrypt: (plain) => `sealed:${plain}`, decrypt: (sealed) => sealed.slice('sealed:'.length) };

describe('providers', () => {
  let server: FakeOpenAiServer;
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    dir = makeTempDir();
    core = createCore({ dataDir: dir.path, secrets: box, env: { OPENAI_API_KEY: 'sk-from-env' } });
  });
  afterEach(async () => {
    await core.close();
    dir.remove();
  });

  /** The Authorization header a "Test connection" of the saved provider sends. */
  const keySent = async (id: string): Promise<string | undefined> => {
    server.reset();
    await core.invoke('providers.test', { id });
    return server.requests[0]?.authorization;
  };

  it('keeps the key with its base URL while other fields change, and never returns it', async () => {
    const p = await core.invoke('providers.set', { name: 'Mine', baseUrl: server.baseUrl, apiKey: 'sk-saved', defaultChatModel: 'm1' });
    expect(p).toMatchObject({ id: expect.stringMatching(/^p\d+$/), hasApiKey: true, source: 'settings' });
    await core.invoke('providers.set', { id: p.id, name: 'Mine', baseUrl: server.baseUrl, defaultChatModel: 'm2', concurrency: 2 });
    expect(await keySent(p.id)).toBe('Bearer sk-saved');
    const listed = await core.dispatch('providers.list', {});
    expect(JSON.stringify(listed)).not.toContain('sk-saved');
    expect(JSON.stringify(listed)).not.toContain('sk-from-env');
  });

  it('forgets the key when the base URL changes without one; the environment key does not follow', async () => {
    const p = await core.invoke('providers.set', { name: 'Mine', baseUrl: 'https://llm.example.com/v1', apiKey: 'sk-saved', defaultChatModel: 'm1' });
    const moved = await core.invoke('providers.set', { id: p.id, name: 'Mine', baseUrl: server.baseUrl, defaultChatModel: 'm1' });
    expect(moved.hasApiKey).toBe(false);
    const sent = await keySent(p.id);
    expect(sent).not.toContain('sk-saved');
    expect(sent).not.toContain('sk-from-env');
  });

  it('moves the key with the base URL when one is given in the same call, and removes it on null', async () => {
    const p = await core.invoke('providers.set', { name: 'Mine', baseUrl: 'https://llm.example.com/v1', apiKey: 'sk-saved', defaultChatModel: 'm1' });
    await core.invoke('providers.set', { id: p.id, name: 'Mine', baseUrl: server.baseUrl, apiKey: 'sk-new', defaultChatModel: 'm1' });
    expect(await keySent(p.id)).toBe('Bearer sk-new');
    const removed = await core.invoke('providers.set', { id: p.id, name: 'Mine', baseUrl: server.baseUrl, apiKey: null, defaultChatModel: 'm1' });
    expect(removed.hasApiKey).toBe(false);
  });

  it('tests unsaved form values with the key rules of a save: the saved key only for its own URL', async () => {
    const p = await core.invoke('providers.set', { name: 'Mine', baseUrl: 'https://llm.example.com/v1', apiKey: 'sk-saved', defaultChatModel: 'm1' });
    server.reset();
    await core.invoke('providers.test', { id: p.id, name: 'Mine', baseUrl: server.baseUrl, defaultChatModel: 'm1' });
    expect(server.requests[0]?.authorization).not.toContain('sk-saved');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ftp://llm.example.com/v1'])('refuses %s as a base URL', async (baseUrl) => {
    const result = await core.dispatch('providers.set', { name: 'Bad', baseUrl, apiKey: 'sk-x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('only http: and https: URLs are accepted') } });
  });

  it('lists saved providers first, then the environment, which cannot be edited or removed', async () => {
    await core.invoke('providers.set', { name: 'Ollama', baseUrl: 'http://localhost:11434/v1', defaultChatModel: 'llama3.1' });
    const { providers, knownPrices } = await core.invoke('providers.list', {});
    expect(providers.map((p) => [p.name, p.source])).toEqual([
      ['Ollama', 'settings'],
      ['Environment', 'environment'],
    ]);
    expect(providers[1]).toMatchObject({ id: 'env', baseUrl: 'https://api.openai.com/v1', hasApiKey: true });
    expect(knownPrices).toContainEqual({ name: 'gpt-4o-mini', purpose: 'chat', inputPer1M: 0.15, outputPer1M: 0.6 });
    expect((await core.dispatch('providers.remove', { id: 'env' })).ok).toBe(false);
    expect((await core.dispatch('providers.set', { id: 'env', name: 'x', baseUrl: 'http://localhost:1/v1' })).ok).toBe(false);
    expect((await core.dispatch('providers.set', { name: 'ollama', baseUrl: 'http://localhost:11435/v1' })).ok).toBe(false);
  });

  it('prices a default model: list price on OpenAI, 0 on a local server', async () => {
    const openai = await core.invoke('providers.set', { name: 'OpenAI', baseUrl: 'https://api.openai.com/v1', defaultChatModel: 'gpt-4o-mini' });
    expect(openai.models).toEqual([{ name: 'gpt-4o-mini', purpose: 'chat', inputPer1M: 0.15, outputPer1M: 0.6 }]);
    const local = await core.invoke('providers.set', { name: 'Local', baseUrl: 'http://127.0.0.1:11434/v1', defaultChatModel: 'gpt-4o-mini', defaultEmbeddingModel: 'nomic-embed-text' });
    expect(local.models).toEqual([
      { name: 'gpt-4o-mini', purpose: 'chat', inputPer1M: 0, outputPer1M: 0 },
      { name: 'nomic-embed-text', purpose: 'embeddings', inputPer1M: 0, outputPer1M: 0 },
    ]);
  });

  it('refuses to save a key without the host secret box (the CLI), pointing to OPENAI_API_KEY', async () => {
    const headless = createCore({ dataDir: join(dir.path, 'cli'), env: {} });
    try {
      const r = await headless.dispatch('providers.set', { name: 'x', baseUrl: server.baseUrl, apiKey: 'sk-1' });
      expect(r).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('OPENAI_API_KEY') } });
    } finally {
      await headless.close();
    }
  });
});

describe('the endpoint saved before providers existed', () => {
  it('becomes provider "Default" with its sealed key, models and URL', async () => {
    const dir = makeTempDir();
    try {
      const db = new BetterSqlite3(join(dir.path, 'winnow.sqlite'));
      migrate(db, migrations.filter((m) => m.version <= 6));
      const old = { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1', embeddingModel: 'nomic-embed-text', sealedKey: 'sealed:sk-old' };
      db.prepare("INSERT INTO settings (key, value_json) VALUES ('llm', ?)").run(JSON.stringify(old));
      db.close();
      const core = createCore({ dataDir: dir.path, secrets: box, env: {} });
      try {
        const { providers } = await core.invoke('providers.list', {});
        expect(providers).toEqual([
          expect.objectContaining({ name: 'Default', baseUrl: 'http://127.0.0.1:11434/v1', hasApiKey: true, defaultChatModel: 'llama3.1', defaultEmbeddingModel: 'nomic-embed-text' }),
        ]);
      } finally {
        await core.close();
      }
    } finally {
      dir.remove();
    }
  });
});
