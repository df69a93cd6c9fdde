// Events main pushes to the window: job progress and settlement, and "data changed" hints.
// Imports: zod only.
import { z } from 'zod';
import { Job } from './jobs.ts';

/** The parts of the store a window may show; a job declares which it changes so views know what to reload. */
export const DataDomain = z.enum(['traces', 'imports', 'clusters', 'settings', 'datasets', 'evaluations']);
export type DataDomain = z.infer<typeof DataDomain>;

export const events = {
  'job.progress': z.object({ job: Job }),
  /** `changed`: the domains the job's kind declares it writes (a cancelled or failed job may have written some). */
  'job.settled': z.object({ job: Job, changed: z.array(DataDomain) }),
  'data.changed': z.object({ domain: DataDomain }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
