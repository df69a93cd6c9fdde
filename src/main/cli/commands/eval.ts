// `winnow eval`: run models over a frozen eval version (the spend on stderr as it grows) and print each model's
// score with its 95 % interval, cost per row, latency and failures; `eval list` and `eval show RUN`.
// Imports: node:fs, core, contract, datasets index (NAME@vN), CLI helpers.
import { readFileSync } from 'node:fs';
import type { EvalMetric, EvalModelResult } from '../../../shared/contract/index.ts';
import { EvalMetric as EvalMetricSchema } from '../../../shared/contract/index.ts';
import type { Core } from '../../core/create-core.ts';
import { parseVersioned } from '../../core/datasets/index.ts';
import { followJob } from '../follow-job.ts';
import { UsageError, printJson, printLines } from '../output.ts';

export interface EvalCliOptions {
  models: string | undefined;
  metric: string | undefined;
  provider: string | undefined;
  systemPrompt: string | undefined;
  budget: string | undefined;
  pattern: string | undefined;
  schema: string | undefined;
  judge: string | undefined;
  concurrency: string | undefined;
  json: boolean;
}

const USAGE = 'eval NAME@vN --models M1,M2 --metric exact|normalized|json|contains|regex|schema|tool|judge [--system-prompt FILE] [--budget USD]';

function readText(flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${flag}: cannot read ${path} (${(e as Error).message})`);
  }
}

/** The CLI's short form of a result: the keys scripts rely on. */
const short = (r: EvalModelResult) => ({ model: r.model, score: r.score, ci: r.ci, costPerRow: r.costPerRow, latency: r.latency, failures: r.failures });

const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

function resultLines(results: readonly EvalModelResult[], baseline: EvalModelResult | null): string[] {
  return [...results, ...(baseline ? [baseline] : [])].map(
    (r) =>
      `${r.model}: ${pct(r.score)} [${r.ci ? `${pct(r.ci[0])} – ${pct(r.ci[1])}` : '—'}], ${r.passed}/${r.rows} passed, ${r.failures} failed calls` +
      (r.model === 'baseline' ? '' : `, ${r.costPerRow === null ? 'cost unknown' : `$${r.costPerRow.toFixed(6)}/row`}, p50 ${r.latency ? Math.round(r.latency.p50) : '—'} ms`),
  );
}

async function showRun(core: Core, runId: number, json: boolean): Promise<number> {
  const show = await core.invoke('eval.show', { runId });
  if (json) printJson(show);
  else printLines([`run ${show.run.id}: ${show.run.dataset}@${show.run.version}, metric ${show.run.metric}, ${show.run.status}`, ...resultLines(show.results, show.baseline)]);
  return 0;
}

export async function evalCommand(core: Core, args: string[], opts: EvalCliOptions): Promise<number> {
  if (args[0] === 'list') {
    const runs = await core.invoke('eval.list', {});
    if (opts.json) printJson(runs);
    else printLines(runs.map((r) => `run ${r.id}: ${r.dataset}@${r.version} ${r.metric} ${r.status} — ${r.results.map((x) => `${x.model} ${pct(x.score)}`).join(', ')}`));
    return 0;
  }
  if (args[0] === 'show') {
    const runId = Number(args[1]);
    if (!Number.isInteger(runId) || runId <= 0) throw new UsageError('usage: winnow eval show RUN');
    return showRun(core, runId, opts.json);
  }
  if (args.length !== 1 || !args[0]) throw new UsageError(`usage: winnow ${USAGE}`);
  const ref = parseVersioned(args[0]);
  if (ref.version === undefined) throw new UsageError(`name the frozen version to evaluate: ${ref.name}@vN`);
  const models = (opts.models ?? '').split(',').map((m) => m.trim()).filter(Boolean);
  if (models.length === 0) throw new UsageError(`--models is required: ${USAGE}`);
  const metric = EvalMetricSchema.safeParse(opts.metric ?? 'exact');
  if (!metric.success) throw new UsageError(`--metric must be one of ${EvalMetricSchema.options.join(', ')}, not "${opts.metric}"`);
  const budgetUsd = opts.budget === undefined ? undefined : Number(opts.budget);
  if (budgetUsd !== undefined && !(budgetUsd > 0)) throw new UsageError(`--budget must be a positive amount of US dollars, not "${opts.budget}"`);
  const concurrency = opts.concurrency === undefined ? undefined : Number(opts.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) throw new UsageError('--concurrency must be a whole number from 1 to 64');
  let schema: Record<string, unknown> | undefined;
  if (opts.schema !== undefined) {
    try {
      schema = JSON.parse(readText('--schema', opts.schema)) as Record<string, unknown>;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`--schema: ${opts.schema} is not valid JSON`);
    }
  }
  const metricOptions = {
    ...(opts.pattern !== undefined ? { pattern: opts.pattern } : {}),
    ...(schema ? { schema } : {}),
    ...(opts.judge ? { judgeModel: { model: opts.judge } } : {}),
  };
  const { runId, jobId, estimate } = await core.invoke('eval.start', {
    dataset: ref.name,
    version: ref.version,
    models: models.map((model) => ({ model, ...(opts.provider ? { provider: opts.provider } : {}) })),
    metric: metric.data satisfies EvalMetric,
    metricOptions,
    ...(opts.systemPrompt !== undefined ? { systemPrompt: readText('--system-prompt', opts.systemPrompt) } : {}),
    ...(budgetUsd !== undefined ? { budgetUsd } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
  });
  if (!opts.json) process.stderr.write(`${estimate.dataset}@${estimate.version}: ${estimate.rows} rows × ${models.length} models, about ${estimate.totalUsd === null ? 'an unknown cost' : `$${estimate.totalUsd.toFixed(4)}`}\n`);
  const job = await followJob(core, jobId, 'evaluation', `; results so far: winnow eval show ${runId}`);
  if (!job) return 1;
  const show = await core.invoke('eval.show', { runId });
  if (opts.json) printJson({ run: runId, version: `${show.run.dataset}@${show.run.version}`, results: show.results.map(short), baseline: show.baseline ? short(show.baseline) : null });
  else printLines([`run ${runId}: ${show.run.dataset}@${show.run.version}, metric ${show.run.metric}${show.run.budgetReached ? ' (stopped at the budget)' : ''}`, ...resultLines(show.results, show.baseline)]);
  return 0;
}
