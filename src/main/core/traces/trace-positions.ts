// Where a row index of a filtered traces list lands, fast at a million traces: per filter, the total and
// every 256th id in id order, kept in memory until the traces table changes. Imports: trace repository, trace-filter.
import type { TraceFilter, TraceSummary } from '../../../shared/contract/index.ts';
import { buildTraceWhere } from './trace-filter.ts';
import type { TraceRepository } from './trace-repository.ts';

/**
 * One id every MARK_EVERY rows: a jump seeks to the mark below its row and skips fewer than MARK_EVERY matches,
 * so it costs the same at row 600,000 as at row 0 (an OFFSET from the start walks every row before it:
 * 260 ms for row 600,000 of the unfiltered table). The marks of 1M rows are 3,907 numbers.
 */
const MARK_EVERY = 256;
/** Filters whose totals and marks are kept; the oldest used is dropped first. */
const CACHED_FILTERS = 8;

interface Entry {
  version: string;
  total: number;
  /** Built on the first jump into this filter (one pass over its rows), not on its first page. */
  marks: number[] | null;
}

/** Filters are compared by value, whatever order their keys and values came in. */
export function filterKey(filter: TraceFilter): string {
  const norm = (v: unknown): unknown => (Array.isArray(v) ? [...v].map(String).sort() : v);
  return JSON.stringify(
    Object.keys(filter)
      .sort()
      .filter((k) => filter[k as keyof TraceFilter] !== undefined)
      .map((k) => [k, norm(filter[k as keyof TraceFilter])]),
  );
}

export class TracePositions {
  private readonly traces: TraceRepository;
  private readonly cache = new Map<string, Entry>();

  constructor(traces: TraceRepository) {
    this.traces = traces;
  }

  /** How many traces match; counted once per filter and table state, not on every page. */
  total(filter: TraceFilter): number {
    return this.entry(filter).entry.total;
  }

  /** The page that starts at row `at` of the filtered list; empty past its end. */
  pageAt(filter: TraceFilter, at: number, limit: number): { total: number; offset: number; items: TraceSummary[] } {
    const { entry, version } = this.entry(filter);
    if (at >= entry.total) return { total: entry.total, offset: at, items: [] };
    // A table nobody filtered, whose ids have no gaps (one import, or several back to back), needs no marks.
    if (buildTraceWhere(filter).sql === '' && version.minId !== null && version.maxId !== null && version.maxId - version.minId + 1 === version.count) {
      return { total: entry.total, offset: at, items: this.traces.page(filter, version.minId + at, 0, limit) };
    }
    // Near the start, skipping from the first row is as cheap as a mark: a first page never pays for the marks.
    if (at < MARK_EVERY) return { total: entry.total, offset: at, items: this.traces.page(filter, null, at, limit) };
    entry.marks ??= this.traces.idMarks(filter, MARK_EVERY);
    const mark = entry.marks[Math.floor(at / MARK_EVERY)] ?? null;
    return { total: entry.total, offset: at, items: this.traces.page(filter, mark, at % MARK_EVERY, limit) };
  }

  private entry(filter: TraceFilter): { entry: Entry; version: ReturnType<TraceRepository['version']> } {
    const version = this.traces.version();
    const versionKey = `${version.count}:${version.minId}:${version.maxId}`;
    const key = filterKey(filter);
    let entry = this.cache.get(key);
    if (entry?.version !== versionKey) {
      const unfiltered = buildTraceWhere(filter).sql === '';
      entry = { version: versionKey, total: unfiltered ? version.count : this.traces.count(filter), marks: null };
    }
    // Re-inserting keeps the Map in least-recently-used order.
    this.cache.delete(key);
    this.cache.set(key, entry);
    for (const old of this.cache.keys()) {
      if (this.cache.size <= CACHED_FILTERS) break;
      this.cache.delete(old);
    }
    return { entry, version };
  }
}
