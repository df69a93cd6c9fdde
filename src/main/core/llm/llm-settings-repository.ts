// Saved LLM endpoint settings (base URL, models, sealed API key) and what they resolve to with the environment.
// Imports: better-sqlite3 types, llm-config, secret-box, contract types, rpc errors.
import type { Database, Statement } from 'better-sqlite3';
import type { LlmSettings as LlmSettingsView } from '../../../shared/contract/index.ts';
import { ENV, type LlmSettings } from './llm-config.ts';
import { CommandError } from '../platform/rpc/router.ts';
import type { SecretBox } from './secret-box.ts';

const KEY = 'llm';

interface Stored {
  baseUrl: string | null;
  model: string | null;
  embeddingModel: string | null;
  sealedKey: string | null;
}

export class LlmSettingsRepository {
  private readonly box: SecretBox | null;
  private readonly env: Readonly<Record<string, string | undefined>>;
  private readonly read: Statement;
  private readonly write: Statement;

  constructor(db: Database, box: SecretBox | null, env: Readonly<Record<string, string | undefined>> = process.env) {
    this.box = box;
    this.env = env;
    this.read = db.prepare('SELECT value_json FROM settings WHERE key = ?');
    this.write = db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json');
  }

  private stored(): Stored {
    const row = this.read.get(KEY) as { value_json: string } | undefined;
    return row ? (JSON.parse(row.value_json) as Stored) : { baseUrl: null, model: null, embeddingModel: null, sealedKey: null };
  }

  /** Settings with the key unsealed: for main-side use only, never sent to the window. */
  settings(): LlmSettings {
    const s = this.stored();
    return { baseUrl: s.baseUrl, model: s.model, embeddingModel: s.embeddingModel, apiKey: s.sealedKey && this.box ? this.box.decrypt(s.sealedKey) : null };
  }

  /** The settings `save(input)` would leave, key unsealed, without saving: what a connection test uses. */
  preview(input: SettingsInput): LlmSettings {
    const current = this.settings();
    const typed = input.apiKey !== undefined && input.apiKey !== null && input.apiKey !== '' ? input.apiKey : null;
    const apiKey = typed ?? (keepsSavedKey(input, this.stored()) ? current.apiKey : null);
    return { baseUrl: input.baseUrl || null, model: input.model || null, embeddingModel: input.embeddingModel || null, apiKey };
  }

  view(): LlmSettingsView {
    const s = this.stored();
    const fromSettings = Boolean(s.baseUrl || s.model || s.embeddingModel || s.sealedKey);
    const fromEnv = Boolean(this.env[ENV.baseUrl] || this.env[ENV.model] || this.env[ENV.embeddingModel] || this.env[ENV.apiKey]);
    return {
      baseUrl: s.baseUrl ?? this.env[ENV.baseUrl] ?? null,
      model: s.model ?? this.env[ENV.model] ?? null,
      embeddingModel: s.embeddingModel ?? this.env[ENV.embeddingModel] ?? null,
      hasApiKey: Boolean(s.sealedKey) || Boolean(this.env[ENV.apiKey]),
      source: fromSettings ? 'settings' : fromEnv ? 'environment' : 'none',
    };
  }

  save(input: SettingsInput): LlmSettingsView {
    const current = this.stored();
    let sealedKey = keepsSavedKey(input, current) ? current.sealedKey : null;
    if (input.apiKey !== undefined && input.apiKey !== null && input.apiKey !== '') {
      if (!this.box) throw new CommandError('unavailable', `API keys can only be saved in the desktop app; here, set ${ENV.apiKey} instead`);
      sealedKey = this.box.encrypt(input.apiKey);
    }
    const next: Stored = { baseUrl: input.baseUrl || null, model: input.model || null, embeddingModel: input.embeddingModel || null, sealedKey };
    this.write.run(KEY, JSON.stringify(next));
    return this.view();
  }
}

type SettingsInput = { baseUrl: string | null; model: string | null; embeddingModel: string | null; apiKey?: string | null };

/**
 * A key was given for one host: pointing the endpoint elsewhere (a compromised window could) must not carry
 * it along, so a new base URL keeps no key unless one comes with it; null removes it outright.
 */
function keepsSavedKey(input: SettingsInput, current: Stored): boolean {
  return input.apiKey !== null && (input.baseUrl || null) === current.baseUrl;
}
