// The name-clusters job: labels a saved run's clusters with the chat model, in the LLM lane so a slow
// endpoint never holds up imports or clustering. Imports: jobs types, the contract's run reference.
import { RunRef } from '../../../shared/contract/index.ts';
import type { JobHandler } from '../platform/jobs/job-runner.ts';

export type NameRun = (runId: number, signal: AbortSignal, jobId: number) => Promise<{ named: number; failed: number }>;

export function createNameJob(nameRun: NameRun): JobHandler<RunRef> {
  return {
    kind: 'name-clusters',
    lane: 'llm',
    params: RunRef,
    changes: ['clusters'],
    title: (p) => `Name the clusters of clustering #${p.runId} with the LLM`,
    run: async (ctx) => {
      ctx.progress(0, null, 'Naming with the LLM');
      return nameRun(ctx.params.runId, ctx.signal, ctx.jobId);
    },
  };
}
