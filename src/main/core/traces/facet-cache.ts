// Facet counts of the last few filters, kept until the traces table changes: going back to a filter (clearing
// one, or the window reloading) answers at once instead of counting a million traces again.
// Imports: trace repository (type), trace-positions (filter keys), contract types.
import type { TraceFilter } from '../../../shared/contract/index.ts';
import type { TraceRepository } from './trace-repository.ts';
import { filterKey } from './trace-positions.ts';

const CACHED_FILTERS = 16;

type Facets = ReturnType<TraceRepository['facets']>;

export class FacetCache {
  private readonly traces: TraceRepository;
  private readonly cache = new Map<string, { version: string; facets: Facets }>();

  constructor(traces: TraceRepository) {
    this.traces = traces;
  }

  facets(filter: TraceFilter): Facets {
    // Traces are only appended, so the count and the id range change with every write (ours or another process's).
    const v = this.traces.version();
    const version = `${v.count}:${v.minId}:${v.maxId}`;
    const key = filterKey(filter);
    let hit = this.cache.get(key);
    if (hit?.version !== version) hit = { version, facets: this.traces.facets(filter) };
    this.cache.delete(key);
    this.cache.set(key, hit);
    for (const old of this.cache.keys()) {
      if (this.cache.size <= CACHED_FILTERS) break;
      this.cache.delete(old);
    }
    return hit.facets;
  }
}
