// Commands of synthetic generation (a teacher answers prompts N times, the judge keeps the best) and committee
// relabelling (several teachers answer a draft's prompts, an arbiter picks, the user picks the training target).
// Imports: zod only (and the shared schemas).
import { z } from 'zod';
import { Id } from './common.ts';
import { DatasetName, VersionRef } from './datasets.ts';
import { ModelRef } from './providers.ts';

/** Where the prompts come from: a file (text, one per line; or JSONL of {prompt} / {messages}), a dataset, or a list. */
export const PromptSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('file'), path: z.string().trim().min(1).max(4096) }),
  z.object({ type: z.literal('dataset'), dataset: DatasetName, version: VersionRef.default('draft') }),
  z.object({ type: z.literal('list'), prompts: z.array(z.string().trim().min(1)).min(1).max(100_000) }),
]);
export type PromptSource = z.infer<typeof PromptSource>;

const Budget = z.number().positive().max(100_000);

export const GenerateInput = z.object({
  /** The dataset whose draft receives the rows; created (as a training dataset) when absent. */
  dataset: DatasetName,
  prompts: PromptSource,
  teacher: ModelRef,
  /** Responses per prompt. */
  n: z.number().int().min(1).max(16).default(4),
  /** The judge model; default: the default chat model. */
  judge: ModelRef.optional(),
  temperature: z.number().min(0).max(2).default(0.8),
  maxTokens: z.number().int().min(1).max(32_000).default(1024),
  budgetUsd: Budget.optional(),
});
export type GenerateInput = z.infer<typeof GenerateInput>;

/** Calls, tokens and cost before anything is spent. Output tokens are the worst case (every reply at the cap). */
export const TeacherEstimate = z.object({
  dataset: z.string(),
  prompts: z.number(),
  /** Work a job has already done (0 before a job starts; answers paid before still come from the response cache). */
  alreadyDone: z.number(),
  calls: z.number(),
  teacherCalls: z.number(),
  judgeCalls: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  /** null when a model has no price. */
  usd: z.number().nullable(),
  models: z.array(z.object({ role: z.enum(['teacher', 'judge', 'committee', 'arbiter']), model: z.string(), provider: z.string(), pricePer1M: z.object({ input: z.number(), output: z.number() }).nullable() })),
});
export type TeacherEstimate = z.infer<typeof TeacherEstimate>;

/** One answer of a teacher to a row's prompt, with the judge's (or arbiter's) score. */
export const TeacherAnswer = z.object({
  slot: z.number(),
  model: z.string(),
  /** null when the call failed (the error says why): a failed teacher is recorded, never guessed. */
  text: z.string().nullable(),
  error: z.string().nullable(),
  overall: z.number().nullable(),
  rationale: z.string().nullable(),
  chosen: z.boolean(),
});
export type TeacherAnswer = z.infer<typeof TeacherAnswer>;

export const RelabelTarget = z.enum(['original', 'winner']);
export type RelabelTarget = z.infer<typeof RelabelTarget>;

export const RelabelInput = z.object({
  dataset: DatasetName,
  committee: z.array(ModelRef).min(1).max(8),
  /** Scores every answer with the judge's rubric; default: the default chat model. */
  arbiter: ModelRef.optional(),
  /** Rows whose committee scores spread wider than this go to the review queue. */
  spread: z.number().min(0).max(1).default(0.3),
  maxTokens: z.number().int().min(1).max(32_000).default(1024),
  budgetUsd: Budget.optional(),
});
export type RelabelInput = z.infer<typeof RelabelInput>;

export const RelabelRow = z.object({
  rowKey: z.number(),
  prompt: z.string(),
  original: z.string(),
  answers: z.array(TeacherAnswer),
  winner: z.string().nullable(),
  spread: z.number().nullable(),
  /** Scores spread above the threshold, or short (label-like) answers that differ. */
  disagree: z.boolean(),
  reason: z.string().nullable(),
});
export type RelabelRow = z.infer<typeof RelabelRow>;

export const generateCommands = {
  'generate.estimate': { input: GenerateInput, output: TeacherEstimate },
  /** Starts a generation job (llm lane); the estimate is checked first and returned. */
  'generate.start': { input: GenerateInput, output: z.object({ jobId: Id, estimate: TeacherEstimate }) },
  /** Every response generated for a row: the kept one and the alternatives, with their scores. */
  'generate.alternatives': {
    input: z.object({ dataset: DatasetName, rowId: Id }),
    output: z.object({ dataset: z.string(), rowKey: z.number(), items: z.array(TeacherAnswer) }),
  },
} as const;

export const relabelCommands = {
  'relabel.estimate': { input: RelabelInput, output: TeacherEstimate },
  'relabel.start': { input: RelabelInput, output: z.object({ jobId: Id, estimate: TeacherEstimate }) },
  'relabel.results': {
    input: z.object({ dataset: DatasetName, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) }),
    output: z.object({ total: z.number(), disagreements: z.number(), target: RelabelTarget, items: z.array(RelabelRow) }),
  },
  /** Which response the dataset's exports train on: the original, or the committee's winner where there is one. */
  'relabel.setTarget': { input: z.object({ dataset: DatasetName, target: RelabelTarget }), output: z.object({ dataset: z.string(), target: RelabelTarget }) },
} as const;
