// Where the OpenAI-compatible endpoint comes from: app settings first, then the environment (CLI).
// Imports: nothing. A later provider-settings feature grows from here (named providers, per-task models).

/** What the user saved in settings; any field may be blank. */
export interface LlmSettings {
  baseUrl?: string | null;
  apiKey?: string | null;
  /** Chat model used for naming, judging and the other LLM features. */
  model?: string | null;
  /** Embedding model for the OpenAI-compatible embedder. */
  embeddingModel?: string | null;
}

export interface LlmEndpoint {
  baseUrl: string;
  /** Local servers (Ollama, LM Studio) need no key; the client still sends a placeholder. */
  apiKey: string;
  model: string;
  /** Where each value came from, to show the user ("from OPENAI_BASE_URL"). */
  source: { baseUrl: ValueSource; apiKey: ValueSource; model: ValueSource };
}

export type ValueSource = 'settings' | 'env' | 'default';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
/** Sent when no key is configured: local servers ignore it, and the client refuses to start without one. */
export const NO_KEY = 'no-key';

export const ENV = {
  baseUrl: 'OPENAI_BASE_URL',
  apiKey: 'OPENAI_API_KEY',
  model: 'WINNOW_LLM_MODEL',
  embeddingModel: 'WINNOW_EMBED_MODEL',
} as const;

type Env = Readonly<Record<string, string | undefined>>;

function pick(setting: string | null | undefined, envValue: string | undefined): { value: string; source: ValueSource } | null {
  const s = setting?.trim();
  if (s) return { value: s, source: 'settings' };
  const e = envValue?.trim();
  if (e) return { value: e, source: 'env' };
  return null;
}

function resolve(model: { value: string; source: ValueSource } | null, settings: LlmSettings, env: Env): LlmEndpoint | null {
  if (!model) return null;
  const baseUrl = pick(settings.baseUrl, env[ENV.baseUrl]);
  // OPENAI_API_KEY belongs to OPENAI_BASE_URL (or OpenAI itself): a base URL saved in the window gets only
  // the key saved with it, so changing the URL there can never send the environment's key to another host.
  const apiKey = pick(settings.apiKey, baseUrl?.source === 'settings' ? undefined : env[ENV.apiKey]);
  // Without a base URL the endpoint is OpenAI itself, which is only usable with a key.
  if (!baseUrl && !apiKey) return null;
  return {
    baseUrl: (baseUrl?.value ?? OPENAI_DEFAULT_BASE_URL).replace(/\/+$/, ''),
    apiKey: apiKey?.value ?? NO_KEY,
    model: model.value,
    source: { baseUrl: baseUrl?.source ?? 'default', apiKey: apiKey?.source ?? 'default', model: model.source },
  };
}

/**
 * The chat endpoint, or null when LLM features are off (no model, or neither a base URL nor a key).
 * Settings win over OPENAI_BASE_URL / OPENAI_API_KEY / WINNOW_LLM_MODEL field by field.
 */
export function resolveChatEndpoint(settings: LlmSettings = {}, env: Env = process.env): LlmEndpoint | null {
  return resolve(pick(settings.model, env[ENV.model]), settings, env);
}

/** The embedding endpoint (same base URL and key, WINNOW_EMBED_MODEL or settings.embeddingModel), or null. */
export function resolveEmbeddingEndpoint(settings: LlmSettings = {}, env: Env = process.env): LlmEndpoint | null {
  return resolve(pick(settings.embeddingModel, env[ENV.embeddingModel]), settings, env);
}
