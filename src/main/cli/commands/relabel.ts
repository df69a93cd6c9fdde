// `winnow relabel`: a committee of teacher models answers every row of a dataset's draft, an arbiter picks the
// best, disagreements go to the review queue; `--target` chooses what exports train on. The estimate is printed
// first (in the JSON with --json). Imports: core, contract types, CLI helpers.
import { RelabelTarget } from '../../../shared/contract/index.ts';
import type { Core } from '../../core/create-core.ts';
import type { RelabelReport } from '../../core/evaluate/generate-module.ts';
import { UsageError, printJson, printLines } from '../output.ts';
import { followJob } from '../follow-job.ts';
import { modelOf, numberFlag, teacherEstimateLines } from './teacher-job.ts';

export interface RelabelCliOptions {
  committee: string | undefined;
  arbiter: string | undefined;
  spread: string | undefined;
  maxTokens: string | undefined;
  budget: string | undefined;
  target: string | undefined;
  json: boolean;
}

const USAGE = 'usage: winnow relabel NAME --committee M1,M2 [--arbiter MODEL] [--spread X] [--budget USD] [--target original|winner]';

export async function relabelCommand(core: Core, args: string[], opts: RelabelCliOptions): Promise<number> {
  const dataset = args[0];
  if (args.length !== 1 || !dataset || (!opts.committee && !opts.target)) throw new UsageError(USAGE);
  const target = opts.target === undefined ? undefined : RelabelTarget.safeParse(opts.target);
  if (target && !target.success) throw new UsageError(`--target must be original or winner, not "${opts.target}"`);
  const spread = numberFlag('--spread', opts.spread, (v) => v >= 0 && v <= 1, 'a score difference from 0 to 1');
  const maxTokens = numberFlag('--max-tokens', opts.maxTokens, (v) => Number.isInteger(v) && v >= 1, 'a positive whole number');
  const budgetUsd = numberFlag('--budget', opts.budget, (v) => v > 0, 'a positive amount of US dollars');
  const committee = (opts.committee ?? '').split(',').map((m) => m.trim()).filter(Boolean);
  let run: { job: number; estimate: unknown; report: RelabelReport } | null = null;
  if (committee.length > 0) {
    const arbiter = modelOf(opts.arbiter, undefined);
    const { jobId, estimate } = await core.invoke('relabel.start', {
      dataset,
      committee: committee.map((model) => ({ model })),
      ...(arbiter ? { arbiter } : {}),
      ...(spread !== undefined ? { spread } : {}),
      ...(maxTokens !== undefined ? { maxTokens } : {}),
      ...(budgetUsd !== undefined ? { budgetUsd } : {}),
    });
    if (!opts.json) process.stderr.write(`${teacherEstimateLines(estimate).join('\n')}\n`);
    const job = await followJob(core, jobId, 'relabel');
    if (!job) return 1;
    run = { job: jobId, estimate, report: job.result as RelabelReport };
  }
  if (target?.success) await core.invoke('relabel.setTarget', { dataset, target: target.data });
  const results = await core.invoke('relabel.results', { dataset, limit: 1 });
  const out = { dataset, ...(run ? { job: run.job, estimate: run.estimate, ...run.report } : {}), relabelledRows: results.total, disagreements: results.disagreements, target: results.target };
  if (opts.json) printJson(out);
  else {
    printLines([
      ...(run ? [`${dataset}: ${run.report.relabelled} rows relabelled, ${run.report.noWinner} without a scored answer, ${run.report.disagreements} disagreements sent to review, $${run.report.cost.usd.toFixed(4)}`] : []),
      `${dataset} trains on the ${results.target === 'winner' ? "committee's winners" : 'original responses'} (${results.total} rows relabelled, ${results.disagreements} disagreements)`,
    ]);
  }
  return 0;
}
