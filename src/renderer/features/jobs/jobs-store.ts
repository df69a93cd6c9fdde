// Every job the window knows of, kept current from jobs.list and job.progress / job.settled events.
// Imports: zustand, the api client, shared contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import type { Job } from '../../../shared/contract/index.ts';

interface JobsState {
  byId: Record<number, Job>;
  error: string | null;
  /** Ids with a cancel/resume request in flight, so buttons can show it. */
  pending: Record<number, boolean>;
  load(): Promise<void>;
  apply(job: Job): void;
  cancel(id: number): Promise<void>;
  resume(id: number): Promise<void>;
}

export const ACTIVE_STATUSES: ReadonlySet<Job['status']> = new Set(['queued', 'running']);

export const useJobsStore = create<JobsState>()((set, get) => {
  async function act(id: number, channel: 'jobs.cancel' | 'jobs.resume'): Promise<void> {
    set((s) => ({ pending: { ...s.pending, [id]: true }, error: null }));
    try {
      get().apply(await api().invoke(channel, { id }));
    } catch (err) {
      set({ error: errorMessage(err) });
    } finally {
      set((s) => ({ pending: { ...s.pending, [id]: false } }));
    }
  }

  return {
    byId: {},
    error: null,
    pending: {},
    async load() {
      try {
        const jobs = await api().invoke('jobs.list', { limit: 100 });
        set((s) => {
          const byId = { ...s.byId };
          for (const job of jobs) byId[job.id] = newer(byId[job.id], job);
          return { byId, error: null };
        });
      } catch (err) {
        set({ error: errorMessage(err) });
      }
    },
    apply(job) {
      set((s) => ({ byId: { ...s.byId, [job.id]: newer(s.byId[job.id], job) } }));
    },
    cancel: (id) => act(id, 'jobs.cancel'),
    resume: (id) => act(id, 'jobs.resume'),
  };
});

/** Events and list answers can cross; the later update wins, and a settled job never goes back to running. */
function newer(current: Job | undefined, next: Job): Job {
  if (!current) return next;
  if (!ACTIVE_STATUSES.has(current.status) && ACTIVE_STATUSES.has(next.status) && next.updatedAt <= current.updatedAt) return current;
  return next.updatedAt >= current.updatedAt ? next : current;
}

export function sortedJobs(byId: Record<number, Job>): Job[] {
  return Object.values(byId).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}
