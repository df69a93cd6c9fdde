// The curation filters run in a worker thread: rows in, verdicts out, stopped at once by the AbortSignal (the
// worker is terminated). Imports: platform worker task, the worker's request and result types.
import { runWorkerTask, workerUrl } from '../../platform/workers/worker-task.ts';
import type { FilterWorkerRequest, FilterWorkerResult } from './curate-filter-worker.ts';

const WORKER = workerUrl('curate-filter-worker', import.meta.url);

export function runFiltersInWorker(req: FilterWorkerRequest, signal?: AbortSignal): Promise<FilterWorkerResult> {
  return runWorkerTask<FilterWorkerResult>(WORKER, req, signal ? { signal } : {});
}
