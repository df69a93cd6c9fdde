// Commands of the model providers: any number of OpenAI-compatible servers, each with its models and prices.
// An API key goes in (sealed in main) and never comes back out. Imports: zod only.
import { z } from 'zod';

/** A provider's stable id: `p<N>` for saved ones, `env` for the one the OPENAI_* / WINNOW_* environment describes. */
export const ProviderId = z.string().min(1).max(40);
export type ProviderId = z.infer<typeof ProviderId>;

/** http: and https: only: the key is sent there as a bearer token. */
export const ProviderBaseUrl = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, error: 'only http: and https: URLs are accepted' }));

export const ModelPurpose = z.enum(['chat', 'embeddings']);
export type ModelPurpose = z.infer<typeof ModelPurpose>;

/** A model the provider serves, with its price in USD per 1M tokens (0 for a local server). */
export const ProviderModel = z.object({
  name: z.string().trim().min(1).max(200),
  purpose: ModelPurpose.default('chat'),
  /** USD per 1M input (prompt) tokens. */
  inputPer1M: z.number().min(0).max(10_000),
  /** USD per 1M output (completion) tokens; 0 for embedding models. */
  outputPer1M: z.number().min(0).max(10_000),
});
export type ProviderModel = z.infer<typeof ProviderModel>;

export const Provider = z.object({
  id: ProviderId,
  name: z.string(),
  baseUrl: z.string(),
  /** Whether a key is saved (or, for `env`, set in OPENAI_API_KEY). The key itself never leaves main. */
  hasApiKey: z.boolean(),
  models: z.array(ProviderModel),
  /** Calls in flight at once to this provider (all features together). */
  concurrency: z.number().int(),
  /** Per-request timeout in ms. */
  timeoutMs: z.number().int(),
  /** The model LLM features use when a run names none (naming, judging), and the embedding model. */
  defaultChatModel: z.string().nullable(),
  defaultEmbeddingModel: z.string().nullable(),
  /** `environment` providers come from OPENAI_BASE_URL / OPENAI_API_KEY / WINNOW_* and cannot be edited here. */
  source: z.enum(['settings', 'environment']),
});
export type Provider = z.infer<typeof Provider>;

/** The form's values: what providers.set saves and what providers.test tries without saving. */
export const ProviderInput = z.object({
  /** Absent: a new provider. */
  id: ProviderId.optional(),
  name: z.string().trim().min(1).max(100),
  baseUrl: ProviderBaseUrl,
  /** undefined keeps the saved key; null removes it. A new base URL forgets the saved key unless one is given. */
  apiKey: z.string().max(500).nullable().optional(),
  models: z.array(ProviderModel).max(200).default([]),
  concurrency: z.number().int().min(1).max(256).default(4),
  timeoutMs: z.number().int().min(1000).max(600_000).default(120_000),
  defaultChatModel: z.string().trim().max(200).nullable().default(null),
  defaultEmbeddingModel: z.string().trim().max(200).nullable().default(null),
});
export type ProviderInput = z.input<typeof ProviderInput>;

export const ProviderCheck = z.object({
  model: z.string(),
  purpose: ModelPurpose,
  ok: z.boolean(),
  latencyMs: z.number(),
  /** What the server answered when it failed, in words a person can act on. */
  message: z.string().nullable(),
});
export type ProviderCheck = z.infer<typeof ProviderCheck>;

/** A model as a run names it: the model, and the provider when several serve a model of that name. */
export const ModelRef = z.object({
  model: z.string().trim().min(1).max(200),
  /** Provider id or name; default: the first provider listing the model, else the default provider. */
  provider: z.string().trim().max(100).optional(),
});
export type ModelRef = z.infer<typeof ModelRef>;

export const providerCommands = {
  /** Saved providers first, then the environment's; `knownPrices` are the defaults the form offers for common models. */
  'providers.list': {
    input: z.object({}).default({}),
    output: z.object({ providers: z.array(Provider), knownPrices: z.array(ProviderModel) }),
  },
  /** Creates (no id) or updates a provider. */
  'providers.set': { input: ProviderInput, output: Provider },
  'providers.remove': { input: z.object({ id: ProviderId }), output: z.object({ removed: z.boolean() }) },
  /**
   * "Test connection": one tiny call per model (or only `model`), with the form's values saved or not (`id`
   * alone tests the saved provider). Nothing is stored; the key rules are those of a save.
   */
  'providers.test': {
    input: z.union([
      z.strictObject({ id: ProviderId, model: z.string().max(200).optional() }),
      ProviderInput.extend({ model: z.string().max(200).optional() }),
    ]),
    output: z.object({ baseUrl: z.string(), checks: z.array(ProviderCheck) }),
  },
} as const;
