// Builds the whole application core over one data folder: store, vectors, jobs, command router, events.
// Plain Node: the window, the CLI and the tests all host this unchanged. Never imports electron.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppEvent, Result } from '../../shared/contract/index.ts';
import { openDatabase } from './db/connection.ts';
import { ImportRepository } from './db/import-repository.ts';
import { JobRepository } from './db/job-repository.ts';
import { TraceRepository } from './db/trace-repository.ts';
import { EventBus } from './events.ts';
import { importHandlers } from './handlers/import-handlers.ts';
import { jobHandlers } from './handlers/job-handlers.ts';
import { traceHandlers } from './handlers/trace-handlers.ts';
import { createImportJob } from './imports/import-job.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { CommandError, createRouter, type Handlers } from './rpc/router.ts';
import { openVectorStore, type VectorStore } from './vectors/lance-store.ts';

export const VERSION = '0.1.0';

export interface CoreOptions {
  dataDir: string;
  clock?: () => number;
  /** Commands the host serves itself (the window's file dialog); the headless core answers `unavailable`. */
  shell?: Partial<Pick<Handlers, 'app.pickFiles'>>;
}

export interface Core {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  events: { on(listener: (event: AppEvent) => void): () => void };
  jobs: JobRunner;
  dataDir: string;
  vectors(): Promise<VectorStore>;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const now = options.clock ?? Date.now;
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, 'winnow.sqlite'));
  const events = new EventBus();
  const traces = new TraceRepository(db);
  const imports = new ImportRepository(db);
  imports.markInterrupted();
  const jobs = new JobRunner(new JobRepository(db), events, now);
  jobs.register(createImportJob(db, traces, imports, now));
  events.on((event) => {
    if (event.name === 'job.settled' && event.payload.job.kind === 'import') {
      events.emit({ name: 'data.changed', payload: { domain: 'traces' } });
    }
  });

  let vectorStore: Promise<VectorStore> | null = null;
  const dispatch = createRouter({
    'app.info': () => ({ version: VERSION, dataDir: options.dataDir, ...traces.counts() }),
    'app.pickFiles':
      options.shell?.['app.pickFiles'] ??
      (() => {
        throw new CommandError('unavailable', 'there is no file dialog here: type or paste the file path instead');
      }),
    ...importHandlers(imports, jobs),
    ...traceHandlers(traces),
    ...jobHandlers(jobs),
  });

  return {
    dispatch,
    events,
    jobs,
    dataDir: options.dataDir,
    vectors: () => (vectorStore ??= openVectorStore(join(options.dataDir, 'vectors'))),
    close: async () => {
      await jobs.shutdown();
      db.close();
    },
  };
}
