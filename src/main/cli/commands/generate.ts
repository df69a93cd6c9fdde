// `winnow generate`: a teacher answers each prompt of a file N times, the judge keeps the best as a row of the
// dataset's draft (created when absent). The estimate is printed first (in the JSON with --json).
// Imports: node:path, core, contract types, datasets index (NAME@vN), CLI helpers.
import { resolve } from 'node:path';
import type { PromptSource } from '../../../shared/contract/index.ts';
import type { Core } from '../../core/create-core.ts';
import { parseVersioned } from '../../core/datasets/index.ts';
import type { GenerateReport } from '../../core/evaluate/generate-module.ts';
import { UsageError, printJson, printLines } from '../output.ts';
import { followJob } from '../follow-job.ts';
import { modelOf, numberFlag, teacherEstimateLines } from './teacher-job.ts';

export interface GenerateCliOptions {
  prompts: string | undefined;
  /** NAME[@vN]: the prompts of a dataset's rows instead of a file. */
  promptsFrom: string | undefined;
  teacher: string | undefined;
  n: string | undefined;
  judge: string | undefined;
  provider: string | undefined;
  temperature: string | undefined;
  maxTokens: string | undefined;
  budget: string | undefined;
  json: boolean;
}

const USAGE = 'usage: winnow generate NAME --prompts FILE | --prompts-from DATASET[@vN] --teacher MODEL [-n 4] [--judge MODEL] [--budget USD]';

function promptSource(opts: Pick<GenerateCliOptions, 'prompts' | 'promptsFrom'>): PromptSource {
  if (opts.prompts && !opts.promptsFrom) return { type: 'file', path: resolve(opts.prompts) };
  if (opts.promptsFrom && !opts.prompts) {
    const ref = parseVersioned(opts.promptsFrom);
    return { type: 'dataset', dataset: ref.name, version: ref.version ?? 'draft' };
  }
  throw new UsageError(USAGE);
}

export async function generateCommand(core: Core, args: string[], opts: GenerateCliOptions): Promise<number> {
  if (args.length !== 1 || !args[0] || !opts.teacher) throw new UsageError(USAGE);
  const prompts = promptSource(opts);
  const n = numberFlag('-n', opts.n, (v) => Number.isInteger(v) && v >= 1 && v <= 16, 'a whole number from 1 to 16');
  const temperature = numberFlag('--temperature', opts.temperature, (v) => v >= 0 && v <= 2, 'from 0 to 2');
  const maxTokens = numberFlag('--max-tokens', opts.maxTokens, (v) => Number.isInteger(v) && v >= 1, 'a positive whole number');
  const budgetUsd = numberFlag('--budget', opts.budget, (v) => v > 0, 'a positive amount of US dollars');
  const judge = modelOf(opts.judge, undefined);
  const { jobId, estimate } = await core.invoke('generate.start', {
    dataset: args[0],
    prompts,
    teacher: modelOf(opts.teacher, opts.provider)!,
    ...(judge ? { judge } : {}),
    ...(n !== undefined ? { n } : {}),
    ...(temperature !== undefined ? { temperature } : {}),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    ...(budgetUsd !== undefined ? { budgetUsd } : {}),
  });
  if (!opts.json) process.stderr.write(`${teacherEstimateLines(estimate).join('\n')}\n`);
  const job = await followJob(core, jobId, 'generate');
  if (!job) return 1;
  const r = job.result as GenerateReport;
  const rows = (await core.invoke('datasets.rows', { dataset: args[0], limit: 1 })).total;
  const out = { dataset: estimate.dataset, job: jobId, estimate, ...r, draftRows: rows };
  if (opts.json) printJson(out);
  else {
    printLines([
      `${out.dataset}: ${r.generated} rows generated, ${r.failed} prompts failed, ${r.reused} done before; the draft holds ${rows} rows`,
      `$${r.cost.usd.toFixed(4)} for ${r.cost.calls} calls (${r.cost.cachedCalls} from the cache)`,
      ...(r.budgetReached ? [`budget reached: ${r.skippedForBudget} prompts left; run again with a larger --budget to finish`] : []),
    ]);
  }
  return 0;
}
