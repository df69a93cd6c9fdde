// Commands of the Curate step on a dataset draft: the filter/judge run, its counts and per-row verdicts, per-row
// overrides, PII scan and redaction, and the review queue with decisions, undo, bulk and judge-human agreement.
// Imports: zod only (and the shared schemas).
import { z } from 'zod';
import { Cursor, Id, PageLimit } from './common.ts';
import { DatasetName, DatasetRowView } from './datasets.ts';
import { DEFAULT_JUDGE_THRESHOLD } from './judge.ts';

/** In the order the pipeline applies them: the first that drops a row is its reason. */
export const CurateFilterName = z.enum(['failed', 'empty', 'cluster', 'refusal', 'truncated', 'invalid_json', 'too_long', 'pii', 'duplicate']);
export type CurateFilterName = z.infer<typeof CurateFilterName>;

export const PiiType = z.enum(['EMAIL', 'PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'IP_ADDRESS', 'STREET_ADDRESS', 'API_KEY', 'PRIVATE_KEY', 'JWT', 'SECRET']);
export type PiiType = z.infer<typeof PiiType>;

const Switch = { enabled: z.boolean().optional() };

/** Each filter's switch and options; anything left out keeps its default (cluster and too_long start off). */
export const CurateFilterSettings = z.object({
  failed: z.object(Switch).optional(),
  empty: z.object(Switch).optional(),
  cluster: z
    .object({
      ...Switch,
      /** Rows outside these clusters drop; null keeps every cluster. */
      clusterIds: z.array(Id).max(10_000).nullable().optional(),
      /** Rows below this membership score drop; null skips the check. */
      minMembershipScore: z.number().min(0).max(1).nullable().optional(),
    })
    .optional(),
  refusal: z.object(Switch).optional(),
  truncated: z.object(Switch).optional(),
  invalid_json: z.object({ ...Switch, allowFenced: z.boolean().optional() }).optional(),
  too_long: z.object({ ...Switch, maxTokens: z.number().int().min(1).max(10_000_000).optional() }).optional(),
  pii: z.object({ ...Switch, types: z.array(PiiType).nullable().optional() }).optional(),
  duplicate: z.object({ ...Switch, near: z.boolean().optional(), threshold: z.number().min(0.3).max(1).optional() }).optional(),
});
export type CurateFilterSettings = z.infer<typeof CurateFilterSettings>;

/** The judge part of a run; omitted (or null) runs the filters only. */
export const CurateJudgeSettings = z.object({
  /** A chat model of a configured provider; the cheap default of the judge when absent. */
  model: z.string().trim().min(1).max(200).optional(),
  /** Rows whose overall score is below it are flagged. */
  threshold: z.number().min(0).max(1).default(DEFAULT_JUDGE_THRESHOLD),
  /** Rows within this distance of the threshold go to the review queue as borderline. */
  margin: z.number().min(0).max(0.5).default(0.1),
  /** Not taken here (refused): the judge scores against the dataset's rubric, set with judge.rubric.set. */
  rubric: z.string().max(20_000).optional(),
  /** Stop the judge cleanly once this much has been spent, in US dollars. */
  budgetUsd: z.number().min(0).optional(),
});
export type CurateJudgeSettings = z.infer<typeof CurateJudgeSettings>;

/** Which kept rows go to a person besides the judge's near-threshold ones. */
export const CurateReviewSettings = z.object({
  /**
   * Rows whose cluster membership is below it go to the review queue as borderline (the cluster view marks rows
   * under 0.5 the same way); null: membership sends no row to review.
   */
  membershipBelow: z.number().min(0).max(1).nullable(),
});
export type CurateReviewSettings = z.infer<typeof CurateReviewSettings>;
export const DEFAULT_REVIEW: CurateReviewSettings = { membershipBelow: 0.5 };

/**
 * Which rows: `all`; `kept` and `dropped` (the final outcome); `dropped:<filter>` (that filter decided the drop);
 * `flagged` (judge below threshold); `borderline` (near the threshold, or low cluster membership); `reviewed`;
 * `unreviewed`; `overridden`; `pii` (rows with any PII span).
 */
export const CurateStage = z.union([
  z.enum(['all', 'kept', 'dropped', 'flagged', 'borderline', 'reviewed', 'unreviewed', 'overridden', 'pii']),
  z.templateLiteral(['dropped:', CurateFilterName]),
]);
export type CurateStage = z.infer<typeof CurateStage>;

export const FilterVerdictView = z.object({
  filter: CurateFilterName,
  drop: z.boolean(),
  reason: z.string(),
  /** For `duplicate`: the row key of the copy that stays. */
  duplicateOf: z.number().nullable(),
});
export type FilterVerdictView = z.infer<typeof FilterVerdictView>;

export const JudgeScoresView = z.object({
  model: z.string(),
  status: z.enum(['ok', 'failed']),
  overall: z.number().nullable(),
  helpfulness: z.number().nullable(),
  relevance: z.number().nullable(),
  format: z.number().nullable(),
  rationale: z.string().nullable(),
  /** Why a failed judgement failed. */
  error: z.string().nullable(),
});
export type JudgeScoresView = z.infer<typeof JudgeScoresView>;

/** Where a PII span sits: a prompt message index or the response, a content part, or a tool call's arguments. */
export const PiiSpanView = z.object({
  message: z.union([z.number(), z.literal('response')]),
  part: z.number().nullable(),
  toolCall: z.number().nullable(),
  start: z.number(),
  end: z.number(),
  type: PiiType,
  /** Which rule found it ("openai", "luhn", ...), for reviewers. */
  detail: z.string().nullable(),
});
export type PiiSpanView = z.infer<typeof PiiSpanView>;

export const ReviewDecision = z.enum(['accept', 'reject']);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const ReviewView = z.object({
  decision: ReviewDecision.nullable(),
  note: z.string().nullable(),
  decidedAt: z.number(),
  /** True when the reviewer edited the response (the draft row holds the edit). */
  edited: z.boolean(),
});
export type ReviewView = z.infer<typeof ReviewView>;

/** What decided a row's outcome, strongest first: review, override, filter, judge; null = kept by default. */
export const DecidedBy = z.object({ by: z.enum(['review', 'override', 'filter', 'judge']), filter: CurateFilterName.nullable(), reason: z.string() });
export type DecidedBy = z.infer<typeof DecidedBy>;

export const CurateRowView = z.object({
  rowKey: z.number(),
  /** The final outcome: kept rows go into freeze and export. */
  kept: z.boolean(),
  decidedBy: DecidedBy.nullable(),
  /** Every filter that had something to say, in pipeline order (notes that do not drop included). */
  verdicts: z.array(FilterVerdictView),
  override: z.enum(['keep', 'drop']).nullable(),
  judge: JudgeScoresView.nullable(),
  flagged: z.boolean(),
  borderline: z.boolean(),
  /** Why the row is borderline: "overall 0.48 within 0.1 of 0.5", "membership 0.31". */
  borderlineReasons: z.array(z.string()),
  pii: z.array(PiiSpanView),
  review: ReviewView.nullable(),
  /** The draft row as stored (messages, response, labels, note ...). */
  row: DatasetRowView,
});
export type CurateRowView = z.infer<typeof CurateRowView>;

export const CurateCost = z.object({ usd: z.number(), tokens: z.number(), calls: z.number(), cached: z.number() });
export type CurateCost = z.infer<typeof CurateCost>;

export const CurateSummary = z.object({
  dataset: z.string(),
  /** null until the first run. */
  runAt: z.number().nullable(),
  jobId: Id.nullable(),
  /** The draft changed (rows added, edited or redacted) since the run: counts may be out of date. */
  stale: z.boolean(),
  filters: z.record(z.string(), z.unknown()),
  judge: z.object({ model: z.string(), threshold: z.number(), margin: z.number(), rubricHash: z.string() }).nullable(),
  /** The run's review settings (what else makes a row borderline). */
  review: CurateReviewSettings,
  rows: z.number(),
  kept: z.number(),
  /** Rows each filter dropped as the deciding filter (no override, no review). */
  dropped: z.record(CurateFilterName, z.number()),
  /** Rows each filter would drop, deciding or not. */
  fired: z.record(CurateFilterName, z.number()),
  overridden: z.object({ keep: z.number(), drop: z.number() }),
  judged: z.number(),
  judgeFailed: z.number(),
  flagged: z.number(),
  borderline: z.number(),
  reviewed: z.object({ accepted: z.number(), rejected: z.number(), total: z.number() }),
  /** Borderline rows still without a decision. */
  pending: z.number(),
  withPii: z.number(),
  cost: CurateCost,
  /** Milliseconds the filters took. */
  filterMs: z.number(),
});
export type CurateSummary = z.infer<typeof CurateSummary>;

export const PiiCounts = z.object({
  rows: z.number(),
  rowsWithPii: z.number(),
  spans: z.number(),
  byType: z.record(z.string(), z.number()),
});
export type PiiCounts = z.infer<typeof PiiCounts>;

export const Agreement = z.object({
  /** Rows with both a judge score and a human accept/reject. */
  compared: z.number(),
  threshold: z.number(),
  /** Share of compared rows where judge (overall ≥ threshold = accept) and human agree; null with none compared. */
  agreement: z.number().nullable(),
  /** Cohen's kappa over the same pairs; null when undefined (no rows, or chance agreement is 1). */
  kappa: z.number().nullable(),
  /** Judge accept/reject against human accept/reject. */
  confusion: z.object({ bothAccept: z.number(), bothReject: z.number(), judgeOnlyAccept: z.number(), humanOnlyAccept: z.number() }),
  /** The threshold that would have agreed best (ties: highest kappa, then nearest the current one). */
  best: z.object({ threshold: z.number(), agreement: z.number(), kappa: z.number().nullable() }).nullable(),
});
export type Agreement = z.infer<typeof Agreement>;

const Target = z.object({ dataset: DatasetName });
const Paged = { cursor: Cursor.optional(), limit: PageLimit };
const UndoToken = z.string().min(1).max(200);

export const curateCommands = {
  /** Starts a curation job (cpu lane; llm lane once a judge is asked) over the dataset's draft. */
  'curate.run': {
    input: Target.extend({ filters: CurateFilterSettings.default({}), judge: CurateJudgeSettings.nullable().default(null), review: CurateReviewSettings.default(DEFAULT_REVIEW) }),
    output: z.object({ jobId: Id }),
  },
  /** Pipeline counts of the last run, with review progress and cost. */
  'curate.summary': { input: Target, output: CurateSummary },
  /** Draft rows with their verdicts, judge scores, PII spans and review, in row-key order, keyset paged. */
  'curate.rows': {
    input: Target.extend({ stage: CurateStage.default('all'), ...Paged }),
    output: z.object({ total: z.number(), items: z.array(CurateRowView), nextCursor: Cursor.nullable() }),
  },
  /** Keeps or drops one row whatever the filters say; `clear` removes the override. */
  'curate.override': { input: Target.extend({ rowKey: Id, action: z.enum(['keep', 'drop', 'clear']) }), output: CurateRowView },
  /** Moves the judge threshold (and margin) without any new call: flags and borderline are recomputed. */
  'curate.setThreshold': {
    input: Target.extend({ threshold: z.number().min(0).max(1), margin: z.number().min(0).max(0.5).optional() }),
    output: CurateSummary,
  },
  /** Histogram of judge overall scores, for the threshold slider. */
  'curate.scores': {
    input: Target.extend({ bins: z.number().int().min(2).max(100).default(20) }),
    output: z.object({ threshold: z.number().nullable(), margin: z.number().nullable(), bins: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })) }),
  },
  /** Rows waiting for a human: borderline by default, or any stage (a filter's drops, flagged ...). */
  'review.queue': {
    input: Target.extend({ stage: CurateStage.default('borderline'), pendingOnly: z.boolean().default(true), ...Paged }),
    output: z.object({ total: z.number(), pending: z.number(), reviewed: z.number(), items: z.array(CurateRowView), nextCursor: Cursor.nullable() }),
  },
  /** Saves a decision at once (one transaction): accept/reject and/or an edited response, labels, a note. */
  'review.decide': {
    input: Target.extend({
      rowKey: Id,
      decision: ReviewDecision.nullable().optional(),
      /** The assistant turn in OpenAI chat shape, replacing the draft row's response. */
      response: z.object({ role: z.literal('assistant') }).catchall(z.unknown()).optional(),
      labels: z.array(z.string().max(200)).max(100).optional(),
      note: z.string().max(10_000).nullable().optional(),
    }),
    output: z.object({ row: CurateRowView, undoToken: UndoToken }),
  },
  /** Restores what one decide or bulk changed. */
  'review.undo': { input: Target.extend({ undoToken: UndoToken }), output: z.object({ rows: z.number(), row: CurateRowView.nullable() }) },
  /** Accepts or rejects every row matching a stage (pending rows only unless told), in one transaction. */
  'review.bulk': {
    input: Target.extend({ stage: CurateStage, decision: ReviewDecision, pendingOnly: z.boolean().default(true), note: z.string().max(10_000).optional() }),
    output: z.object({ changed: z.number(), undoToken: UndoToken }),
  },
  /** Judge-human agreement on reviewed rows at the current threshold (or the one given). */
  'review.agreement': { input: Target.extend({ threshold: z.number().min(0).max(1).optional() }), output: Agreement },
  /** PII spans in the draft, counted by type. */
  'pii.scan': { input: Target.extend({ types: z.array(PiiType).min(1).optional() }), output: PiiCounts },
  /** Rewrites draft rows with consistent placeholders (<EMAIL_1>); the traces keep the originals. */
  'pii.redact': { input: Target.extend({ types: z.array(PiiType).min(1).optional() }), output: PiiCounts.extend({ rowsChanged: z.number() }) },
} as const;
