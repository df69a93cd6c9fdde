// Counts facet values under a filter: the built-in facets from one pass over their combinations (precomputed
// in facet_cube while only facets are filtered, else grouped from the matching traces), the metadata keys from
// their value tables; and the long tail of one facet. Imports: better-sqlite3 types, trace-filter, contract.
import type { Database } from 'better-sqlite3';
import type { FacetCounts, FacetName, FacetValue, MetadataFacet, TraceFilter } from '../../../shared/contract/index.ts';
import { FacetName as FacetNames, FILTER_LIMITS, MAX_COUNTED_VALUES, METADATA_PREFIX } from '../../../shared/contract/index.ts';
import { CommandError } from '../platform/rpc/router.ts';
import { FACET_COLUMNS, buildTraceWhere, hasNonFacetFilter } from './trace-filter.ts';

/** Values listed per facet; the rest are reached by traces.facetValues. */
const TOP_VALUES = 100;
/** Past this many combinations the cube costs about what a scan does, so it is not used. */
const MAX_CUBE_ROWS = 50_000;

const NAMES = FacetNames.options;
const CUBE_COLUMNS = NAMES.map((n) => FACET_COLUMNS[n]).join(', ');

type CubeRow = { [K in FacetName]: string | null } & { count: number; min_ts: number | null; max_ts: number | null };

export interface FacetResult {
  total: number;
  facets: FacetCounts;
  timeRange: { min: number | null; max: number | null };
  metadata: MetadataFacet[];
}

