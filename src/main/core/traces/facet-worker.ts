// Worker entry that counts facets (traces.facets) on its own read-only connection, so the core's thread keeps
// answering pages while a million traces are counted. Imports: platform workers and db, facet-repository.
import type { TraceFilter } from '../../../shared/contract/index.ts';
import { openReadOnlyDatabase } from '../platform/db/read-connection.ts';
import { serveLatestOnly, SupersededError } from '../platform/workers/latest-only-worker.ts';
import { FacetRepository, type FacetResult } from './facet-repository.ts';

serveLatestOnly<TraceFilter, FacetResult>((init) => {
  const db = openReadOnlyDatabase(init as string);
  let stale: () => boolean = () => false;
  // Between its queries the count looks whether a newer filter arrived and, if so, stops there.
  const facets = new FacetRepository(db, () => {
    if (stale()) throw new SupersededError();
  });
  return (filter, isStale) => {
    stale = isStale;
    // One read transaction: every query of a count sees the same snapshot, even while an import commits.
    db.exec('BEGIN');
    try {
      return facets.facets(filter);
    } finally {
      db.exec('COMMIT');
    }
  };
});
