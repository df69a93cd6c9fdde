// Worker entry for the curation filters: one run over every row of a draft, off the main thread, so the window
// and the other lanes stay responsive while 100k rows are checked. Answers the verdicts and the PII span count
// of each row the pii filter named. Imports: platform worker task, the engine's run and PII modules.
import { serveWorkerTask } from '../../platform/workers/worker-task.ts';
import type { CurateRow } from './curate-row.ts';
import type { FilterConfig } from './filter-config.ts';
import type { PiiType } from './pii/pii-span.ts';
import { findRowPii, PiiCache } from './pii/row-pii.ts';
import { runFilters, type FilterRun } from './run-filters.ts';

export interface FilterWorkerRequest {
  rows: CurateRow[];
  config: FilterConfig;
  keep: string[];
  drop: string[];
}

export interface FilterWorkerResult {
  run: FilterRun;
  /** Spans per row, counted only for rows the pii filter named (the filter proved the others clean). */
  piiSpans: number[];
}

function filterAndCount(req: FilterWorkerRequest): FilterWorkerResult {
  const run = runFilters(req.rows, req.config, { keep: req.keep, drop: req.drop });
  const types: ReadonlySet<PiiType> | undefined = req.config.pii.types ? new Set(req.config.pii.types) : undefined;
  const cache = new PiiCache();
  const piiSpans = run.rows.map((v, i) => (v.fired.some((f) => f.filter === 'pii') ? findRowPii(req.rows[i]!, types, cache).length : 0));
  return { run, piiSpans };
}

serveWorkerTask<FilterWorkerRequest, FilterWorkerResult, never>((req) => ({ value: filterAndCount(req) }));
