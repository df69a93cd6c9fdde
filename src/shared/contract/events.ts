// Events main pushes to the window: job progress and settlement, and "data changed" hints.
// Imports: zod only.
import { z } from 'zod';
import { Job } from './jobs.ts';

export const events = {
  'job.progress': z.object({ job: Job }),
  'job.settled': z.object({ job: Job }),
  'data.changed': z.object({ domain: z.enum(['traces', 'imports', 'clusters', 'settings']) }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
