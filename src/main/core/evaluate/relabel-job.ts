// The relabelling job (llm lane): the committee answers each draft row not yet relabelled by this job, with
// progress and the running spend, cancel, and resume through the service. Imports: contract schemas, jobs
// types, the relabelling service.
import { RelabelInput } from '../../../shared/contract/index.ts';
import type { JobHandler } from '../platform/jobs/job-runner.ts';
import type { RelabelService } from './relabel-service.ts';

export function createRelabelJob(service: RelabelService): JobHandler<RelabelInput> {
  return {
    kind: 'relabel',
    lane: 'llm',
    params: RelabelInput,
    changes: ['datasets'],
    title: (p) => `Relabel ${p.dataset} with ${p.committee.map((m) => m.model).join(', ')}`,
    run: (ctx) => service.run(ctx.params, { jobId: ctx.jobId, signal: ctx.signal, progress: (done, total, phase) => ctx.progress(done, total, phase) }),
  };
}
