// Runs persisted jobs, one at a time per lane: queues, progress (throttled events, periodic persistence),
// cancel through an AbortSignal, resume from the last checkpoint, and a heartbeat that tells other processes on
// the same folder these jobs are alive. Imports: zod, job-repository, job-owner, events, rpc errors.
import type { z } from 'zod';
import type { DataDomain, Job, JobKind } from '../../../../shared/contract/index.ts';
import { CommandError } from '../rpc/router.ts';
import type { JobRepository, StoredJob } from './job-repository.ts';
import { HEARTBEAT_INTERVAL_MS, newOwner, type JobOwner } from './job-owner.ts';
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

/**
 * Jobs in one lane run one after another; lanes run side by side, so a long LLM job never holds up an
 * import, and two CPU-heavy jobs never fight over two cores.
 */
export type JobLane = 'io' | 'cpu' | 'llm';

// Methods (not function properties) so a handler of specific params fits a list of handlers of unknown params.
export interface JobHandler<P> {
  kind: JobKind;
  lane: JobLane;
  /** Checks params when a job starts and when a stored job resumes (its params were written by an older version). */
  params: z.ZodType<P>;
  /** What the job writes: the window reloads these domains when it settles. */
  changes: readonly DataDomain[];
  title(params: P): string;
  run(ctx: JobContext<P>): Promise<unknown>;
}

export type AnyJobHandler = JobHandler<unknown>;

export class JobCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelledError';
  }
}

const EVENT_INTERVAL_MS = 100;
const PERSIST_INTERVAL_MS = 2000;

interface Lane {
  queue: number[];
  draining: boolean;
  running: Promise<void>;
}

export class JobRunner {
  private readonly handlers = new Map<JobKind, JobHandler<never>>();
  private readonly lanes = new Map<JobLane, Lane>();
  private readonly controllers = new Map<number, AbortController>();
  private readonly settledWaiters = new Map<number, Array<(job: Job) => void>>();
  private readonly repo: JobRepository;
  private readonly events: EventBus;
  private readonly now: () => number;
  /** This runner's identity in the jobs table; heartbeats use the wall clock, which every process shares. */
  readonly owner: JobOwner = newOwner();
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private lastHeartbeat = 0;

  constructor(repo: JobRepository, events: EventBus, now: () => number) {
    this.repo = repo;
    this.events = events;
    this.now = now;
    repo.markInterrupted(now(), Date.now());
  }

  register<P>(handler: JobHandler<P>): void {
    if (this.handlers.has(handler.kind)) throw new Error(`job kind "${handler.kind}" is registered twice`);
    this.handlers.set(handler.kind, handler as JobHandler<never>);
  }

  start(kind: JobKind, params: unknown): Job {
    const handler = this.handler(kind);
    const checked = checkParams(handler, params);
    const job = this.repo.create(kind, handler.title(checked as never), checked, this.now(), this.owner, Date.now());
    this.enqueue(job.id, handler.lane);
    return publicJob(job);
  }

  resume(id: number): Job {
    const job = this.mustGet(id);
    if (!['interrupted', 'failed', 'cancelled'].includes(job.status)) {
      throw new Error(`job ${id} is ${job.status}; only interrupted, failed or cancelled jobs can be resumed`);
    }
    checkParams(this.handler(job.kind), job.params);
    if (!this.repo.requeue(id, this.owner, this.now(), Date.now())) {
      throw new Error(`job ${id} was resumed by another process meanwhile`);
    }
    this.enqueue(id, this.handler(job.kind).lane);
    return publicJob(this.mustGet(id));
  }

  /** Whether this runner has the job (queued in a lane or running); a queued or running job it lacks runs in another process. */
  runsHere(id: number): boolean {
    return this.controllers.has(id) || [...this.lanes.values()].some((lane) => lane.queue.includes(id));
  }

  cancel(id: number): Job {
    const job = this.mustGet(id);
    if (['queued', 'running'].includes(job.status) && !this.runsHere(id)) {
      throw new CommandError('conflict', `job ${id} runs in another process (another window or a winnow command): cancel it there`);
    }
    const queue = this.lanes.get(this.handler(job.kind).lane)?.queue ?? [];
    const queuedAt = queue.indexOf(id);
    if (queuedAt >= 0) {
      queue.splice(queuedAt, 1);
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
    for (const lane of this.lanes.values()) {
      // Never started: resumable later, and not left looking queued by a live owner until its heartbeat ages.
      for (const id of lane.queue.splice(0)) this.repo.setStatus(id, 'interrupted', this.now());
    }
    for (const controller of this.controllers.values()) controller.abort(new JobCancelledError());
    await Promise.all([...this.lanes.values()].map((lane) => lane.running));
    this.stopHeartbeat();
  }

  /**
   * Refreshes this runner's heartbeat when it is due. The timer calls it; so does progress, so a job whose
   * synchronous steps starve the timer still beats between them.
   */
  private beat(): void {
    const wallNow = Date.now();
    if (wallNow - this.lastHeartbeat < HEARTBEAT_INTERVAL_MS) return;
    this.lastHeartbeat = wallNow;
    this.repo.heartbeat(this.owner, wallNow);
  }

  private startHeartbeat(): void {
    if (this.heartbeatTimer) return;
    this.heartbeatTimer = setInterval(() => {
      if ([...this.lanes.values()].some((lane) => lane.draining)) this.beat();
      else this.stopHeartbeat();
    }, HEARTBEAT_INTERVAL_MS / 2);
    // A heartbeat never keeps a finished CLI alive.
    this.heartbeatTimer.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
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

  private enqueue(id: number, laneName: JobLane): void {
    let lane = this.lanes.get(laneName);
    if (!lane) this.lanes.set(laneName, (lane = { queue: [], draining: false, running: Promise.resolve() }));
    lane.queue.push(id);
    this.startHeartbeat();
    // The flag flips back in the same tick the loop sees an empty queue, so no enqueued job is stranded.
    if (lane.draining) return;
    lane.draining = true;
    lane.running = this.drain(lane);
  }

  private async drain(lane: Lane): Promise<void> {
    try {
      for (let id = lane.queue.shift(); id !== undefined; id = lane.queue.shift()) {
        await this.execute(id);
      }
    } finally {
      lane.draining = false;
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
        this.beat();
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
    this.events.emit({ name: 'job.settled', payload: { job, changed: [...this.handler(job.kind).changes] } });
    for (const resolve of this.settledWaiters.get(id) ?? []) resolve(job);
    this.settledWaiters.delete(id);
  }
}

function checkParams(handler: JobHandler<never>, params: unknown): unknown {
  const parsed = handler.params.safeParse(params);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ');
  throw new CommandError('invalid_input', `a ${handler.kind} job cannot start with these settings: ${problems}`);
}

function publicJob(job: StoredJob): Job {
  const { params: _params, checkpoint: _checkpoint, ...rest } = job;
  return rest;
}
