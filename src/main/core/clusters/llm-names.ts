// Names a saved run's clusters with the configured chat model: short name, description, inclusion and
// exclusion rules, contrasted with neighbours; keyword names stay where the model fails.
// Imports: db types, cluster modules, vectors, ../llm (the shared service; usage is recorded there).
import type { Database } from 'better-sqlite3';
import { nameClustersWithLlm } from './llm-naming.ts';
import type { ClusterRepository } from './cluster-repository.ts';
import type { LlmEndpoint, LlmService } from '../llm/index.ts';
import type { VectorStore } from '../platform/vectors/lance-store.ts';
import { loadClustering, loadRowTexts } from './llm-names-inputs.ts';

/** The feature name naming calls are recorded under in the usage log. */
export const CLUSTER_NAMING_FEATURE = 'cluster-naming';

export interface LlmNamingCall {
  llm: LlmService;
  endpoint: LlmEndpoint;
  signal: AbortSignal;
  jobId?: number;
}

export async function nameRunWithLlm(db: Database, clusters: ClusterRepository, store: VectorStore, runId: number, call: LlmNamingCall): Promise<{ named: number; failed: number }> {
  const { endpoint, signal } = call;
  const loaded = await loadClustering(db, clusters, store, runId);
  const { texts } = loadRowTexts(db, loaded.textMode, Array.from(loaded.rowIds), signal);
  const indexOfRow = new Map(Array.from(loaded.rowIds, (rowId, i) => [rowId, i]));
  const offline = clusters
    .clusters(runId)
    .filter((c) => c.level === 'cluster')
    .map((c) => ({ clusterId: c.id, name: c.keywordName, keywords: c.keywords, representatives: c.representatives.map((r) => indexOfRow.get(r.rowId) ?? 0) }));
  const client = call.llm.chat(endpoint, { feature: CLUSTER_NAMING_FEATURE, jobId: call.jobId ?? null });
  const names = await nameClustersWithLlm(texts, loaded.clustering, offline, client, { signal });
  let named = 0;
  for (const n of names) {
    if (n.source !== 'llm') continue;
    clusters.setLlmName(n.clusterId, { name: n.name, description: n.description ?? '', includeRule: n.include ?? '', excludeRule: n.exclude ?? '' }, n.model ?? endpoint.model);
    named++;
  }
  if (named > 0) clusters.setRunNamedBy(runId, endpoint.model);
  return { named, failed: names.length - named };
}
