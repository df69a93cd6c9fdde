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
/** How often the spend in the phase may change: a new phase is persisted and emitted at once by the job runner. */
const PHASE_EVERY_MS = 1000;

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
      let shown: string | undefined;
      let shownAt = 0;
      const outcome = await executeRun(deps, prepared, {
        jobId: ctx.jobId,
        signal: ctx.signal,
        // The running total is in the phase, so the jobs list and the CLI show the spend as it grows. A changed phase
        // costs a jobs-table write and an event, so it is passed at most once a second (and on the last row):
        // passing it on every answer made each call a synchronous write and capped the run's throughput.
        onProgress: ({ done, total, usd: spent }) => {
          const phase = `evaluating · ${usd(spent)} spent${budget !== null ? ` of ${usd(budget)}` : ''}`;
          const t = Date.now();
          const due = phase !== shown && (shown === undefined || t - shownAt >= PHASE_EVERY_MS || done === total);
          if (due) {
            shown = phase;
            shownAt = t;
          }
          ctx.progress(done, total, due ? phase : undefined);
        },
      });
      svc.repo.finish(prepared.run.id, now(), outcome.budgetReached);
      return outcome;
    },
  };
}
