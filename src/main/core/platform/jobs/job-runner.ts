// Runs persisted jobs one at a time: queue, progress (throttled events, periodic persistence),
// cancel through an AbortSignal, resume from the last checkpoint. Imports: db/job-repository, events, contract types.
import type { Job, JobKind } from '../../../../shared/contract/index.ts';
import type { JobRepository, StoredJob } from './job-repository.ts';
import type { EventBus } from '../events.ts';

export interface JobContext<P> {
  readonly jobId: number;
  readonly params: P;
  /** The checkpoint saved by the last complete batch of an earlier run, or null on a fresh start. */
  readonly checkpoint: unknown;
  readonly signal: AbortSignal;
  progress(done: number, total: number | null, phase?: string): void;
  /** Persist the resume point. Call inside the transaction that wrote the batch it describes. */
  saveCheckpoint(checkpoint: unknown): void;
}

export interface JobHandler<P> {
  kind: JobKind;
  title(params: P): string;
  run(ctx: JobContext<P>): Promise<unknown>;
}

export class JobCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelledError';
  }
}

const EVENT_INTERVAL_MS = 100;
const PERSIST_INTERVAL_MS = 2000;

export class JobRunner {
  private readonly handlers = new Map<JobKind, JobHandler<never>>();
  private readonly queue: number[] = [];
  private readonly controllers = new Map<number, AbortController>();
  private readonly settledWaiters = new Map<number, Array<(job: Job) => void>>();
  private running: Promise<void> = Promise.resolve();
  private draining = false;
  private readonly repo: JobRepository;
  private readonly events: EventBus;
  private readonly now: () => number;

  constructor(repo: JobRepository, events: EventBus, now: () => number) {
    this.repo = repo;
    this.events = events;
    this.now = now;
    repo.markInterrupted(now());
  }

  register<P>(handler: JobHandler<P>): void {
    this.handlers.set(handler.kind, handler as JobHandler<never>);
  }

  start<P>(kind: JobKind, params: P): Job {
    const handler = this.handler(kind);
    const job = this.repo.create(kind, handler.title(params as never), params, this.now());
    this.enqueue(job.id);
    return publicJob(job);
  }

  resume(id: number): Job {
    const job = this.mustGet(id);
    if (!['interrupted', 'failed', 'cancelled'].includes(job.status)) {
      throw new Error(`job ${id} is ${job.status}; only interrupted, failed or cancelled jobs can be resumed`);
    }
    this.repo.setStatus(id, 'queued', this.now(), { error: null });
    this.enqueue(id);
    return publicJob(this.mustGet(id));
  }

  cancel(id: number): Job {
    const job = this.mustGet(id);
    const queuedAt = this.queue.indexOf(id);
    if (queuedAt >= 0) {
      this.queue.splice(queuedAt, 1);
      this.settle(id, 'cancelled', {});
    } else {
      this.controllers.get(id)?.abort(new JobCancelledError());
    }
    return publicJob(this.repo.get(id) ?? job);
  }

  get(id: number): Job | undefined {
    const job = this.repo.get(id);
    return job && publicJob(job);
  }

  list(limit: number): Job[] {
    return this.repo.list(limit).map(publicJob);
  }

  /** Resolves when the job reaches a final state (tests and the CLI wait on this). */
  waitFor(id: number): Promise<Job> {
    const job = this.mustGet(id);
    if (!['queued', 'running'].includes(job.status)) return Promise.resolve(publicJob(job));
    return new Promise((resolve) => {
      const list = this.settledWaiters.get(id) ?? [];
      list.push(resolve);
      this.settledWaiters.set(id, list);
    });
  }

  /** Cancels everything and waits for the running job to stop. */
  async shutdown(): Promise<void> {
    this.queue.length = 0;
    for (const controller of this.controllers.values()) controller.abort(new JobCancelledError());
    await this.running;
  }

  private handler(kind: JobKind): JobHandler<never> {
    const handler = this.handlers.get(kind);
    if (!handler) throw new Error(`no handler registered for job kind "${kind}"`);
    return handler;
  }

  private mustGet(id: number): StoredJob {
    const job = this.repo.get(id);
    if (!job) throw new Error(`job ${id} does not exist`);
    return job;
  }

  private enqueue(id: number): void {
    this.queue.push(id);
    // The flag flips back in the same tick the loop sees an empty queue, so no enqueued job is stranded.
    if (this.draining) return;
    this.draining = true;
    this.running = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      for (let id = this.queue.shift(); id !== undefined; id = this.queue.shift()) {
        await this.execute(id);
      }
    } finally {
      this.draining = false;
    }
  }

  private async execute(id: number): Promise<void> {
    const job = this.mustGet(id);
    const handler = this.handler(job.kind);
    const controller = new AbortController();
    this.controllers.set(id, controller);
    this.repo.setStatus(id, 'running', this.now());

    let lastEvent = 0;
    let lastPersist = 0;
    let phase = job.phase;
    const ctx: JobContext<never> = {
      jobId: id,
      params: job.params as never,
      checkpoint: job.checkpoint,
      signal: controller.signal,
      progress: (done, total, nextPhase) => {
        if (nextPhase !== undefined) phase = nextPhase;
        const now = this.now();
        if (now - lastPersist >= PERSIST_INTERVAL_MS || nextPhase !== undefined) {
          lastPersist = now;
          this.repo.saveProgress(id, phase, done, total, now);
        }
        if (now - lastEvent >= EVENT_INTERVAL_MS || nextPhase !== undefined) {
          lastEvent = now;
          const current = this.repo.get(id)!;
          this.events.emit({ name: 'job.progress', payload: { job: { ...publicJob(current), phase, done, total } } });
        }
      },
      saveCheckpoint: (checkpoint) => this.repo.saveCheckpoint(id, checkpoint, this.now()),
    };
    this.events.emit({ name: 'job.progress', payload: { job: publicJob(this.mustGet(id)) } });

    try {
      const result = await handler.run(ctx);
      if (controller.signal.aborted) throw new JobCancelledError();
      this.settle(id, 'succeeded', { result: result ?? null, error: null });
    } catch (error) {
      if (controller.signal.aborted) this.settle(id, 'cancelled', {});
      else this.settle(id, 'failed', { error: error instanceof Error ? error.message : String(error) });
    } finally {
      this.controllers.delete(id);
    }
  }

  private settle(id: number, status: 'succeeded' | 'failed' | 'cancelled', extra: { error?: string | null; result?: unknown }): void {
    this.repo.setStatus(id, status, this.now(), extra);
    const job = publicJob(this.mustGet(id));
    this.events.emit({ name: 'job.settled', payload: { job } });
    for (const resolve of this.settledWaiters.get(id) ?? []) resolve(job);
    this.settledWaiters.delete(id);
  }
}

function publicJob(job: StoredJob): Job {
  const { params: _params, checkpoint: _checkpoint, ...rest } = job;
  return rest;
}
