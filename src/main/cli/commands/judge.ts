// `winnow estimate` and `winnow judge`: the cost of judging a dataset version before spending, and the judge run
// itself with the running total on stderr, over the same core commands as the window. Imports: core, contract,
// CLI helpers.
import type { JudgeEstimate, ModelRef, VersionRef } from '../../../shared/contract/index.ts';
import type { Core } from '../../core/create-core.ts';
import type { JudgeRunReport } from '../../core/curate/judge/index.ts';
import { parseVersioned } from '../../core/datasets/index.ts';
import { followJob } from '../follow-job.ts';
import { UsageError, printJson, printLines } from '../output.ts';

export interface JudgeCliOptions {
  model: string | undefined;
  provider: string | undefined;
  threshold: string | undefined;
  budget: string | undefined;
  json: boolean;
}

function target(args: string[], usage: string): { dataset: string; version: VersionRef } {
  if (args.length !== 1 || !args[0]) throw new UsageError(`usage: winnow ${usage}`);
  const ref = parseVersioned(args[0]);
  return { dataset: ref.name, version: ref.version ?? 'draft' };
}

function modelRef(opts: Pick<JudgeCliOptions, 'model' | 'provider'>): ModelRef | undefined {
  if (!opts.model) {
    if (opts.provider) throw new UsageError('--provider needs a model: give --model (or --judge) too');
    return undefined;
  }
  return { model: opts.model, ...(opts.provider ? { provider: opts.provider } : {}) };
}

const usd = (v: number | null): string => (v === null ? 'unknown (the model has no price)' : `$${v.toFixed(4)}`);

function estimateLines(e: JudgeEstimate): string[] {
  return [
    `${e.dataset}@${e.version} with ${e.model} (${e.provider}): ${e.rows} rows, ${e.alreadyJudged} already judged`,
    `${e.calls} calls, ${e.inputTokens} input tokens, about ${e.outputTokens} output tokens: ${usd(e.usd)}`,
  ];
}

export async function estimateCommand(core: Core, args: string[], opts: JudgeCliOptions): Promise<number> {
  const t = target(args, 'estimate NAME[@vN] --judge MODEL [--provider P]');
  const model = modelRef(opts);
  const estimate = await core.invoke('judge.estimate', { ...t, ...(model ? { model } : {}) });
  if (opts.json) printJson(estimate);
  else printLines(estimateLines(estimate));
  return 0;
}

function number(flag: string, value: string | undefined, check: (n: number) => boolean, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`${flag} must be ${what}, not "${value}"`);
  return n;
}

export async function judgeCommand(core: Core, args: string[], opts: JudgeCliOptions): Promise<number> {
  const t = target(args, 'judge NAME[@vN] --model M [--threshold X] [--budget USD]');
  const model = modelRef(opts);
  const threshold = number('--threshold', opts.threshold, (n) => n >= 0 && n <= 1, 'a score from 0 to 1');
  const budgetUsd = number('--budget', opts.budget, (n) => n > 0, 'a positive amount of US dollars');
  const { jobId, estimate } = await core.invoke('judge.run', {
    ...t,
    ...(model ? { model } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
    ...(budgetUsd !== undefined ? { budgetUsd } : {}),
  });
  if (!opts.json) process.stderr.write(`${estimateLines(estimate).join('\n')}\n`);
  const job = await followJob(core, jobId, 'judge');
  if (!job) return 1;
  const report = job.result as JudgeRunReport;
  const summary = await core.invoke('judge.summary', { ...t, ...(model ? { model } : {}) });
  const out = {
    dataset: summary.dataset,
    version: summary.version,
    model: summary.model,
    rows: summary.rows,
    judged: summary.judged,
    failed: summary.failed,
    pending: summary.pending,
    flagged: summary.flagged,
    borderline: summary.borderline,
    threshold: summary.settings.threshold,
    run: {
      judged: report.judged,
      failed: report.failed,
      reused: report.reused,
      budgetReached: report.budgetReached,
      skippedForBudget: report.skippedForBudget,
    },
    cost: {
      usd: report.cost.usd,
      tokens: report.cost.inputTokens + report.cost.outputTokens,
      inputTokens: report.cost.inputTokens,
      outputTokens: report.cost.outputTokens,
      calls: report.cost.calls,
      cachedCalls: report.cost.cachedCalls,
      unpricedCalls: report.cost.unpricedCalls,
    },
    costSoFar: summary.cost,
  };
  if (opts.json) printJson(out);
  else {
    printLines([
      `${out.dataset}@${out.version} judged by ${out.model}: ${out.judged} of ${out.rows} rows judged, ${out.failed} failed, ${out.pending} pending`,
      `${out.flagged} below the threshold ${out.threshold}, ${out.borderline} borderline`,
      `this run: ${report.judged} judged, ${report.reused} already judged (no call), ${usd(report.cost.usd)} for ${report.cost.calls} calls`,
      ...(report.budgetReached ? [`budget reached: ${report.skippedForBudget} rows left unjudged; run again with a larger --budget to finish`] : []),
    ]);
  }
  return 0;
}
