// The evaluation job (llm lane): runs a stored run's rows through its models with progress and the running cost,
// cancel, resume (stored answers are not asked again) and a budget that ends it cleanly.
// Imports: zod, contract schemas, jobs types, this domain's runner and service.
import { z } from 'zod';
import { Id } from '../../../shared/contract/index.ts';
import type { JobHandler } from '../platform/jobs/job-runner.ts';
import { executeRun, type RunDeps, type RunOutcome } from './eval-runner.ts';
import type { EvalService } from './eval-service.ts';

export const EvalParams = z.object({ runId: Id, title: z.string().max(300).default('Evaluate') });
export type EvalParams = z.infer<typeof EvalParams>;

const usd = (v: number): string => `$${v < 0.01 && v > 0 ? v.toFixed(4) : v.toFixed(2)}`;

export function createEvalJob(svc: EvalService, deps: RunDeps, now: () => number): JobHandler<EvalParams> {
  return {
    kind: 'eval',
    lane: 'llm',
    params: EvalParams,
    changes: ['evaluations'],
    title: (p) => p.title,
    run: async (ctx): Promise<RunOutcome> => {
      const prepared = svc.prepare(ctx.params.runId);
      const budget = prepared.run.budgetUsd;
      const outcome = await executeRun(deps, prepared, {
        jobId: ctx.jobId,
        signal: ctx.signal,
        // The running total is in the phase, so the jobs list and the CLI show the spend as it grows.
        onProgress: ({ done, total, usd: spent }) => ctx.progress(done, total, `evaluating · ${usd(spent)} spent${budget !== null ? ` of ${usd(budget)}` : ''}`),
      });
      svc.repo.finish(prepared.run.id, now(), outcome.budgetReached);
      return outcome;
    },
  };
}
