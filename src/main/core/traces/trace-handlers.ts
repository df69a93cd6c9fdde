// Handlers of the traces.* commands.
// Imports: db repository, safe-detail, rpc helpers, contract types.
import type { TraceRepository } from './trace-repository.ts';
import { safeDetail } from './safe-detail.ts';
import { decodeCursor, page } from '../platform/rpc/cursor.ts';
import { CommandError, type Handlers } from '../platform/rpc/router.ts';

export function traceHandlers(traces: TraceRepository): Pick<Handlers, 'traces.list' | 'traces.get' | 'traces.facets'> {
  return {
    'traces.list': ({ where, cursor, limit }) => {
      const { total, items } = traces.list(where, decodeCursor(cursor), limit);
      return { total, ...page(items, limit) };
    },
    'traces.get': ({ id }) => {
      const trace = traces.get(id);
      if (!trace) throw new CommandError('not_found', `trace ${id} does not exist`);
      return safeDetail(trace);
    },
    'traces.facets': ({ where }) => traces.facets(where),
  };
}
