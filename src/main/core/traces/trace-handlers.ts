// Handlers of the traces.* commands.
// Imports: db repository, safe-detail, rpc helpers, contract types, the row-cluster lookup type.
import type { RowClusterLookup } from './index.ts';
import type { TraceRepository } from './trace-repository.ts';
import { safeDetail } from './safe-detail.ts';
import { decodeCursor, page } from '../platform/rpc/cursor.ts';
import { CommandError, type Handlers } from '../platform/rpc/router.ts';

export function traceHandlers(traces: TraceRepository, rowClusters: RowClusterLookup): Pick<Handlers, 'traces.list' | 'traces.get' | 'traces.facets'> {
  return {
    'traces.list': ({ where, cursor, limit }) => {
      const { total, items } = traces.list(where, decodeCursor(cursor), limit);
      return { total, ...page(items, limit) };
    },
    'traces.get': ({ id, clusterRunId }) => {
      const trace = traces.get(id);
      if (!trace) throw new CommandError('not_found', `trace ${id} does not exist`);
      const places = rowClusters(trace.rowsDetail.map((r) => r.id), clusterRunId);
      return safeDetail({ ...trace, rowsDetail: trace.rowsDetail.map((r) => ({ ...r, cluster: places.get(r.id) ?? null })) });
    },
    'traces.facets': ({ where }) => traces.facets(where),
  };
}