const escapeLike = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class FacetRepository {
  private readonly db: Database;
  private readonly checkpoint: () => void;

  /**
   * `checkpoint` runs before each query of a count, so a caller counting in a worker can stop work that a newer
   * request made stale by throwing from it.
   */
  constructor(db: Database, checkpoint: () => void = () => {}) {
    this.db = db;
    this.checkpoint = checkpoint;
  }

  facets(filter: TraceFilter): FacetResult {
    return { ...this.builtInFacets(filter), metadata: this.metadataFacets(filter) };
  }

  /** Where the built-in counts come from: the stored cube when it is current and only facets are filtered. */
  cubeRows(filter: TraceFilter): CubeRow[] {
    this.checkpoint();
    const select = NAMES.map((n) => `${FACET_COLUMNS[n]} AS ${n}`).join(', ');
    if (!hasNonFacetFilter(filter) && this.cubeIsCurrent()) {
      const size = (this.db.prepare('SELECT COUNT(*) AS n FROM facet_cube').get() as { n: number }).n;
      if (size <= MAX_CUBE_ROWS) {
        return this.db.prepare(`SELECT ${select}, count, min_ts, max_ts FROM facet_cube`).all() as CubeRow[];
      }
    }
    const where = buildTraceWhere(filter, undefined, { builtIn: false });
    return this.db
      .prepare(`SELECT ${select}, COUNT(*) AS count, MIN(timestamp) AS min_ts, MAX(timestamp) AS max_ts FROM traces ${where.sql} GROUP BY ${CUBE_COLUMNS}`)
      .all(...where.params) as CubeRow[];
  }

  /**
   * Each facet counted with every other facet's filter applied and its own left out (so its other values stay
   * visible), all from one list of combinations: a combination that fails only facet F's filter counts for F.
   */
  private builtInFacets(filter: TraceFilter): Omit<FacetResult, 'metadata'> {
    const wanted = NAMES.map((n) => (filter[n] && filter[n].length > 0 ? new Set<string | null>(filter[n]) : null));
    const counts = NAMES.map(() => new Map<string | null, number>());
    let total = 0;
    let min: number | null = null;
    let max: number | null = null;
    for (const row of this.cubeRows(filter)) {
      let failed = -1;
      let failures = 0;
      for (let i = 0; i < NAMES.length; i++) {
        const set = wanted[i];
        if (set && !set.has(row[NAMES[i]!])) {
          failed = i;
          if (++failures > 1) break;
        }
      }
      if (failures > 1) continue;
      if (failures === 1) {
        const m = counts[failed]!;
        const v = row[NAMES[failed]!];
        m.set(v, (m.get(v) ?? 0) + row.count);
        continue;
      }
      total += row.count;
      if (row.min_ts !== null && (min === null || row.min_ts < min)) min = row.min_ts;
      if (row.max_ts !== null && (max === null || row.max_ts > max)) max = row.max_ts;
      NAMES.forEach((name, i) => {
        const m = counts[i]!;
        const v = row[name];
        m.set(v, (m.get(v) ?? 0) + row.count);
      });
    }
    const facets = {} as FacetCounts;
    NAMES.forEach((name, i) => (facets[name] = topValues(counts[i]!)));
    return { total, facets, timeRange: { min, max } };
  }

  /** The metadata keys most traces carry (at most FILTER_LIMITS.facets), each with its top values under the filter. */
  private metadataFacets(filter: TraceFilter): MetadataFacet[] {
    this.checkpoint();
    const keys = this.db
      .prepare('SELECT key, distinct_values FROM metadata_keys ORDER BY pairs DESC, key LIMIT ?')
      .all(FILTER_LIMITS.facets) as { key: string; distinct_values: number }[];
    if (keys.length === 0) return [];
    const where = buildTraceWhere(filter);
    if (where.sql === '') {
      const top = this.db.prepare('SELECT value, count FROM metadata_values WHERE key = ? ORDER BY count DESC, value LIMIT ?');
      return keys.map((k) => ({ key: k.key, distinct: k.distinct_values, counted: true, values: top.all(k.key, TOP_VALUES) as FacetValue[] }));
    }
    const counted = keys.filter((k) => k.distinct_values <= MAX_COUNTED_VALUES).map((k) => k.key);
    const byKey = new Map<string, Map<string | null, number>>(counted.map((k) => [k, new Map()]));
    if (counted.length > 0 && !this.fromMetadataCube(filter, counted, byKey)) {
      const own = new Set(Object.keys(filter.metadata ?? {}).filter((k) => (filter.metadata?.[k]?.length ?? 0) > 0));
      const others = counted.filter((k) => !own.has(k));
      if (others.length > 0) this.countMetadata(others, where, byKey);
      for (const key of own) if (byKey.has(key)) this.countOwnKey(filter, key, byKey);
    }
    return keys.map((k) => {
      const values = byKey.get(k.key);
      return { key: k.key, distinct: k.distinct_values, counted: values !== undefined, values: values ? topValues(values) : [] };
    });
  }

  /**
   * A filtered key is counted without its own filter, like the built-in facets: from the key's overall counts
   * when nothing else is filtered, from the cube when only built-in facets are, else from the matching traces.
   */
  private countOwnKey(filter: TraceFilter, key: string, into: Map<string, Map<string | null, number>>): void {
    this.checkpoint();
    const { [key]: _own, ...rest } = filter.metadata ?? {};
    const without: TraceFilter = { ...filter, metadata: rest };
    const where = buildTraceWhere(without);
    if (where.sql === '') {
      const rows = this.db.prepare('SELECT value, count FROM metadata_values WHERE key = ?').all(key) as { value: string; count: number }[];
      const m = into.get(key)!;
      for (const r of rows) m.set(r.value, r.count);
      return;
    }
    if (!this.fromMetadataCube(without, [key], into)) this.countMetadata([key], where, into);
  }

  /** Counts from metadata_cube when only built-in facets are filtered and the cube is current; false otherwise. */
  private fromMetadataCube(filter: TraceFilter, keys: string[], into: Map<string, Map<string | null, number>>): boolean {
    if (hasNonFacetFilter(filter) || !this.cubeIsCurrent()) return false;
    const select = NAMES.map((n) => `${FACET_COLUMNS[n]} AS ${n}`).join(', ');
    const rows = this.db
      .prepare(`SELECT key, value, ${select}, count FROM metadata_cube WHERE key IN (${keys.map(() => '?').join(', ')})`)
      .all(...keys) as (CubeRow & { key: string; value: string })[];
    const wanted = NAMES.map((n) => (filter[n] && filter[n].length > 0 ? new Set<string | null>(filter[n]) : null));
    for (const row of rows) {
      if (!wanted.every((set, i) => set === null || set.has(row[NAMES[i]!]))) continue;
      const m = into.get(row.key)!;
      m.set(row.value, (m.get(row.value) ?? 0) + row.count);
    }
    return true;
  }

  private cubeIsCurrent(): boolean {
    const state = this.db.prepare('SELECT cube_through AS c, (SELECT COALESCE(MAX(id), 0) FROM traces) AS h FROM search_state').get() as { c: number; h: number };
    return state.c === state.h;
  }

  private countMetadata(keys: string[], where: { sql: string; params: unknown[] }, into: Map<string, Map<string | null, number>>): void {
    this.checkpoint();
    // From the matching traces to their metadata through trace_metadata_trace: CROSS JOIN keeps SQLite from
    // walking every value of the keys instead, which costs the same whether the filter matches 1 trace or all.
    const rows = this.db
      .prepare(`SELECT m.key AS key, m.value AS value, COUNT(*) AS count FROM (SELECT id FROM traces ${where.sql}) AS t
        CROSS JOIN trace_metadata m ON m.trace_id = t.id WHERE m.key IN (${keys.map(() => '?').join(', ')}) GROUP BY m.key, m.value`)
      .all(...where.params, ...keys) as { key: string; value: string; count: number }[];
    for (const r of rows) into.get(r.key)?.set(r.value, r.count);
  }

  /** One facet's values containing `contains` (case-insensitive), most common first, under the filter without itself. */
  facetValues(facet: string, filter: TraceFilter, contains: string, limit: number): FacetValue[] {
    const like = escapeLike(contains);
    if (facet.startsWith(METADATA_PREFIX)) {
      const key = facet.slice(METADATA_PREFIX.length);
      const where = buildTraceWhere(filter, facet);
      if (where.sql === '') {
        return this.db
          .prepare(`SELECT value, count FROM metadata_values WHERE key = ? AND value LIKE ? ESCAPE '\\' ORDER BY count DESC, value LIMIT ?`)
          .all(key, like, limit) as FacetValue[];
      }
      return this.db
        .prepare(`SELECT value, COUNT(*) AS count FROM trace_metadata WHERE key = ? AND value LIKE ? ESCAPE '\\'
          AND trace_id IN (SELECT id FROM traces ${where.sql}) GROUP BY value ORDER BY count DESC, value LIMIT ?`)
        .all(key, like, ...where.params, limit) as FacetValue[];
    }
    if (!(NAMES as readonly string[]).includes(facet)) {
      throw new CommandError('invalid_input', `unknown facet "${facet}": one of ${NAMES.join(', ')}, or metadata.KEY`);
    }
    const column = FACET_COLUMNS[facet as FacetName];
    const where = buildTraceWhere(filter, facet);
    const clause = `${where.sql ? `${where.sql} AND` : 'WHERE'} ${column} LIKE ? ESCAPE '\\'`;
    return this.db
      .prepare(`SELECT ${column} AS value, COUNT(*) AS count FROM traces ${clause} GROUP BY ${column} ORDER BY count DESC, value LIMIT ?`)
      .all(...where.params, like, limit) as FacetValue[];
  }
}

/** Most common first, then by value with (none) first, as SQL's ORDER BY count DESC, value would. */
function topValues(counts: Map<string | null, number>): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value === b.value ? 0 : a.value === null ? -1 : b.value === null ? 1 : a.value < b.value ? -1 : 1))
    .slice(0, TOP_VALUES);
}
