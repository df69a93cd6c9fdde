// Handlers of the traces.* commands.
// Imports: db repository, positions, facet cache, safe-detail, rpc helpers, contract types.
import type { TraceRepository } from './trace-repository.ts';
import type { TracePositions } from './trace-positions.ts';
import type { FacetCache } from './facet-cache.ts';
import { safeDetail } from './safe-detail.ts';
import { decodeCursor, page } from '../platform/rpc/cursor.ts';
import { CommandError, type Handlers } from '../platform/rpc/router.ts';

export function traceHandlers(
  traces: TraceRepository,
  positions: TracePositions,
  facets: FacetCache,
): Pick<Handlers, 'traces.list' | 'traces.get' | 'traces.facets'> {
  return {
    'traces.list': ({ where, cursor, limit, at }) => {
      if (at !== undefined) {
        const { total, offset, items } = positions.pageAt(where, at, limit);
        return { total, offset, ...page(items, limit) };
      }
      const total = positions.total(where);
      const afterId = decodeCursor(cursor);
      // Ids are integers, so "after the cursor's id" is "from the next id on".
      return { total, ...page(traces.page(where, afterId === null ? null : afterId + 1, 0, limit), limit) };
    },
    'traces.get': ({ id }) => {
      const trace = traces.get(id);
      if (!trace) throw new CommandError('not_found', `trace ${id} does not exist`);
      return safeDetail(trace);
    },
    'traces.facets': ({ where }) => facets.facets(where),
  };
}
