// What llm-names.ts reads through the database handle it is given: the saved clustering and the row texts.
// llm-names.ts belongs to the shared LLM client work and still takes a handle; once it takes repositories,
// delete this file and its exception in eslint.config.js. Imports: better-sqlite3 types, the cluster
// repository and edits, the traces domain's rows, vectors.
import type { Database } from 'better-sqlite3';
import type { TextMode } from '../../../shared/contract/index.ts';
import { loadSavedClustering } from './cluster-edits.ts';
import type { ClusterRepository } from './cluster-repository.ts';
import type { VectorStore } from '../platform/vectors/lance-store.ts';
import { RowRepository, type RowTexts } from '../traces/index.ts';

/** The handle is no longer needed: the repository holds everything a saved clustering is rebuilt from. */
export function loadClustering(_db: Database, clusters: ClusterRepository, store: VectorStore, runId: number): ReturnType<typeof loadSavedClustering> {
  return loadSavedClustering(clusters, store, runId);
}

/** Row texts through a repository made for this one call (a naming run reads them once). */
export function loadRowTexts(db: Database, mode: TextMode, only?: readonly number[], signal?: AbortSignal): RowTexts {
  return new RowRepository(db).texts(mode, only, signal);
}
