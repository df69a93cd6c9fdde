// Commands for the LLM endpoint settings. The API key goes in and never comes back out.
// Imports: zod only.
import { z } from 'zod';

export const LlmSettings = z.object({
  baseUrl: z.string().nullable(),
  model: z.string().nullable(),
  embeddingModel: z.string().nullable(),
  hasApiKey: z.boolean(),
  /** Where the effective values come from: saved settings, or the OPENAI_* / WINNOW_LLM_MODEL environment. */
  source: z.enum(['settings', 'environment', 'none']),
});
export type LlmSettings = z.infer<typeof LlmSettings>;

/** The form's values: what is saved by settings.llm.set, and what settings.llm.test tries without saving. */
export const LlmSettingsInput = z.object({
  /** http: and https: only: the key is sent there as a bearer token. A new URL forgets the saved key unless one is given. */
  baseUrl: z.string().trim().max(500).pipe(z.url({ protocol: /^https?$/, error: 'only http: and https: URLs are accepted' })).nullable(),
  model: z.string().trim().max(200).nullable(),
  embeddingModel: z.string().trim().max(200).nullable(),
  /** undefined keeps the saved key; null removes it. */
  apiKey: z.string().max(500).nullable().optional(),
});

export const LlmConnectionCheck = z.object({
  model: z.string(),
  purpose: z.enum(['chat', 'embeddings']),
  ok: z.boolean(),
  latencyMs: z.number(),
  /** What the endpoint answered when it failed, in words a person can act on. */
  message: z.string().nullable(),
});
export type LlmConnectionCheck = z.infer<typeof LlmConnectionCheck>;

export const settingsCommands = {
  'settings.llm.get': { input: z.object({}).default({}), output: LlmSettings },
  'settings.llm.set': { input: LlmSettingsInput, output: LlmSettings },
  /** One tiny call per configured model with the form's values, saved or not; nothing is stored. */
  'settings.llm.test': {
    input: LlmSettingsInput,
    output: z.object({ baseUrl: z.string().nullable(), checks: z.array(LlmConnectionCheck) }),
  },
} as const;
