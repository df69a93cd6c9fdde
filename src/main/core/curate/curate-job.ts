// The curation job (cpu lane; llm lane with the judge): reads the draft, runs the switched-on filters with the user's overrides, counts
// PII spans, asks the judge (when one is set) to score the rows the filters kept, and stores the run and every
// row's verdicts in one transaction, so a cancelled run leaves the previous run whole.
// Imports: zod, contract schemas, jobs types, datasets index, curate engine, this domain's repositories.
import { z } from 'zod';
import { CurateFilterSettings, CurateJudgeSettings, CurateReviewSettings, DEFAULT_REVIEW, DatasetName, type CurateCost, type FilterVerdictView, type JudgeScoresView } from '../../../shared/contract/index.ts';
import type { DatasetRow, DraftAccess } from '../datasets/index.ts';
import type { JobContext, JobHandler } from '../platform/jobs/job-runner.ts';
import type { CurateRepository, RowInsert } from './curate-repository.ts';
import { curateRowOf } from './curate-row-of.ts';
import { FILTER_NAMES, runFiltersInWorker, type CurateRow, type FilterName } from './engine/index.ts';
import { engineSettings, recipeFilters } from './filter-settings.ts';
import type { JudgeStep } from './judge-step.ts';
import type { TraceFactsRepository } from './trace-facts-repository.ts';

export const CurateParams = z.object({
  dataset: DatasetName,
  filters: CurateFilterSettings.default({}),
  judge: CurateJudgeSettings.nullable().default(null),
  review: CurateReviewSettings.default(DEFAULT_REVIEW),
});
export type CurateParams = z.infer<typeof CurateParams>;

export interface CurateResult {
  dataset: string;
  rows: number;
  kept: number;
  dropped: Record<string, number>;
  judged: number;
  cost: CurateCost;
  filterMs: number;
  notes: string[];
}

interface Deps {
  drafts: DraftAccess;
  repo: CurateRepository;
  facts: TraceFactsRepository;
  judge: JudgeStep;
  now: () => number;
}

const NO_COST: CurateCost = { usd: 0, tokens: 0, calls: 0, cached: 0 };

/**
 * Two kinds over one run: filters only on the cpu lane; with the judge on the llm lane, so minutes of model calls
 * never hold up clustering, and a long judge never waits behind it either.
 */
export function createCurateJobs(deps: Deps): [JobHandler<CurateParams>, JobHandler<CurateParams>] {
  const base = { params: CurateParams, changes: ['datasets'] as const, run: (ctx: JobContext<CurateParams>) => runCuration(deps, ctx) };
  return [
    { ...base, kind: 'curate', lane: 'cpu', title: (p) => `Curate ${p.dataset}` },
    { ...base, kind: 'curate-judge', lane: 'llm', title: (p) => `Curate ${p.dataset} with the judge` },
  ];
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function runCuration(deps: Deps, ctx: JobContext<CurateParams>): Promise<CurateResult> {
  const { params, signal } = ctx;
  const draft = deps.drafts.ensure(params.dataset);
  const total = draft.rows;
  const stored: DatasetRow[] = [];
  ctx.progress(0, total, 'reading');
  for (const page of deps.drafts.pages(draft)) {
    signal.throwIfAborted();
    stored.push(...page);
    ctx.progress(stored.length, total, 'reading');
    await yieldToEvents();
  }
  const facts = deps.facts.facts(stored.map((r) => r.sourceTraceId));
  const rows: CurateRow[] = stored.map((r) => curateRowOf(r, facts.get(r.sourceTraceId)));
  signal.throwIfAborted();

  ctx.progress(0, rows.length, 'filtering');
  const config = engineSettings(params.filters);
  const overrides = deps.repo.overrides(draft.datasetId);
  // In a worker thread: 100k rows take seconds, and the main thread serves the window meanwhile.
  const { run, piiSpans } = await runFiltersInWorker(
    {
      rows,
      config,
      keep: overrides.filter((o) => o.action === 'keep').map((o) => String(o.row_key)),
      drop: overrides.filter((o) => o.action === 'drop').map((o) => String(o.row_key)),
    },
    signal,
  );
  const filterMs = Object.values(run.timings).reduce((a, b) => a + (b ?? 0), 0);
  signal.throwIfAborted();

  const notes: string[] = [];
  let scores = new Map<number, JudgeScoresView>();
  let cost = NO_COST;
  let judgeRecord: { model: string; threshold: number; margin: number; rubricHash: string } | null = null;
  if (params.judge) {
    if (!deps.judge.judge) {
      notes.push('the LLM judge is not available in this build: filters only, nothing judged');
    } else {
      const toJudge = stored.filter((_, i) => !run.rows[i]!.drop);
      ctx.progress(0, toJudge.length, 'judging');
      const outcome = await deps.judge.judge({
        dataset: draft.dataset,
        taskDescription: draft.taskDescription,
        rows: toJudge,
        settings: params.judge,
        signal,
        progress: (done, all) => ctx.progress(done, all, 'judging'),
      });
      scores = outcome.scores;
      cost = outcome.cost;
      judgeRecord = { model: outcome.model, threshold: params.judge.threshold, margin: params.judge.margin, rubricHash: outcome.rubricHash };
      if (outcome.stoppedBy) notes.push(outcome.stoppedBy);
    }
  }
  signal.throwIfAborted();

  ctx.progress(0, rows.length, 'saving');
  const inserts = stored.map((row, i): RowInsert => {
    const verdict = run.rows[i]!;
    const first = verdict.fired.find((f) => f.drop);
    const judged = scores.get(Number(row.rowId)) ?? null;
    return {
      rowKey: Number(row.rowId),
      dropFilter: first ? first.filter : null,
      verdicts: JSON.stringify(
        verdict.fired.map((f): FilterVerdictView => ({ filter: f.filter, drop: f.drop, reason: f.reason, duplicateOf: f.duplicateOf === undefined ? null : Number(f.duplicateOf) })),
      ),
      piiSpans: piiSpans[i]!,
      membership: row.membershipScore,
      judgeOverall: judged?.status === 'ok' ? judged.overall : null,
      judge: judged ? JSON.stringify(judged) : null,
    };
  });
  const counts = {
    fired: Object.fromEntries(FILTER_NAMES.map((n) => [n, run.counts[n].fired])),
    decided: Object.fromEntries(FILTER_NAMES.map((n) => [n, run.counts[n].decided])),
    filterMs,
    notes,
  };
  deps.repo.write(() =>
    deps.repo.replaceRun(
      {
        datasetId: draft.datasetId,
        versionId: draft.versionId,
        jobId: ctx.jobId,
        // The review settings ride with the filters' record: both are the run's settings, read back by stageParams.
        filters: { config, applied: recipeFilters(config), review: params.review },
        judge: judgeRecord,
        rowCount: rows.length,
        counts,
        ...cost,
        runAt: deps.now(),
      },
      inserts,
    ),
  );
  ctx.progress(rows.length, rows.length, 'done');
  const dropped = Object.fromEntries(FILTER_NAMES.map((n: FilterName) => [n, run.counts[n].decided]));
  return { dataset: draft.dataset, rows: rows.length, kept: run.kept, dropped, judged: scores.size, cost, filterMs, notes };
}
