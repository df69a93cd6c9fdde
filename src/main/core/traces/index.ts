// The traces domain as other domains and the core see it: its module factory and the read helpers other
// domains use on stored traces and rows. Imports: this domain's modules only.
import type { Database } from 'better-sqlite3';
import type { CoreModule } from '../platform/core-module.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { createImportJob } from './import-job.ts';
import { importHandlers } from './import-handlers.ts';
import { ImportRepository } from './import-repository.ts';
import { traceHandlers } from './trace-handlers.ts';
import { TraceRepository } from './trace-repository.ts';

export { lastUserText, truncate } from './previews.ts';
export { storedTrace } from './stored-trace.ts';
export { rowText } from './row-text.ts';
export { buildTraceWhere, type SqlWhere } from './trace-filter.ts';
export type { ChatMessage, NormalizedTrace } from './parse/types.ts';

export interface TracesModule extends CoreModule {
  counts(): { traces: number; rows: number };
}

export function tracesModule(deps: { db: Database; jobs: JobRunner; now: () => number }): TracesModule {
  const traces = new TraceRepository(deps.db);
  const imports = new ImportRepository(deps.db);
  imports.markInterrupted();
  return {
    jobs: [createImportJob(deps.db, imports, deps.now)],
    handlers: { ...importHandlers(imports, deps.jobs), ...traceHandlers(traces) },
    counts: () => traces.counts(),
  };
}
