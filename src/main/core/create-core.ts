// Builds the whole application core over one data folder: store, vectors, jobs, command router, events.
// Plain Node: the window, the CLI and the tests all host this unchanged. Never imports electron.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppEvent, Result } from '../../shared/contract/index.ts';
import { createAssignJob } from './clusters/assign-job.ts';
import { createClusterJob } from './clusters/cluster-job.ts';
import { createEmbedderFactory } from './embed/embedder-factory.ts';
import { nameRunWithLlm } from './clusters/llm-names.ts';
import { SqliteEmbeddingCache } from './embed/embedding-cache-repository.ts';
import { ClusterRepository } from './clusters/cluster-repository.ts';
import { openDatabase } from './platform/db/connection.ts';
import { ImportRepository } from './traces/import-repository.ts';
import { JobRepository } from './platform/jobs/job-repository.ts';
import { TraceRepository } from './traces/trace-repository.ts';
import { EventBus } from './platform/events.ts';
import { clusterHandlers } from './clusters/cluster-handlers.ts';
import { importHandlers } from './traces/import-handlers.ts';
import { settingsHandlers } from './llm/settings-handlers.ts';
import { jobHandlers } from './platform/jobs/job-handlers.ts';
import { traceHandlers } from './traces/trace-handlers.ts';
import { createImportJob } from './traces/import-job.ts';
import { OpenAiEmbedder } from './embed/openai-embedder.ts';
import { LlmService } from './llm/llm-service.ts';
import { LlmCacheRepository } from './llm/llm-cache-repository.ts';
import { UsageRepository } from './llm/usage-repository.ts';
import { JobRunner } from './platform/jobs/job-runner.ts';
import { resolveChatEndpoint, resolveEmbeddingEndpoint } from './llm/llm-config.ts';
import { CommandError, createRouter, type Handlers } from './platform/rpc/router.ts';
import { LlmSettingsStore } from './llm/llm-settings-store.ts';
import type { SecretBox } from './llm/secret-box.ts';
import { openVectorStore, type VectorStore } from './platform/vectors/lance-store.ts';

export const VERSION = '0.1.0';

export interface CoreOptions {
  dataDir: string;
  clock?: () => number;
  /** Commands the host serves itself (the window's file dialog); the headless core answers `unavailable`. */
  shell?: Partial<Pick<Handlers, 'app.pickFiles'>>;
  /** Seals saved API keys (the window's safeStorage). Without it keys come from the environment only. */
  secrets?: SecretBox;
  env?: Readonly<Record<string, string | undefined>>;
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
  const clusters = new ClusterRepository(db);
  const llmSettings = new LlmSettingsStore(db, options.secrets ?? null, options.env ?? process.env);
  let vectorStore: Promise<VectorStore> | null = null;
  const vectors = (): Promise<VectorStore> => (vectorStore ??= openVectorStore(join(options.dataDir, 'vectors')));
  const env = options.env ?? process.env;
  const embeddingCache = new SqliteEmbeddingCache(db);
  // One client per endpoint for every LLM feature: shared limit, 429 pause, response cache and usage log.
  const llm = new LlmService({ cache: new LlmCacheRepository(db, now), usage: new UsageRepository(db), now });
  const embedders = createEmbedderFactory(async () => {
    const endpoint = resolveEmbeddingEndpoint(llmSettings.settings(), env);
    return endpoint && new OpenAiEmbedder(llm.endpoint(endpoint), endpoint.model, { cache: embeddingCache });
  });
  const chatEndpoint = () => resolveChatEndpoint(llmSettings.settings(), env);
  const nameWithLlm = async (runId: number, signal: AbortSignal, jobId: number): Promise<void> => {
    const endpoint = chatEndpoint();
    if (!endpoint) throw new Error('no chat model is configured: set one in Settings (or WINNOW_LLM_MODEL)');
    await nameRunWithLlm(db, clusters, await vectors(), runId, { llm, endpoint, signal, jobId });
  };

  const jobs = new JobRunner(new JobRepository(db), events, now);
  jobs.register(createImportJob(db, imports, now));
  jobs.register(createClusterJob({ db, clusters, vectors, embedders, now, nameWithLlm }));
  jobs.register(createAssignJob(db, clusters, vectors, embedders));
  events.on((event) => {
    if (event.name !== 'job.settled') return;
    const kind = event.payload.job.kind;
    if (kind === 'import') events.emit({ name: 'data.changed', payload: { domain: 'traces' } });
    if (kind === 'cluster' || kind === 'assign') events.emit({ name: 'data.changed', payload: { domain: 'clusters' } });
  });

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
    ...clusterHandlers(db, clusters, jobs, vectors, () => chatEndpoint() !== null),
    ...settingsHandlers(llmSettings),
  });

  return {
    dispatch,
    events,
    jobs,
    dataDir: options.dataDir,
    vectors,
    close: async () => {
      await jobs.shutdown();
      db.close();
    },
  };
}
