// The model providers as main knows them: saved ones with their keys unsealed (never returned to the window),
// then the environment's; saving with the key rules, the window's view without keys. Imports: contract types,
// rpc errors, sibling llm modules.
import type { Provider, ProviderInput } from '../../../shared/contract/index.ts';
import { CommandError } from '../platform/rpc/router.ts';
import { NO_KEY } from './llm-config.ts';
import type { ProviderRepository, StoredProvider } from './provider-repository.ts';
import { defaultModel, environmentProvider, PROVIDER_ENV, type ResolvedProvider } from './providers.ts';
import type { SecretBox } from './secret-box.ts';

type Env = Readonly<Record<string, string | undefined>>;
type Input = Omit<ProviderInput, 'models' | 'concurrency' | 'timeoutMs' | 'defaultChatModel' | 'defaultEmbeddingModel'> &
  Required<Pick<ProviderInput, 'models' | 'concurrency' | 'timeoutMs' | 'defaultChatModel' | 'defaultEmbeddingModel'>>;

const savedId = (id: string): number | null => {
  const m = /^p(\d+)$/.exec(id);
  return m ? Number(m[1]) : null;
};

export class ProviderStore {
  readonly #repo: ProviderRepository;
  readonly #box: SecretBox | null;
  readonly #env: Env;
  readonly #now: () => number;

  constructor(repo: ProviderRepository, box: SecretBox | null, env: Env, now: () => number) {
    this.#repo = repo;
    this.#box = box;
    this.#env = env;
    this.#now = now;
  }

  /** Every provider, saved first (oldest first), then the environment's. Keys unsealed: main only. */
  all(): ResolvedProvider[] {
    const saved = this.#repo.list().map((p) => this.#resolve(p));
    const env = environmentProvider(this.#env);
    return env ? [...saved, env] : saved;
  }

  view(p: ResolvedProvider): Provider {
    return {
      id: p.id,
      name: p.name,
      baseUrl: p.baseUrl,
      hasApiKey: p.hasApiKey,
      models: p.models.map((m) => ({ ...m })),
      concurrency: p.concurrency,
      timeoutMs: p.timeoutMs,
      defaultChatModel: p.defaultChatModel,
      defaultEmbeddingModel: p.defaultEmbeddingModel,
      source: p.source,
    };
  }

  /** What `save(input)` would leave, key unsealed, without saving: what "Test connection" uses. */
  preview(input: Input): ResolvedProvider {
    const current = this.#current(input.id);
    const key = this.#nextKey(input, current, false);
    return this.#resolve({ ...this.#fields(input), id: current?.id ?? 0, sealedKey: null }, key);
  }

  save(input: Input): ResolvedProvider {
    const current = this.#current(input.id);
    const other = this.#repo.byName(input.name);
    if (other && other.id !== current?.id) throw new CommandError('conflict', `a provider named "${other.name}" exists: choose another name`);
    const sealedKey = this.#nextKey(input, current, true);
    const id = this.#repo.save({ ...this.#fields(input), id: current?.id ?? null, sealedKey }, this.#now());
    return this.#resolve(this.#repo.get(id)!);
  }

  remove(id: string): boolean {
    if (id === 'env') throw new CommandError('invalid_input', `the environment's provider comes from ${PROVIDER_ENV.baseUrl} / ${PROVIDER_ENV.apiKey}: change those instead`);
    const n = savedId(id);
    return n !== null && this.#repo.remove(n);
  }

  get(id: string): ResolvedProvider {
    const p = this.all().find((x) => x.id === id);
    if (!p) throw new CommandError('not_found', `no provider ${id}`);
    return p;
  }

  /**
   * Lists a new model (a fine-tuned one) on a saved provider, priced like `like` (its base model) until the user
   * sets a price. Whether the provider lists it now: the environment's provider has no saved list (false).
   */
  addModel(id: string, name: string, like: string | null): boolean {
    const n = savedId(id);
    const p = n === null ? null : this.#repo.get(n);
    if (!p) return false;
    if (p.models.some((m) => m.name === name)) return true;
    const base = (like ? p.models.find((m) => m.name === like) : undefined) ?? defaultModel(p.baseUrl, like ?? name, 'chat');
    this.#repo.save({ ...p, models: [...p.models, { name, purpose: 'chat', inputPer1M: base.inputPer1M, outputPer1M: base.outputPer1M }] }, this.#now());
    return true;
  }

  #current(id: string | undefined): StoredProvider | null {
    if (id === undefined) return null;
    if (id === 'env') throw new CommandError('invalid_input', `the environment's provider comes from ${PROVIDER_ENV.baseUrl} / ${PROVIDER_ENV.apiKey}: change those, or add a provider`);
    const n = savedId(id);
    const p = n === null ? null : this.#repo.get(n);
    if (!p) throw new CommandError('not_found', `no provider ${id}`);
    return p;
  }

