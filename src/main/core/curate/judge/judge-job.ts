// The judge job (llm lane): judges a version's rows not yet judged with the model and rubric, with progress and
// the running cost, cancel, resume (stored judgements are skipped), and a budget that ends it cleanly.
// Imports: zod, contract schemas, jobs types, the judge service.
import { z } from 'zod';
import { DatasetName, Id, ModelRef, VersionRef } from '../../../../shared/contract/index.ts';
import type { JobHandler } from '../../platform/jobs/job-runner.ts';
import type { JudgeService } from './judge-service.ts';

export const JudgeParams = z.object({
  dataset: DatasetName,
  version: VersionRef.default('draft'),
  model: ModelRef.optional(),
  rowKeys: z.array(Id).optional(),
  budgetUsd: z.number().positive().optional(),
});
export type JudgeParams = z.infer<typeof JudgeParams>;

const usd = (v: number): string => `$${v < 0.01 && v > 0 ? v.toFixed(4) : v.toFixed(2)}`;

export function createJudgeJob(judge: JudgeService): JobHandler<JudgeParams> {
  return {
    kind: 'judge',
    lane: 'llm',
    params: JudgeParams,
    changes: ['datasets'],
    title: (p) => `Judge ${p.dataset}${p.model ? ` with ${p.model.model}` : ''}`,
    run: (ctx) =>
      judge.judgeRows({
        ...ctx.params,
        jobId: ctx.jobId,
        signal: ctx.signal,
        // The running total is in the phase, so the jobs list and the CLI show the spend as it grows.
        onProgress: ({ done, total, usd: spent }) =>
          ctx.progress(done, total, `judging · ${usd(spent)} spent${ctx.params.budgetUsd !== undefined ? ` of ${usd(ctx.params.budgetUsd)}` : ''}`),
      }),
  };
}
