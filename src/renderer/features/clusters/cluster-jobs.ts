// Which clustering job the screen follows: the newest cluster / assign / naming job, and whether it
// is running or ended badly after the shown run. Imports: the jobs store helpers, contract types (pure).
import { ACTIVE_STATUSES, sortedJobs } from '../jobs/jobs-store.ts';
import type { ClusterRun, Job, JobKind } from '../../../shared/contract/index.ts';

export const CLUSTER_JOB_KINDS: ReadonlySet<JobKind> = new Set(['cluster', 'assign', 'name-clusters']);

export function latestClusterJob(byId: Record<number, Job>): Job | undefined {
  return sortedJobs(byId).find((j) => CLUSTER_JOB_KINDS.has(j.kind));
}

export function isActive(job: Job | undefined): job is Job {
  return job !== undefined && ACTIVE_STATUSES.has(job.status);
}

/** A job that failed (or was cut short) after the shown run was made is news; older ones are history. */
export function failedSinceRun(job: Job | undefined, run: ClusterRun | null): Job | undefined {
  if (!job || !['failed', 'interrupted'].includes(job.status)) return undefined;
  return run === null || job.createdAt >= run.createdAt ? job : undefined;
}

export function jobVerb(kind: JobKind): string {
  return kind === 'assign' ? 'Assigning new rows' : kind === 'name-clusters' ? 'Naming clusters' : 'Clustering';
}
