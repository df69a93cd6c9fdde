// Commands of the LLM judge: estimate, run (a job in the llm lane), results with per-row scores, the rubric,
// the threshold and borderline settings, and the cost so far. Imports: zod only (and the shared schemas).
import { z } from 'zod';
import { Cursor, Id, PageLimit } from './common.ts';
import { DatasetName, VersionRef } from './datasets.ts';
import { ModelRef } from './providers.ts';

export const Score = z.number().min(0).max(1);

/** The one default judge threshold: the judge's settings and a curation run's judge both start from it. */
export const DEFAULT_JUDGE_THRESHOLD = 0.6;

/** What the judge says of one row; scores are 0-1. */
export const JudgeScores = z.object({
  helpfulness: Score,
  relevance: Score,
  format: Score,
  overall: Score,
  /** One sentence. */
  rationale: z.string(),
});
export type JudgeScores = z.infer<typeof JudgeScores>;

/** `judged`: scores stored; `failed`: the reply was malformed twice (never guessed); `pending`: not judged yet with this model and rubric. */
export const JudgementStatus = z.enum(['judged', 'failed', 'pending']);
export type JudgementStatus = z.infer<typeof JudgementStatus>;

export const JudgedRow = z.object({
  rowKey: z.number(),
  status: JudgementStatus,
  helpfulness: z.number().nullable(),
  relevance: z.number().nullable(),
  format: z.number().nullable(),
  overall: z.number().nullable(),
  rationale: z.string().nullable(),
  /** Why a judgement failed (the validation error of the second reply). */
  error: z.string().nullable(),
  /** overall < threshold. */
  flagged: z.boolean(),
  /** |overall - threshold| <= margin, or membership below minMembership: goes to the review queue. */
  borderline: z.boolean(),
  membershipScore: z.number().nullable(),
  clusterId: z.number().nullable(),
  /** What this row's judgement cost (USD; 0 when answered from the cache; null when the model has no price). */
  costUsd: z.number().nullable(),
  prompt: z.string(),
  responseText: z.string(),
});
export type JudgedRow = z.infer<typeof JudgedRow>;

/** Deciding which rows are flagged and borderline needs no calls: it reads stored scores. */
export const JudgeSettings = z.object({
  /** Rows with overall below it are flagged. */
  threshold: Score,
  /** Rows within this distance of the threshold are borderline. */
  margin: z.number().min(0).max(0.5),
  /** Rows whose cluster membership is below it are borderline too (null: membership not used). */
  minMembership: Score.nullable(),
  /** The judge model of the next run and of the results shown; null: the default provider's chat model. */
  model: ModelRef.nullable(),
});
export type JudgeSettings = z.infer<typeof JudgeSettings>;

export const JudgeCost = z.object({
  usd: z.number(),
  /** Calls whose model has no price: their cost is unknown, not free. */
  unpricedCalls: z.number(),
  calls: z.number(),
  cachedCalls: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
});
export type JudgeCost = z.infer<typeof JudgeCost>;

export const JudgeEstimate = z.object({
  dataset: z.string(),
  version: z.string(),
  model: z.string(),
  provider: z.string(),
  rows: z.number(),
  /** Rows already judged with this model and rubric: they cost nothing. */
  alreadyJudged: z.number(),
  calls: z.number(),
  /** Counted with gpt-tokenizer (o200k_base) over the exact messages the judge will send. */
  inputTokens: z.number(),
  /** Expected: a typical judge reply (a JSON object with one sentence) per call; each reply is capped at 300. */
  outputTokens: z.number(),
  /** null when the model has no price. */
  usd: z.number().nullable(),
  pricePer1M: z.object({ input: z.number(), output: z.number() }).nullable(),
  /** false above 2,000 calls: a sample of prompts is tokenised and scaled by characters. */
  exact: z.boolean(),
});
export type JudgeEstimate = z.infer<typeof JudgeEstimate>;

export const JudgeSummary = z.object({
  dataset: z.string(),
  version: z.string(),
  model: z.string().nullable(),
  rubricHash: z.string(),
  rows: z.number(),
  judged: z.number(),
  failed: z.number(),
  pending: z.number(),
  flagged: z.number(),
  borderline: z.number(),
  settings: JudgeSettings,
  /** Counts of `overall` in 20 equal bins over [0, 1] (the last bin includes 1). */
  histogram: z.array(z.number()),
  /** Every judge run of this dataset so far. */
  cost: JudgeCost,
  /** The latest judge job of this dataset, if any. */
  lastJobId: Id.nullable(),
});
export type JudgeSummary = z.infer<typeof JudgeSummary>;

export const JudgeResultFilter = z.enum(['all', 'flagged', 'borderline', 'passed', 'failed', 'pending']);
export type JudgeResultFilter = z.infer<typeof JudgeResultFilter>;

const Target = z.object({ dataset: DatasetName, version: VersionRef.default('draft') });
/** Only these row keys (e.g. the rows the filters kept); default every row of the version. */
const OnlyRows = z.array(Id).max(1_000_000).optional();

export const judgeCommands = {
  /** Calls, tokens and cost of judging the version with a model, before anything is spent. */
  'judge.estimate': { input: Target.extend({ model: ModelRef.optional(), rowKeys: OnlyRows }), output: JudgeEstimate },
  /**
   * Starts a judge job (llm lane) over rows not yet judged with this model and rubric. Stops cleanly when the
   * budget is reached; `threshold` given here is saved as the dataset's threshold.
   */
  'judge.run': {
    input: Target.extend({ model: ModelRef.optional(), rowKeys: OnlyRows, threshold: Score.optional(), budgetUsd: z.number().positive().max(100_000).optional() }),
    output: z.object({ jobId: Id, estimate: JudgeEstimate }),
  },
  'judge.summary': { input: Target.extend({ model: ModelRef.optional() }), output: JudgeSummary },
  /** Per-row judgements in row-key order, keyset paged. */
  'judge.results': {
    input: Target.extend({ model: ModelRef.optional(), filter: JudgeResultFilter.default('all'), cursor: Cursor.optional(), limit: PageLimit }),
    output: z.object({ total: z.number(), items: z.array(JudgedRow), nextCursor: Cursor.nullable() }),
  },
  'judge.rubric.get': {
    input: z.object({ dataset: DatasetName }),
    output: z.object({ rubric: z.string(), hash: z.string(), isDefault: z.boolean() }),
  },
  /** null restores the default rubric. Judgements under the old rubric stay stored (switching back costs nothing). */
  'judge.rubric.set': {
    input: z.object({ dataset: DatasetName, rubric: z.string().trim().min(1).max(20_000).nullable() }),
    output: z.object({ rubric: z.string(), hash: z.string(), isDefault: z.boolean() }),
  },
  'judge.settings.get': { input: z.object({ dataset: DatasetName }), output: JudgeSettings },
  /** A patch; changing the threshold, margin or membership cut re-reads stored scores, never calls a model. */
  'judge.settings.set': { input: z.object({ dataset: DatasetName, patch: JudgeSettings.partial() }), output: JudgeSettings },
} as const;
