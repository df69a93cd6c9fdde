// The traces domain as other domains and the core see it: its module factory and the rows other domains
// read (their text and previews). Imports: this domain's modules, platform types.
import type { Database } from 'better-sqlite3';
import type { CoreModule } from '../platform/core-module.ts';
import { transactionOn } from '../platform/db/transaction.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { createImportJob } from './import-job.ts';
import { importHandlers } from './import-handlers.ts';
import { ImportRepository } from './import-repository.ts';
import { RowRepository } from './row-repository.ts';
import { traceHandlers } from './trace-handlers.ts';
import { FacetCache } from './facet-cache.ts';
import { TracePositions } from './trace-positions.ts';
import { TraceRepository } from './trace-repository.ts';
import { TraceWriteRepository } from './trace-write-repository.ts';

export { RowRepository, type RowPreview, type RowTexts } from './row-repository.ts';
export { promptPreview, truncate } from './previews.ts';
export { storedTrace } from './stored-trace.ts';
export { rowText } from './row-text.ts';
export { buildTraceWhere, type SqlWhere } from './trace-filter.ts';
export type { ChatMessage, NormalizedTrace } from './parse/types.ts';

export interface TracesModule extends CoreModule {
  counts(): { traces: number; rows: number };
  rows: RowRepository;
}

export function tracesModule(deps: { db: Database; jobs: JobRunner; now: () => number }): TracesModule {
  const traces = new TraceRepository(deps.db);
  const imports = new ImportRepository(deps.db);
  imports.markInterrupted();
  return {
    jobs: [createImportJob({ imports, traces: new TraceWriteRepository(deps.db), transaction: transactionOn(deps.db), now: deps.now })],
    handlers: { ...importHandlers(imports, deps.jobs), ...traceHandlers(traces, new TracePositions(traces), new FacetCache(traces)) },
    counts: () => traces.counts(),
    rows: new RowRepository(deps.db),
  };
}
