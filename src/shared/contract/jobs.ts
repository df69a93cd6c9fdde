// Commands and shapes of long-running jobs (import first; embed, cluster, judge, export later).
// Imports: zod only.
import { z } from 'zod';
import { Id } from './common.ts';

export const JobKind = z.enum(['import', 'index-search', 'cluster', 'assign', 'name-clusters', 'export', 'curate', 'judge', 'curate-judge', 'eval']);
export type JobKind = z.infer<typeof JobKind>;

export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted']);
export type JobStatus = z.infer<typeof JobStatus>;

export const Job = z.object({
  id: Id,
  kind: JobKind,
  title: z.string(),
  status: JobStatus,
  phase: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  error: z.string().nullable(),
  result: z.unknown().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Job = z.infer<typeof Job>;

export const jobCommands = {
  'jobs.list': { input: z.object({ limit: z.number().int().min(1).max(200).default(50) }), output: z.array(Job) },
  'jobs.get': { input: z.object({ id: Id }), output: Job },
  'jobs.cancel': { input: z.object({ id: Id }), output: Job },
  'jobs.resume': { input: z.object({ id: Id }), output: Job },
} as const;
