// Model providers as the app uses them: saved ones (key unsealed, main only) and the one the environment
// describes (OPENAI_BASE_URL / OPENAI_API_KEY / WINNOW_*), prices per model with defaults, and which provider
// and model a run gets. Imports: sibling llm modules (config, pricing) only.
import { NO_KEY, OPENAI_DEFAULT_BASE_URL, type LlmEndpoint } from './llm-config.ts';
import { DEFAULT_PRICES, type ModelPrice } from './pricing.ts';
import type { StoredModel } from './provider-repository.ts';

export interface ResolvedProvider {
  /** `p<N>` for a saved provider, `env` for the environment's. */
  id: string;
  name: string;
  baseUrl: string;
  /** The real key, or NO_KEY. Main only: never put this in a command's output. */
  apiKey: string;
  hasApiKey: boolean;
  models: StoredModel[];
  concurrency: number;
  timeoutMs: number;
  defaultChatModel: string | null;
  defaultEmbeddingModel: string | null;
  source: 'settings' | 'environment';
}

type Env = Readonly<Record<string, string | undefined>>;

export const PROVIDER_ENV = {
  baseUrl: 'OPENAI_BASE_URL',
  apiKey: 'OPENAI_API_KEY',
  chatModel: 'WINNOW_LLM_MODEL',
  embeddingModel: 'WINNOW_EMBED_MODEL',
  concurrency: 'WINNOW_LLM_CONCURRENCY',
  timeoutMs: 'WINNOW_LLM_TIMEOUT_MS',
  /** JSON: {"model": {"input": USD per 1M, "output": USD per 1M}, ...} */
  prices: 'WINNOW_LLM_PRICES',
} as const;

const positiveInt = (v: string | undefined, fallback: number): number => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

function envPrices(raw: string | undefined): StoredModel[] {
  if (!raw?.trim()) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`${PROVIDER_ENV.prices} is not JSON: give {"model": {"input": 0.15, "output": 0.6}}`);
  }
  if (!parsed || typeof parsed !== 'object') return [];
  return Object.entries(parsed as Record<string, { input?: unknown; output?: unknown }>).map(([name, p]) => ({
    name,
    purpose: 'chat' as const,
    inputPer1M: Number(p?.input ?? 0) || 0,
    outputPer1M: Number(p?.output ?? 0) || 0,
  }));
}

/** The provider the environment describes, or null when neither OPENAI_BASE_URL nor OPENAI_API_KEY is set. */
export function environmentProvider(env: Env): ResolvedProvider | null {
  const baseUrl = env[PROVIDER_ENV.baseUrl]?.trim();
  const apiKey = env[PROVIDER_ENV.apiKey]?.trim();
  if (!baseUrl && !apiKey) return null;
  const chat = env[PROVIDER_ENV.chatModel]?.trim() || null;
  const embed = env[PROVIDER_ENV.embeddingModel]?.trim() || null;
  const models = envPrices(env[PROVIDER_ENV.prices]);
  for (const [name, purpose] of [[chat, 'chat'], [embed, 'embeddings']] as const) {
    if (name && !models.some((m) => m.name === name)) models.push(defaultModel(baseUrl ?? OPENAI_DEFAULT_BASE_URL, name, purpose));
  }
  return {
    id: 'env',
    name: 'Environment',
    baseUrl: (baseUrl || OPENAI_DEFAULT_BASE_URL).replace(/\/+$/, ''),
    apiKey: apiKey || NO_KEY,
    hasApiKey: Boolean(apiKey),
    models,
    concurrency: positiveInt(env[PROVIDER_ENV.concurrency], 4),
    timeoutMs: positiveInt(env[PROVIDER_ENV.timeoutMs], 120_000),
    defaultChatModel: chat,
    defaultEmbeddingModel: embed,
    source: 'environment',
  };
}

