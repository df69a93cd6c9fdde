// Commands of evaluation runs: estimate and start a run of models over a frozen eval version (a job in the llm
// lane), its results per model with the baseline, per-row predictions, export, hand-offs, and the evaluators. Imports: zod only (and the shared schemas).
import { z } from 'zod';
import { Cursor, Id, PageLimit } from './common.ts';
import { AddReport, DatasetName, VersionRef } from './datasets.ts';
import { JobStatus } from './jobs.ts';
import { ModelRef } from './providers.ts';

/** How an output is compared with the expected one; every metric gives each row pass or fail. */
export const EvalMetric = z.enum(['exact', 'normalized', 'json', 'contains', 'regex', 'schema', 'tool', 'judge']);
export type EvalMetric = z.infer<typeof EvalMetric>;

/** A JSON Schema (draft 2020-12 or 07), validated with ajv. */
export const JsonSchemaDoc = z.record(z.string(), z.unknown());

/** What some metrics need: the regex, the schema, or the judge's model, rubric and pass mark. */
export const MetricOptions = z.object({
  /** `regex`: the output passes when it matches (JavaScript syntax). */
  pattern: z.string().min(1).max(5000).optional(),
  flags: z.string().regex(/^[imsu]*$/, 'regex flags may be i, m, s and u').max(4).optional(),
  /** `schema`: the output must parse as JSON and validate against it. */
  schema: JsonSchemaDoc.optional(),
  /** `judge`: the judging model; default the dataset's judge model, else the default provider's chat model. */
  judgeModel: ModelRef.optional(),
  /** `judge`: what a good answer is; default: "as correct and complete as the expected answer". */
  rubric: z.string().trim().min(1).max(20_000).optional(),
  /** `judge`: the judge's score (0-1) at or above which a row passes. */
  passMark: z.number().min(0).max(1).default(0.5),
});
export type MetricOptions = z.infer<typeof MetricOptions>;

/** A model as a run names it; `alias` is the label shown (two runs of one model with different settings). */
export const EvalModel = ModelRef.extend({ alias: z.string().trim().min(1).max(80).optional() });
export type EvalModel = z.infer<typeof EvalModel>;

/** A pass rule on the dataset (every row) or on one row (a regression row carries its own). */
export const EvaluatorRule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('exact'), value: z.string().max(100_000), normalized: z.boolean().default(false) }),
  z.object({ type: z.literal('contains'), value: z.string().min(1).max(100_000), caseSensitive: z.boolean().default(false) }),
  z.object({ type: z.literal('regex'), pattern: z.string().min(1).max(5000), flags: z.string().regex(/^[imsu]*$/).max(4).default('') }),
  z.object({ type: z.literal('schema'), schema: JsonSchemaDoc }),
  z.object({ type: z.literal('rubric'), rubric: z.string().trim().min(1).max(20_000), model: ModelRef.optional(), passMark: z.number().min(0).max(1).default(0.5) }),
]);
export type EvaluatorRule = z.infer<typeof EvaluatorRule>;

export const Evaluator = z.object({
  /** Unique within its scope; shown in results ("mentions refund"). */
  name: z.string().trim().min(1).max(120),
  rule: EvaluatorRule,
});
export type Evaluator = z.infer<typeof Evaluator>;

export const EvaluatorSet = z.object({
  dataset: z.string(),
  /** null: the dataset's evaluators (every row); else one row's own. */
  rowKey: z.number().nullable(),
  evaluators: z.array(Evaluator),
  /** Rows that carry evaluators of their own. */
  rowsWithEvaluators: z.array(z.number()),
});
export type EvaluatorSet = z.infer<typeof EvaluatorSet>;

export const Latency = z.object({ mean: z.number(), p50: z.number(), p95: z.number() });
export type Latency = z.infer<typeof Latency>;

export const EvaluatorCounts = z.object({
  name: z.string(),
  scope: z.enum(['dataset', 'row']),
  /** Rows the evaluator applies to (row evaluators: the rows carrying it). */
  rows: z.number(),
  passed: z.number(),
  failed: z.number(),
});
export type EvaluatorCounts = z.infer<typeof EvaluatorCounts>;