  #fields(input: Input): Omit<StoredProvider, 'id' | 'sealedKey'> {
    const baseUrl = input.baseUrl.replace(/\/+$/, '');
    const models = input.models.map((m) => ({ name: m.name, purpose: m.purpose ?? 'chat', inputPer1M: m.inputPer1M, outputPer1M: m.outputPer1M }));
    // A default model the user did not list gets its starting price (list price on OpenAI, 0 locally), so it is shown and editable.
    for (const [name, purpose] of [[input.defaultChatModel, 'chat'], [input.defaultEmbeddingModel, 'embeddings']] as const) {
      if (name && !models.some((m) => m.name === name)) models.push(defaultModel(baseUrl, name, purpose));
    }
    return {
      name: input.name,
      baseUrl,
      models,
      concurrency: input.concurrency,
      timeoutMs: input.timeoutMs,
      defaultChatModel: input.defaultChatModel || null,
      defaultEmbeddingModel: input.defaultEmbeddingModel || null,
    };
  }

  /**
   * A key was given for one host: pointing the provider elsewhere (a compromised window could) must not carry it
   * along, so a new base URL keeps no key unless one comes with it; null removes it. Returns the sealed key when
   * `seal`, else the plain key.
   */
  #nextKey(input: Input, current: StoredProvider | null, seal: boolean): string | null {
    const typed = input.apiKey !== undefined && input.apiKey !== null && input.apiKey !== '' ? input.apiKey : null;
    if (typed !== null) {
      if (!seal) return typed;
      if (!this.#box) throw new CommandError('unavailable', `API keys can only be saved in the desktop app; here, set ${PROVIDER_ENV.apiKey} instead`);
      return this.#box.encrypt(typed);
    }
    const keeps = current !== null && input.apiKey !== null && input.baseUrl.replace(/\/+$/, '') === current.baseUrl;
    if (!keeps || !current.sealedKey) return null;
    return seal ? current.sealedKey : this.#unseal(current.sealedKey);
  }

  #unseal(sealed: string): string | null {
    // Without the box (the CLI), a saved key cannot be read: calls go without it, and the CLI user sets OPENAI_API_KEY.
    return this.#box ? this.#box.decrypt(sealed) : null;
  }

  #resolve(p: StoredProvider, plainKey?: string | null): ResolvedProvider {
    const key = plainKey !== undefined ? plainKey : p.sealedKey ? this.#unseal(p.sealedKey) : null;
    return {
      id: `p${p.id}`,
      name: p.name,
      baseUrl: p.baseUrl,
      apiKey: key ?? NO_KEY,
      hasApiKey: plainKey !== undefined ? key !== null : p.sealedKey !== null,
      models: p.models,
      concurrency: p.concurrency,
      timeoutMs: p.timeoutMs,
      defaultChatModel: p.defaultChatModel,
      defaultEmbeddingModel: p.defaultEmbeddingModel,
      source: 'settings',
    };
  }
}
