// A saved API key goes only where the user sent it: a new base URL forgets it, the environment's key never
// follows a base URL saved in the window, and only http(s) endpoints are accepted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/create-core.ts';
import { openDatabase } from '../../src/main/core/platform/db/connection.ts';
import { resolveChatEndpoint, NO_KEY } from '../../src/main/core/llm/llm-config.ts';
import { LlmSettingsRepository } from '../../src/main/core/llm/llm-settings-repository.ts';
import type { SecretBox } from '../../src/main/core/llm/secret-box.ts';
import { makeTempDir } from '../support/temp-dir.ts';

// Stands in for the OS keychain only: sealing is reversible and visible, so the test can tell keys apart.
const box: SecretBox = { encrypt: (plain) => `sealed:${plain}`, decrypt: (sealed) => sealed.slice('sealed:'.length) };
const env = { OPENAI_API_KEY: 'sk-from-env' };

describe('the saved API key', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(() => {
    dir = makeTempDir();
    core = createCore({ dataDir: dir.path, secrets: box, env });
  });
  afterEach(async () => {
    await core.close();
    dir.remove();
  });

  const endpoint = () => {
    const db = openDatabase(`${dir.path}/winnow.sqlite`);
    try {
      return resolveChatEndpoint(new LlmSettingsRepository(db, box, env).settings(), env);
    } finally {
      db.close();
    }
  };

  it('stays with its base URL while only the models change', async () => {
    await core.invoke('settings.llm.set', { baseUrl: 'https://llm.example.com/v1', model: 'm1', embeddingModel: null, apiKey: 'sk-saved' });
    await core.invoke('settings.llm.set', { baseUrl: 'https://llm.example.com/v1', model: 'm2', embeddingModel: 'e1' });
    expect(endpoint()).toMatchObject({ baseUrl: 'https://llm.example.com/v1', apiKey: 'sk-saved', model: 'm2' });
  });

  it('is forgotten when the base URL changes without a key, and the environment key does not follow', async () => {
    await core.invoke('settings.llm.set', { baseUrl: 'https://llm.example.com/v1', model: 'm1', embeddingModel: null, apiKey: 'sk-saved' });
    const view = await core.invoke('settings.llm.set', { baseUrl: 'https://elsewhere.example.net/v1', model: 'm1', embeddingModel: null });
    expect(view.hasApiKey).toBe(true); // the environment still has one, for its own endpoint
    expect(endpoint()).toMatchObject({ baseUrl: 'https://elsewhere.example.net/v1', apiKey: NO_KEY });
  });

  it('moves with the base URL when a key is given in the same call', async () => {
    await core.invoke('settings.llm.set', { baseUrl: 'https://llm.example.com/v1', model: 'm1', embeddingModel: null, apiKey: 'sk-saved' });
    await core.invoke('settings.llm.set', { baseUrl: 'http://127.0.0.1:11434/v1', model: 'm1', embeddingModel: null, apiKey: 'sk-new' });
    expect(endpoint()).toMatchObject({ baseUrl: 'http://127.0.0.1:11434/v1', apiKey: 'sk-new' });
  });

  it('still pairs the environment key with the environment base URL', async () => {
    await core.invoke('settings.llm.set', { baseUrl: null, model: 'm1', embeddingModel: null });
    expect(endpoint()).toMatchObject({ baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-from-env' });
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ftp://llm.example.com/v1'])('refuses %s as a base URL', async (baseUrl) => {
    const result = await core.dispatch('settings.llm.set', { baseUrl, model: 'm1', embeddingModel: null, apiKey: 'sk-x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('only http: and https: URLs are accepted') } });
  });
});
