// Commands of the fine-tuning hand-off: send a frozen training version to a provider's OpenAI-compatible
// fine-tuning API, follow the remote job, and read what it recorded. Imports: zod only (and the shared schemas).
import { z } from 'zod';
import { Id } from './common.ts';
import { DatasetName, VersionRef } from './datasets.ts';

/**
 * `preparing`: writing and uploading the files (no remote job yet); the rest are the remote job's own states.
 * A fine-tune that never got a remote job and was cancelled is `cancelled` too.
 */
export const FinetuneStatus = z.enum(['preparing', 'validating_files', 'queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type FinetuneStatus = z.infer<typeof FinetuneStatus>;

export const FinetuneEvent = z.object({
  /** The provider's event id. */
  id: z.string(),
  /** Epoch ms. */
  at: z.number(),
  level: z.string(),
  message: z.string(),
});
export type FinetuneEvent = z.infer<typeof FinetuneEvent>;

export const FinetuneHyperparameters = z.object({ n_epochs: z.number().int().min(1).max(50).optional() });
export type FinetuneHyperparameters = z.infer<typeof FinetuneHyperparameters>;

export const Finetune = z.object({
  id: Id,
  dataset: z.string(),
  /** `v3`. */
  version: z.string(),
  provider: z.string(),
  providerId: z.string(),
  baseModel: z.string(),
  suffix: z.string().nullable(),
  hyperparameters: FinetuneHyperparameters,
  status: FinetuneStatus,
  /** The job in Winnow's jobs list that uploads and follows it (resume it after a crash). */
  jobId: Id.nullable(),
  trainingFileId: z.string().nullable(),
  validationFileId: z.string().nullable(),
  /** The provider's fine-tuning job id (`ftjob-…`), once created. */
  remoteJobId: z.string().nullable(),
  /** The trained model's name, once succeeded; registered on the provider's model list. */
  fineTunedModel: z.string().nullable(),
  error: z.string().nullable(),
  trainedTokens: z.number().nullable(),
  trainRows: z.number(),
  validationRows: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Newest first, at most 100. Only in `finetune.status`; lists leave them empty. */
  events: z.array(FinetuneEvent),
});
export type Finetune = z.infer<typeof Finetune>;

export const FinetuneStartInput = z.object({
  dataset: DatasetName,
  /** A frozen version; the draft is refused (freeze it first), with a message saying so. */
  version: VersionRef,
  /** A saved provider's id or name, or `env` for the one the environment describes. */
  provider: z.string().trim().min(1).max(100),
  baseModel: z.string().trim().min(1).max(200),
  /** Part of the trained model's name (OpenAI allows up to 64 characters). */
  suffix: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, "-" and "_" only')
    .optional(),
  hyperparameters: FinetuneHyperparameters.optional(),
});
export type FinetuneStartInput = z.infer<typeof FinetuneStartInput>;

export const finetuneCommands = {
  /** Checks the version (frozen, training, has rows) and the provider, records the fine-tune and starts its job (llm lane). */
  'finetune.start': { input: FinetuneStartInput, output: z.object({ finetune: Finetune, jobId: Id }) },
  /** Newest first; one dataset's when given. */
  'finetune.list': { input: z.object({ dataset: DatasetName.optional() }), output: z.array(Finetune) },
  'finetune.status': { input: z.object({ id: Id }), output: Finetune },
  /** Cancels the remote job (when there is one) and stops following it. */
  'finetune.cancel': { input: z.object({ id: Id }), output: Finetune },
} as const;
