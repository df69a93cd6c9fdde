// Keeps a trace's detail sendable: parts nested too deeply for V8's structured clone (IPC to the window) are
// cut at MAX_NESTING and the detail says so in `problem`, with the raw text still whole. Imports: ingest, contract types.
import type { TraceDetail } from '../../../shared/contract/index.ts';
import { DEEP_MARKER, MAX_NESTING, cutNesting, nestsDeeperThan } from './parse/index.ts';

/**
 * The detail itself when nothing in it was or must be cut, else a copy with the deep parts cut and a `problem`.
 * CSV and Parquet traces were cut when stored (their parsed form is what is kept); their deep_nesting notice says so.
 */
export function safeDetail(detail: TraceDetail): TraceDetail {
  const deep: string[] = [];
  const fit = <T>(name: string, value: T): T => {
    if (!nestsDeeperThan(value, MAX_NESTING)) return value;
    if (!deep.includes(name)) deep.push(name);
    return cutNesting(value, DEEP_MARKER, MAX_NESTING) as T;
  };
  const metadata = fit('metadata', detail.metadata);
  const tools = fit('tools', detail.tools);
  const rowsDetail = detail.rowsDetail.map((row) => ({ ...row, messages: fit('messages', row.messages), response: fit('messages', row.response) }));
  const cutWhenStored = detail.notices.some((n) => n.code === 'deep_nesting');
  if (deep.length === 0 && !cutWhenStored) return detail;
  const what = deep.length > 0 ? `This trace's ${deep.join(' and ')} ${deep.length === 1 ? 'nests' : 'nest'}` : 'Parts of this trace nest';
  return {
    ...detail,
    metadata,
    tools,
    rowsDetail,
    problem:
      `${what} more than ${MAX_NESTING} levels deep, too deep to show here; the deeper parts read "${DEEP_MARKER}". ` +
      'The raw source line below holds the complete text.',
  };
}
