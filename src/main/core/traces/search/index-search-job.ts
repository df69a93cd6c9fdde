// The index-search job: adds every trace not yet indexed to the full-text index and the metadata facet tables,
// a batch per transaction (with its resume point), then recounts the facet cube. An import starts it when it
// ends; it also catches up a store imported before search existed. Imports: search repository and document,
// stored-trace, jobs, transaction.
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { z } from 'zod';
import type { Transaction } from '../../platform/db/transaction.ts';
import type { JobHandler } from '../../platform/jobs/job-runner.ts';
import { storedTrace } from '../stored-trace.ts';
import { metadataPairs, searchText } from './search-document.ts';
import type { PendingTrace, SearchDocument, SearchRepository } from './search-repository.ts';
import { MAX_COUNTED_VALUES } from '../../../../shared/contract/index.ts';

export const IndexSearchParams = z.object({}).default({});
export type IndexSearchParams = z.infer<typeof IndexSearchParams>;

/** About 50 ms of parsing a batch, so a window sharing the process stays responsive between them. */
const BATCH = 500;

export interface IndexSearchResult {
  indexed: number;
}

export function createIndexSearchJob(deps: { search: SearchRepository; transaction: Transaction }): JobHandler<IndexSearchParams> {
  const { search, transaction } = deps;
  return {
    kind: 'index-search',
    // Beside imports, one after another: it indexes what the import before it wrote.
    lane: 'io',
    params: IndexSearchParams,
    changes: ['traces'],
    title: () => 'Index traces for search',
    run: async (ctx) => {
      // The resume point is search_state itself, written with each batch: nothing else to restore.
      let through = search.state().indexedThrough;
      const total = search.remaining(through);
      let done = 0;
      ctx.progress(0, total, 'Indexing for search');
      for (;;) {
        if (ctx.signal.aborted) return { indexed: done } satisfies IndexSearchResult;
        const batch = search.pending(through, BATCH);
        if (batch.length === 0) break;
        const docs = batch.map(toDocument);
        through = batch[batch.length - 1]!.id;
        transaction(() => {
          search.write(docs, through);
          ctx.saveCheckpoint({ through });
        });
        done += batch.length;
        ctx.progress(done, Math.max(total, done));
        await yieldToEvents();
      }
      ctx.progress(done, Math.max(total, done), 'Counting facets');
      search.rebuildCube(MAX_COUNTED_VALUES);
      ctx.progress(done, Math.max(total, done), 'Done');
      return { indexed: done } satisfies IndexSearchResult;
    },
  };
}

function toDocument(t: PendingTrace): SearchDocument {
  try {
    const trace = storedTrace(t.raw, t.format, t.normalized_json);
    return { id: t.id, ...searchText(trace), metadata: metadataPairs(trace.metadata) };
  } catch {
    // A trace the current parser no longer reads is still found by the words of its raw text.
    return { id: t.id, system: '', conversation: t.raw, metadata: [] };
  }
}
