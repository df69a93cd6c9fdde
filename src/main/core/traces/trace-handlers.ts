// Handlers of the traces.* commands.
// Imports: db repositories, positions, safe-detail, rpc helpers, contract types, the row-cluster lookup type.
import type { SearchIndexState, TraceFilter } from '../../../shared/contract/index.ts';
import type { FacetRepository, FacetResult } from './facet-repository.ts';
import type { RowClusterLookup } from './index.ts';
import type { TraceRepository } from './trace-repository.ts';
import type { TracePositions } from './trace-positions.ts';
import { safeDetail } from './safe-detail.ts';
import { decodeCursor, page } from '../platform/rpc/cursor.ts';
import { CommandError, type Handlers } from '../platform/rpc/router.ts';

type TraceChannels = 'traces.list' | 'traces.get' | 'traces.facets' | 'traces.facetValues' | 'traces.searchIndex';

export interface TraceHandlerDeps {
  traces: TraceRepository;
  facets: FacetRepository;
  /** Counts for traces.facets: in the facet worker, so this thread stays free for pages meanwhile. */
  facetCounts: (where: TraceFilter) => Promise<FacetResult> | FacetResult;
  /** Called on each page asked for: a table that lists rows counts facets next, so the counter can get ready. */
  onList?: () => void;
  positions: TracePositions;
  searchIndex: () => SearchIndexState;
  rowClusters: RowClusterLookup;
}

export function traceHandlers({ traces, facets, facetCounts, onList, positions, searchIndex, rowClusters }: TraceHandlerDeps): Pick<Handlers, TraceChannels> {
  return {
    'traces.list': ({ where, cursor, limit, at }) => {
      onList?.();
      if (at !== undefined) {
        const { total, offset, items } = positions.pageAt(where, at, limit);
        return { total, offset, ...page(items, limit) };
      }
      const total = positions.total(where);
      const afterId = decodeCursor(cursor);
      // Ids are integers, so "after the cursor's id" is "from the next id on".
      return { total, ...page(traces.page(where, afterId === null ? null : afterId + 1, 0, limit), limit) };
    },
    'traces.get': ({ id, clusterRunId }) => {
      const trace = traces.get(id);
      if (!trace) throw new CommandError('not_found', `trace ${id} does not exist`);
      const places = rowClusters(trace.rowsDetail.map((r) => r.id), clusterRunId);
      return safeDetail({ ...trace, rowsDetail: trace.rowsDetail.map((r) => ({ ...r, cluster: places.get(r.id) ?? null })) });
    },
    'traces.facets': ({ where }) => facetCounts(where),
    'traces.facetValues': ({ facet, where, contains, limit }) => ({ values: facets.facetValues(facet, where, contains, limit) }),
    'traces.searchIndex': () => searchIndex(),
  };
}
