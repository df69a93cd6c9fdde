// Builds the whole application core over one data folder: the platform (store, vectors, jobs, events), then
// each domain's module, wired into one command router. Plain Node: the window, the CLI and the tests all host
// this unchanged. Never imports electron.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppEvent, Channel, CommandInput, CommandOutput, Result } from '../../shared/contract/index.ts';
import { clustersModule, rowClusterReader } from './clusters/index.ts';
import { curateModule, curateStore, PiiCounter, reviewRequests, TraceFactsRepository } from './curate/index.ts';
import { judgeModule } from './curate/judge/index.ts';
import { datasetsModule } from './datasets/index.ts';
import { createEmbedders } from './embed/index.ts';
import { finetuneModule } from './evaluate/finetune-module.ts';
import { generateModule } from './evaluate/generate-module.ts';
import { evaluateModule } from './evaluate/index.ts';
import { exportModule } from './export/index.ts';
import { llmModule, type SecretBox } from './llm/index.ts';
import { assembleHandlers, type CoreModule } from './platform/core-module.ts';
import { openDatabase } from './platform/db/connection.ts';
import { ensureSecondaryIndexes } from './platform/db/secondary-indexes.ts';
import { EventBus } from './platform/events.ts';
import { jobHandlers } from './platform/jobs/job-handlers.ts';
import { JobRepository } from './platform/jobs/job-repository.ts';
import { JobRunner } from './platform/jobs/job-runner.ts';
import { CommandError, createRouter, type Handlers } from './platform/rpc/router.ts';
import { openVectorStore, type VectorStore } from './platform/vectors/lance-store.ts';
import { tracesModule } from './traces/index.ts';

export const VERSION = '0.1.0';

export interface CoreOptions {
  dataDir: string;
  clock?: () => number;
  /** Commands the host serves itself (the window's file dialog); the headless core answers `unavailable`. */
  shell?: Partial<Pick<Handlers, 'app.pickFiles' | 'app.pickFolder'>>;
  /** Seals saved API keys (the window's safeStorage). Without it keys come from the environment only. */
  secrets?: SecretBox;
  env?: Readonly<Record<string, string | undefined>>;
}

export interface Core {
  /** The transport-facing entry: any channel name, any input, always a result envelope. */
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  /** The typed entry for hosts in this process (CLI, tests): the contract's result, or a thrown CommandError. */
  invoke<C extends Channel>(channel: C, input: CommandInput<C>): Promise<CommandOutput<C>>;
  events: { on(listener: (event: AppEvent) => void): () => void };
  jobs: JobRunner;
  dataDir: string;
  vectors(): Promise<VectorStore>;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const now = options.clock ?? Date.now;
  const env = options.env ?? process.env;
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, 'winnow.sqlite'));
  const events = new EventBus();
  // Marks the jobs whose process died interrupted (jobs another live process runs stay running)...
  const jobs = new JobRunner(new JobRepository(db), events, now);
  // ...so this repairs only what a killed bulk import left dropped, never what a live one holds.
  ensureSecondaryIndexes(db);
  let vectorStore: Promise<VectorStore> | null = null;
  const vectors = (): Promise<VectorStore> => (vectorStore ??= openVectorStore(join(options.dataDir, 'vectors')));

  const llm = llmModule({ db, secrets: options.secrets ?? null, env, now });
  const traces = tracesModule({ db, jobs, now, rowClusters: rowClusterReader(db) });
  const curation = curateStore(db);
  const datasets = datasetsModule({ db, now, curation: curation.gate });
  const clusters = clustersModule({ db, rows: traces.rows, jobs, vectors, embedders: createEmbedders(db, llm.service, llm.embeddingEndpoint), llm: llm.service, chatEndpoint: llm.chatEndpoint, now });
  const judge = judgeModule({ db, jobs, datasets, llm, clusterRules: clusters.rules, now });
  const review = reviewRequests(curation, now);
  const teachers = generateModule({ db, jobs, drafts: datasets.drafts, versions: datasets.versions, llm, review, now });
  const modules: CoreModule[] = [
    {
      jobs: [],
      handlers: {
        'app.info': () => ({ version: VERSION, dataDir: options.dataDir, ...traces.counts() }),
        'app.pickFiles':
          options.shell?.['app.pickFiles'] ??
          (() => {
            throw new CommandError('unavailable', 'there is no file dialog here: type or paste the file path instead');
          }),
        'app.pickFolder':
          options.shell?.['app.pickFolder'] ??
          (() => {
            throw new CommandError('unavailable', 'there is no folder dialog here: type or paste the folder path instead');
          }),
        ...jobHandlers(jobs),
      },
    },
    llm,
    traces,
    clusters,
    datasets,
    exportModule({ versions: datasets.versions, jobs, now, winnowVersion: VERSION, piiCounter: () => new PiiCounter(), responses: (handle) => teachers.responses(handle.datasetId) }),
    judge,
    curateModule({ db, store: curation, drafts: datasets.drafts, jobs, now, judge: judge.reader }),
    finetuneModule({ db, jobs, versions: datasets.versions, llm, now, dataDir: options.dataDir, env, responses: (handle) => teachers.responses(handle.datasetId) }),
    teachers,
    evaluateModule({
      db,
      jobs,
      versions: datasets.versions,
      drafts: datasets.drafts,
      review,
      facts: new TraceFactsRepository(db),
      llm,
      judge: judge.reader,
      // Rows offered to a training draft take the datasets domain's own path, leakage guard included.
      addRows: (input) => datasets.handlers['datasets.addRows']!(input),
      now,
    }),
  ];
  for (const module of modules) for (const job of module.jobs) jobs.register(job);
  const dispatch = createRouter(assembleHandlers(modules));

  return {
    dispatch,
    invoke: async (channel, input) => {
      const result = await dispatch(channel, input);
      if (!result.ok) throw new CommandError(result.error.code, result.error.message);
      return result.value as CommandOutput<typeof channel>;
    },
    events,
    jobs,
    dataDir: options.dataDir,
    vectors,
    close: async () => {
      await jobs.shutdown();
      await traces.close();
      await clusters.cleanup;
      db.close();
    },
  };
}
