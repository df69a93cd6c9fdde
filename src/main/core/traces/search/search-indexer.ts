// Keeps the search index in step with the traces: a job that adds traces (an import) starts the index-search
// job when it ends, whatever its outcome (its complete batches are stored); traces.searchIndex reports how far
// the index is and starts the job for traces it lacks. Imports: jobs, the index job, the search repository.
import type { SearchIndexState } from '../../../../shared/contract/index.ts';
import type { Transaction } from '../../platform/db/transaction.ts';
import type { JobHandler, JobRunner } from '../../platform/jobs/job-runner.ts';
import { createIndexSearchJob, type IndexSearchParams } from './index-search-job.ts';
import type { SearchRepository } from './search-repository.ts';

export class SearchIndexer {
  readonly job: JobHandler<IndexSearchParams>;
  private readonly search: SearchRepository;
  private readonly jobs: JobRunner;
  /** The last index job this process started; while it is queued a second one would have nothing more to do. */
  private lastJob: number | null = null;

  constructor(search: SearchRepository, jobs: JobRunner, transaction: Transaction) {
    this.search = search;
    this.jobs = jobs;
    this.job = createIndexSearchJob({ search, transaction });
  }

  /** The same job handler, starting the index job once each run has settled. */
  afterEach<P>(handler: JobHandler<P>): JobHandler<P> {
    return {
      ...handler,
      run: async (ctx) => {
        try {
          return await handler.run(ctx);
        } finally {
          this.start();
        }
      },
    };
  }

  /** Starts indexing unless a queued index job will already see every trace; returns that job's id. */
  start(): number {
    const last = this.lastJob === null ? undefined : this.jobs.get(this.lastJob);
    if (last?.status === 'queued') return last.id;
    this.lastJob = this.jobs.start('index-search', {}).id;
    return this.lastJob;
  }

  ensure(): SearchIndexState {
    const state = this.search.state();
    const missing = this.search.remaining(state.indexedThrough);
    const active = this.lastJob === null ? undefined : this.jobs.get(this.lastJob);
    let jobId = active && (active.status === 'queued' || active.status === 'running') ? active.id : null;
    if (missing > 0 && jobId === null) jobId = this.start();
    const traces = (state.highest === 0 ? 0 : this.search.remaining(0));
    return { indexed: traces - missing, traces, jobId };
  }
}
