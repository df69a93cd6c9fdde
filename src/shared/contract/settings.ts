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

export const settingsCommands = {
  'settings.llm.get': { input: z.object({}).default({}), output: LlmSettings },
  'settings.llm.set': {
    input: z.object({
      /** http: and https: only: the key is sent there as a bearer token. A new URL forgets the saved key unless one is given. */
      baseUrl: z.string().trim().max(500).pipe(z.url({ protocol: /^https?$/, error: 'only http: and https: URLs are accepted' })).nullable(),
      model: z.string().trim().max(200).nullable(),
      embeddingModel: z.string().trim().max(200).nullable(),
      /** undefined keeps the saved key; null removes it. */
      apiKey: z.string().max(500).nullable().optional(),
    }),
    output: LlmSettings,
  },
} as const;
