// The traces domain as other domains and the core see it: its module factory and the rows other domains
// read (their text and previews); where rows sit in clusters comes in from outside (see RowClusterLookup).
// Imports: this domain's modules, platform types, contract types.
import type { Database } from 'better-sqlite3';
import type { RowCluster } from '../../../shared/contract/index.ts';
import type { CoreModule } from '../platform/core-module.ts';
import { transactionOn } from '../platform/db/transaction.ts';
import { yieldToWaitingWriters } from '../platform/db/write-queue.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { FacetCounter } from './facet-counter.ts';
import { FacetRepository } from './facet-repository.ts';
import { createImportJob } from './import-job.ts';
import { importHandlers } from './import-handlers.ts';
import { ImportRepository } from './import-repository.ts';
import { RowRepository } from './row-repository.ts';
import { SearchIndexer } from './search/search-indexer.ts';
import { SearchRepository } from './search/search-repository.ts';
import { traceHandlers } from './trace-handlers.ts';
import { TracePositions } from './trace-positions.ts';
import { TraceRepository } from './trace-repository.ts';
import { TraceWriteRepository } from './trace-write-repository.ts';

export { RowRepository, type RowPreview, type RowTexts } from './row-repository.ts';
export { promptPreview, truncate } from './previews.ts';
export { storedTrace } from './stored-trace.ts';
export { rowText } from './row-text.ts';
export { buildTraceWhere, type SqlWhere } from './trace-filter.ts';
export type { ChatMessage, NormalizedTrace } from './parse/types.ts';

/** Where each given row sits in a clustering run (the newest when `runId` is undefined); the clusters domain provides it. */
export type RowClusterLookup = (rowIds: readonly number[], runId?: number) => ReadonlyMap<number, RowCluster>;

export interface TracesModule extends CoreModule {
  counts(): { traces: number; rows: number };
  rows: RowRepository;
  /** Ends the facet worker. */
  close(): Promise<void>;
}

export function tracesModule(deps: { db: Database; jobs: JobRunner; now: () => number; rowClusters?: RowClusterLookup }): TracesModule {
  const traces = new TraceRepository(deps.db);
  const imports = new ImportRepository(deps.db);
  imports.markInterrupted();
  const transaction = transactionOn(deps.db);
  const indexer = new SearchIndexer(new SearchRepository(deps.db), deps.jobs, transaction);
  const importJob = createImportJob({
    imports,
    traces: new TraceWriteRepository(deps.db),
    transaction,
    yieldToWriters: () => yieldToWaitingWriters(deps.db),
    now: deps.now,
  });
  const facets = new FacetRepository(deps.db);
  // A store in memory cannot be opened by a second connection: it counts on this thread.
  const counter = deps.db.memory ? null : new FacetCounter(deps.db.name);
  return {
    jobs: [indexer.afterEach(importJob), indexer.job],
    handlers: { ...importHandlers(imports, deps.jobs), ...traceHandlers({
        traces,
        facets,
        facetCounts: (where) => (counter ? counter.facets(where) : facets.facets(where)),
        onList: () => counter?.warm(),
        positions: new TracePositions(traces),
        searchIndex: () => indexer.ensure(),
        rowClusters: deps.rowClusters ?? (() => new Map()),
      }) },
    counts: () => traces.counts(),
    rows: new RowRepository(deps.db),
    close: async () => {
      await counter?.close();
    },
  };
}
