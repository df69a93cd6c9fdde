// Handlers of the jobs.* commands.
// Imports: jobs, rpc helpers.
import type { JobRunner } from './job-runner.ts';
import { CommandError, type Handlers } from '../rpc/router.ts';

export function jobHandlers(jobs: JobRunner): Pick<Handlers, 'jobs.list' | 'jobs.get' | 'jobs.cancel' | 'jobs.resume'> {
  const must = <T>(value: T | undefined, id: number): T => {
    if (value === undefined) throw new CommandError('not_found', `job ${id} does not exist`);
    return value;
  };
  return {
    'jobs.list': ({ limit }) => jobs.list(limit),
    'jobs.get': ({ id }) => must(jobs.get(id), id),
    'jobs.cancel': ({ id }) => {
      must(jobs.get(id), id);
      return jobs.cancel(id);
    },
    'jobs.resume': ({ id }) => {
      const job = must(jobs.get(id), id);
      if (!['interrupted', 'failed', 'cancelled'].includes(job.status)) {
        const where = ['queued', 'running'].includes(job.status) && !jobs.runsHere(id) ? ' in another process' : '';
        throw new CommandError('conflict', `job ${id} is ${job.status}${where}; only interrupted, failed or cancelled jobs can be resumed`);
      }
      return jobs.resume(id);
    },
  };
}
