// Answers traces.facets from the facet worker thread, so counting never holds up the core's thread; a newer
// request supersedes an older one, which answers `superseded`. Imports: platform workers and rpc, facet types.
import type { TraceFilter } from '../../../shared/contract/index.ts';
import { CommandError } from '../platform/rpc/router.ts';
import { LatestOnlyWorker, SupersededError } from '../platform/workers/latest-only-worker.ts';
import { workerUrl } from '../platform/workers/worker-task.ts';
import type { FacetResult } from './facet-repository.ts';

export class FacetCounter {
  private readonly worker: LatestOnlyWorker<TraceFilter, FacetResult>;

  /** `dbFile`: the store's SQLite file, which the worker opens read-only beside the core's connection. */
  constructor(dbFile: string) {
    this.worker = new LatestOnlyWorker(workerUrl('facet-worker', import.meta.url), dbFile);
  }

  async facets(filter: TraceFilter): Promise<FacetResult> {
    try {
      return await this.worker.run(filter);
    } catch (error) {
      if (error instanceof SupersededError) {
        throw new CommandError('superseded', 'facet counts for this filter were replaced by a newer request before they finished');
      }
      throw error;
    }
  }

  /** Starts the worker before the first count is asked for (the window lists rows first, then counts). */
  warm(): void {
    this.worker.warm();
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