/** Local servers (Ollama, LM Studio, llama.cpp, vLLM on this machine or the LAN) cost nothing per token. */
export function isLocalUrl(baseUrl: string): boolean {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.local') ||
    host === '::1' ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host)
  );
}

const isOpenAi = (baseUrl: string): boolean => {
  try {
    return new URL(baseUrl).hostname === 'api.openai.com';
  } catch {
    return false;
  }
};

/** A model's starting price: OpenAI's list price on api.openai.com, 0 on a local server, else 0 until the user sets it. */
export function defaultModel(baseUrl: string, name: string, purpose: 'chat' | 'embeddings'): StoredModel {
  const known = isOpenAi(baseUrl) ? DEFAULT_PRICES[name] : undefined;
  return { name, purpose, inputPer1M: known?.input ?? 0, outputPer1M: known?.output ?? 0 };
}

/**
 * What a model costs on a provider: the price the user set; else OpenAI's list price on api.openai.com; else 0 on a
 * local server; else null (unknown: shown as unknown, never as free).
 */
export function priceOf(p: Pick<ResolvedProvider, 'baseUrl' | 'models'>, model: string): ModelPrice | null {
  const set = p.models.find((m) => m.name === model);
  if (set) return { input: set.inputPer1M, output: set.outputPer1M };
  if (isOpenAi(p.baseUrl)) return DEFAULT_PRICES[model] ?? null;
  return isLocalUrl(p.baseUrl) ? { input: 0, output: 0 } : null;
}

/** The prices the form offers for common models. */
export function knownPrices(): StoredModel[] {
  return Object.entries(DEFAULT_PRICES).map(([name, p]) => ({ name, purpose: name.includes('embedding') ? 'embeddings' : 'chat', inputPer1M: p.input, outputPer1M: p.output }));
}

/** An endpoint for one model of a provider, carrying the provider's limits and prices to the shared client. */
export function endpointOf(p: ResolvedProvider, model: string): LlmEndpoint {
  return {
    baseUrl: p.baseUrl,
    apiKey: p.apiKey,
    model,
    source: { baseUrl: p.source === 'environment' ? 'env' : 'settings', apiKey: p.hasApiKey ? (p.source === 'environment' ? 'env' : 'settings') : 'default', model: 'settings' },
    providerId: p.id,
    providerName: p.name,
    concurrency: p.concurrency,
    timeoutMs: p.timeoutMs,
    priceOf: (m) => priceOf(p, m),
  };
}

/**
 * Which provider serves a model: the named one (id or name); else the first listing the model; else the first
 * provider. No model named: the first provider's default for the purpose.
 */
export function pickModel(
  providers: readonly ResolvedProvider[],
  ref: { model?: string | undefined; provider?: string | undefined } | undefined,
  purpose: 'chat' | 'embeddings' = 'chat',
): { provider: ResolvedProvider; model: string } | { error: string } {
  if (providers.length === 0) return { error: 'no model provider: add one in Settings, or set OPENAI_BASE_URL (and OPENAI_API_KEY for a paid service)' };
  let pool = providers;
  if (ref?.provider) {
    const want = ref.provider.toLowerCase();
    pool = providers.filter((p) => p.id === ref.provider || p.name.toLowerCase() === want);
    if (pool.length === 0) return { error: `no provider "${ref.provider}": known are ${providers.map((p) => p.name).join(', ')}` };
  }
  const model = ref?.model?.trim();
  if (model) {
    const provider = pool.find((p) => p.models.some((m) => m.name === model)) ?? pool[0]!;
    return { provider, model };
  }
  const defaultOf = (p: ResolvedProvider): string | null => (purpose === 'chat' ? p.defaultChatModel : p.defaultEmbeddingModel);
  const provider = pool.find((p) => defaultOf(p) !== null);
  if (!provider) return { error: `no ${purpose} model chosen: give one, or set a default ${purpose} model on a provider` };
  return { provider, model: defaultOf(provider)! };
}
