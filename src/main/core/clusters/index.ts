// The clusters domain as the core sees it: one factory wiring the cluster, assign and naming jobs and the
// clusters.* commands over one repository. Imports: this domain's modules, platform types, embed, llm and
// traces types.
import type { Database } from 'better-sqlite3';
import type { EmbedderFactory } from '../embed/index.ts';
import type { LlmEndpoint, LlmService } from '../llm/index.ts';
import type { CoreModule } from '../platform/core-module.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import type { VectorStore } from '../platform/vectors/lance-store.ts';
import type { RowRepository } from '../traces/index.ts';
import { createAssignJob } from './assign-job.ts';
import { clusterHandlers } from './cluster-handlers.ts';
import { createClusterJob } from './cluster-job.ts';
import { ClusterRepository } from './cluster-repository.ts';
import { nameRunWithLlm } from './llm-names.ts';
import { createNameJob } from './name-job.ts';

export interface ClustersDeps {
  db: Database;
  /** The traces domain's rows: the text that stands for each and the previews shown for it. */
  rows: RowRepository;
  jobs: JobRunner;
  vectors: () => Promise<VectorStore>;
  embedders: EmbedderFactory;
  llm: LlmService;
  /** The configured chat model, or null when none is. */
  chatEndpoint: () => LlmEndpoint | null;
  now: () => number;
}

export interface ClustersModule extends CoreModule {
  /** A cluster's name, description and include/exclude rules (what the judge reads as context), or null. */
  rules(clusterId: number): { name: string; description: string | null; includeRule: string | null; excludeRule: string | null } | null;
}

export function clustersModule(deps: ClustersDeps): ClustersModule {
  const { db, rows, vectors } = deps;
  const clusters = new ClusterRepository(db);
  const nameRun = async (runId: number, signal: AbortSignal, jobId: number) => {
    const endpoint = deps.chatEndpoint();
    if (!endpoint) throw new Error('no chat model is configured: set one in Settings (or WINNOW_LLM_MODEL)');
    return nameRunWithLlm(db, clusters, await vectors(), runId, { llm: deps.llm, endpoint, signal, jobId });
  };
  return {
    jobs: [
      createClusterJob({ clusters, rows, vectors, embedders: deps.embedders, now: deps.now, nameWithLlm: nameRun }),
      createAssignJob(clusters, rows, vectors, deps.embedders),
      createNameJob(nameRun),
    ],
    handlers: clusterHandlers(clusters, rows, deps.jobs, vectors, () => deps.chatEndpoint() !== null),
    rules: (clusterId) => {
      const c = clusters.cluster(clusterId);
      return c ? { name: c.name, description: c.description, includeRule: c.includeRule, excludeRule: c.excludeRule } : null;
    },
  };
}