/** One model's (or the baseline's) result over the run's rows. */
export const EvalModelResult = z.object({
  /** The label: the alias, else the model name; `baseline` for the original responses. */
  model: z.string(),
  provider: z.string().nullable(),
  rows: z.number(),
  /** Rows with an output scored (not pending, not failed). */
  scored: z.number(),
  passed: z.number(),
  /** Calls that failed for good (error, timeout, refused); they count as not passed. */
  failures: z.number(),
  /** Rows not answered yet (the run is going, was stopped or hit its budget). */
  pending: z.number(),
  /** passed / (rows answered or failed); null before any row. */
  score: z.number().nullable(),
  /** 95 % Wilson score interval of the pass rate. */
  ci: z.tuple([z.number(), z.number()]).nullable(),
  /** USD per answered row; null when the model has no price. */
  costPerRow: z.number().nullable(),
  costUsd: z.number().nullable(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  /** Milliseconds per call made (answers from the cache left out); null when no call was made. */
  latency: Latency.nullable(),
  evaluators: z.array(EvaluatorCounts),
});
export type EvalModelResult = z.infer<typeof EvalModelResult>;

export const SystemPromptInfo = z.object({
  /** True when the run replaced each row's system prompt with its own. */
  overridden: z.boolean(),
  /** sha256 of the override (null when the rows' own prompts were used). */
  hash: z.string().nullable(),
  /** Its first line, cut to 120 characters. */
  summary: z.string().nullable(),
});
export type SystemPromptInfo = z.infer<typeof SystemPromptInfo>;

export const EvalRunSummary = z.object({
  id: Id,
  dataset: z.string(),
  /** `v3`. */
  version: z.string(),
  versionNumber: z.number(),
  models: z.array(EvalModel.extend({ label: z.string() })),
  metric: EvalMetric,
  metricOptions: MetricOptions,
  /** The run's job status; `succeeded` with budgetReached means some rows were left unanswered. */
  status: JobStatus,
  jobId: Id.nullable(),
  budgetUsd: z.number().nullable(),
  budgetReached: z.boolean(),
  concurrency: z.number(),
  rows: z.number(),
  systemPrompt: SystemPromptInfo,
  createdAt: z.number(),
  finishedAt: z.number().nullable(),
  /** Per model: label, score and interval (the short form of eval.show). */
  results: z.array(z.object({ model: z.string(), score: z.number().nullable(), ci: z.tuple([z.number(), z.number()]).nullable(), failures: z.number() })),
});
export type EvalRunSummary = z.infer<typeof EvalRunSummary>;

export const EvalRunDetail = z.object({
  run: EvalRunSummary,
  /** The override in full (null when the rows' own system prompts were used). */
  systemPromptText: z.string().nullable(),
  results: z.array(EvalModelResult),
  /** The original responses of the version rows scored the same way (no calls); null when no row has one. */
  baseline: EvalModelResult.nullable(),
  /** Counts over every model together, per evaluator. */
  evaluators: z.array(EvaluatorCounts),
});
export type EvalRunDetail = z.infer<typeof EvalRunDetail>;

/** `disagreements`: the models (or the one model and the baseline) differ on pass; `regressions`: a model (or `model`) fails where the baseline passed; `failures`: a model (or `model`) did not pass; `errors`: a call failed. */
export const EvalRowFilter = z.enum(['all', 'disagreements', 'regressions', 'failures', 'errors']);
export type EvalRowFilter = z.infer<typeof EvalRowFilter>;

export const EvaluatorVerdict = z.object({ name: z.string(), scope: z.enum(['dataset', 'row']), pass: z.boolean(), detail: z.string().nullable() });
export type EvaluatorVerdict = z.infer<typeof EvaluatorVerdict>;

/** One model's answer to one row, short form. */
export const EvalPrediction = z.object({
  model: z.string(),
  /** The output's text (tool calls as JSON), cut to a preview; null when pending or failed. */
  output: z.string().nullable(),
  /** null while pending or when the call failed. */
  pass: z.boolean().nullable(),
  /** The metric's score: 1/0, or the judge's 0-1. */
  score: z.number().nullable(),
  /** Why it failed the metric ("not valid JSON at 1:7", the judge's rationale). */
  detail: z.string().nullable(),
  latencyMs: z.number().nullable(),
  costUsd: z.number().nullable(),
  error: z.string().nullable(),
  status: z.enum(['answered', 'failed', 'pending']),
  evaluators: z.array(EvaluatorVerdict),
});
export type EvalPrediction = z.infer<typeof EvalPrediction>;

export const EvalRowView = z.object({
  rowKey: z.number(),
  /** The last user message, cut to a preview. */
  prompt: z.string(),
  /** The expected output's text (the row's expected output, else its original response). */
  expected: z.string(),
  baseline: EvalPrediction.nullable(),
  predictions: z.array(EvalPrediction),
});
export type EvalRowView = z.infer<typeof EvalRowView>;

/** One model's answer in full. */
export const EvalPredictionDetail = EvalPrediction.extend({
  /** The assistant message as returned (content and tool calls). */
  response: z.record(z.string(), z.unknown()).nullable(),
  outputText: z.string().nullable(),
  inputTokens: z.number().nullable(),
  outputTokens: z.number().nullable(),
  cached: z.boolean(),
});
export type EvalPredictionDetail = z.infer<typeof EvalPredictionDetail>;

export const EvalRowDetail = z.object({
  rowKey: z.number(),
  /** Exactly what was sent: the row's messages with the run's system prompt in place. */
  messages: z.array(z.record(z.string(), z.unknown())),
  tools: z.array(z.unknown()).nullable(),
  responseFormat: z.unknown().nullable(),
  expected: z.unknown(),
  expectedText: z.string(),
  baseline: EvalPredictionDetail.nullable(),
  predictions: z.array(EvalPredictionDetail),
});
export type EvalRowDetail = z.infer<typeof EvalRowDetail>;

export const EvalEstimate = z.object({
  dataset: z.string(),
  version: z.string(),
  rows: z.number(),
  models: z.array(
    z.object({
      model: z.string(),
      provider: z.string(),
      calls: z.number(),
      /** Counted with gpt-tokenizer (o200k_base) over the messages as they will be sent. */
      inputTokens: z.number(),
      /** Expected: the length of the rows' original responses. */
      outputTokens: z.number(),
      /** null when the model has no price. */
      usd: z.number().nullable(),
      pricePer1M: z.object({ input: z.number(), output: z.number() }).nullable(),
    }),
  ),
  /** The judge's calls (metric `judge` and rubric evaluators), one per row × model. */
  judge: z.object({ model: z.string(), provider: z.string(), calls: z.number(), usd: z.number().nullable() }).nullable(),
  /** null when any model involved has no price. */
  totalUsd: z.number().nullable(),
  /** false above 2,000 rows: a sample of prompts is tokenised and scaled by characters. */
  exact: z.boolean(),
});
export type EvalEstimate = z.infer<typeof EvalEstimate>;

const RunTarget = z.object({
  dataset: DatasetName,
  /** Only a frozen version can be evaluated (a draft is refused with a clear message). */
  version: VersionRef,
  models: z.array(EvalModel).min(1).max(16),
  metric: EvalMetric,
  metricOptions: MetricOptions.optional(),
  /** Replaces each row's system prompt (added when a row has none). */
  systemPrompt: z.string().max(100_000).optional(),
});
const RowKeys = z.array(Id).min(1).max(100_000);

export const evaluateCommands = {
  /** Calls, tokens and cost per model before anything is spent. */
  'eval.estimate': { input: RunTarget, output: EvalEstimate },
  /** Starts a run (a job in the llm lane); stops cleanly at the budget; resumes reusing stored answers. */
  'eval.start': {
    input: RunTarget.extend({ budgetUsd: z.number().positive().max(100_000).optional(), concurrency: z.number().int().min(1).max(64).default(8) }),
    output: z.object({ runId: Id, jobId: Id, estimate: EvalEstimate }),
  },
  /** Runs, newest first. */
  'eval.list': { input: z.object({ dataset: DatasetName.optional() }).default({}), output: z.array(EvalRunSummary) },
  'eval.show': { input: z.object({ runId: Id }), output: EvalRunDetail },
  /** Per-row predictions of every model in row-key order, keyset paged. */
  'eval.rows': {
    input: z.object({ runId: Id, filter: EvalRowFilter.default('all'), model: z.string().optional(), cursor: Cursor.optional(), limit: PageLimit }),
    output: z.object({ total: z.number(), items: z.array(EvalRowView), nextCursor: Cursor.nullable() }),
  },
  'eval.row': { input: z.object({ runId: Id, rowKey: Id }), output: EvalRowDetail },
  /** Writes one JSON line per row × model (baseline included) to `path`. */
  'eval.exportPredictions': {
    input: z.object({ runId: Id, path: z.string().min(1).max(4096) }),
    output: z.object({ path: z.string(), lines: z.number() }),
  },
  /** Adds the rows to a training dataset's draft through the usual add-rows path: its leakage guard still applies. */
  'eval.addToTraining': { input: z.object({ runId: Id, rowKeys: RowKeys, dataset: DatasetName }), output: AddReport },
  /** Queues the rows for review in the eval dataset's draft (started from its latest frozen version when there is none), saying which models failed them. */
  'eval.sendToReview': {
    input: z.object({ runId: Id, rowKeys: RowKeys }),
    output: z.object({ dataset: z.string(), queued: z.number(), alreadyQueued: z.number(), missing: z.number() }),
  },
  /** The dataset's evaluators, or one row's when `rowKey` is given. */
  'eval.evaluators.get': { input: z.object({ dataset: DatasetName, rowKey: Id.optional() }), output: EvaluatorSet },
  /** Replaces the dataset's (or one row's) evaluators; an empty list removes them. */
  'eval.evaluators.set': {
    input: z.object({ dataset: DatasetName, rowKey: Id.optional(), evaluators: z.array(Evaluator).max(50) }),
    output: EvaluatorSet,
  },
} as const;
