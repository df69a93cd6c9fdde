// The provider form's draft and how it becomes a providers.set input: prices typed as text become numbers, the
// key is sent only when typed (a string) or removed (null). Imports: shared contract types (pure, tested).
import type { Provider, ProviderModel } from '../../../shared/contract/index.ts';
import type { ProviderSaveInput } from './settings-store.ts';

export interface ModelDraft {
  name: string;
  purpose: ProviderModel['purpose'];
  input: string;
  output: string;
}

export interface ProviderDraft {
  id: string | null;
  name: string;
  baseUrl: string;
  /** Typed into the password field; never filled from saved settings. */
  apiKey: string;
  removeKey: boolean;
  concurrency: string;
  timeoutSeconds: string;
  defaultChatModel: string;
  defaultEmbeddingModel: string;
  models: ModelDraft[];
}

export function draftFrom(p: Provider | null): ProviderDraft {
  return {
    id: p?.id ?? null,
    name: p?.name ?? '',
    baseUrl: p?.baseUrl ?? '',
    apiKey: '',
    removeKey: false,
    concurrency: String(p?.concurrency ?? 4),
    timeoutSeconds: String((p?.timeoutMs ?? 120_000) / 1000),
    defaultChatModel: p?.defaultChatModel ?? '',
    defaultEmbeddingModel: p?.defaultEmbeddingModel ?? '',
    models: (p?.models ?? []).map((m) => ({ name: m.name, purpose: m.purpose, input: String(m.inputPer1M), output: String(m.outputPer1M) })),
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** A model row with its price: a known model's list price on OpenAI, 0 elsewhere (local servers cost nothing). */
export function newModel(name: string, baseUrl: string, known: readonly ProviderModel[]): ModelDraft {
  const k = /api\.openai\.com/.test(baseUrl) ? known.find((m) => m.name === name) : undefined;
  return { name, purpose: k?.purpose ?? (/embed/i.test(name) ? 'embeddings' : 'chat'), input: String(k?.inputPer1M ?? 0), output: String(k?.outputPer1M ?? 0) };
}

export function toInput(d: ProviderDraft): ProviderSaveInput {
  const input: ProviderSaveInput = {
    name: d.name.trim(),
    baseUrl: d.baseUrl.trim(),
    models: d.models.filter((m) => m.name.trim() !== '').map((m) => ({ name: m.name.trim(), purpose: m.purpose, inputPer1M: Number(m.input), outputPer1M: Number(m.output) })),
    concurrency: Number(d.concurrency),
    timeoutMs: Math.round(Number(d.timeoutSeconds) * 1000),
    defaultChatModel: orNull(d.defaultChatModel),
    defaultEmbeddingModel: orNull(d.defaultEmbeddingModel),
  };
  if (d.id) input.id = d.id;
  // Leaving the key out keeps the saved one; null removes it.
  if (d.apiKey.trim() !== '') input.apiKey = d.apiKey.trim();
  else if (d.removeKey) input.apiKey = null;
  return input;
}

/** A message for a draft the core would refuse, or null. */
export function draftProblem(d: ProviderDraft): string | null {
  if (d.name.trim() === '') return 'Give the provider a name, e.g. OpenAI or Ollama.';
  if (!/^https?:\/\/[^\s/]+/i.test(d.baseUrl.trim())) return 'The base URL must start with http:// or https://, e.g. http://localhost:11434/v1.';
  const c = Number(d.concurrency);
  if (!Number.isInteger(c) || c < 1 || c > 256) return 'Calls at once must be a whole number from 1 to 256.';
  const t = Number(d.timeoutSeconds);
  if (!Number.isFinite(t) || t < 1 || t > 600) return 'The timeout must be between 1 and 600 seconds.';
  for (const m of d.models) {
    if (m.name.trim() === '') continue;
    for (const v of [m.input, m.output]) {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n) || n < 0) return `The price of ${m.name.trim()} must be a number of dollars per 1M tokens, 0 or more.`;
    }
  }
  const names = d.models.map((m) => m.name.trim()).filter(Boolean);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) return `${dup} is listed twice.`;
  return null;
}

export function isDirty(d: ProviderDraft, p: Provider | null): boolean {
  const a = { ...d, apiKey: '', removeKey: false };
  return JSON.stringify(a) !== JSON.stringify(draftFrom(p)) || d.apiKey.trim() !== '' || d.removeKey;
}
