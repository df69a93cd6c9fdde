// The trace filter as the UI holds it (facet selections, date inputs, search text) and its contract form.
// Imports: the shared contract (types) and lib/format.
import type { TraceFilter } from '../../shared/contract/index.ts';
import { fromDateInput } from './format.ts';

/** Facets shown as filters, in display order. */
export const FILTER_FACETS = ['environment', 'task', 'provider', 'model', 'status'] as const;
export type FilterFacet = (typeof FILTER_FACETS)[number];

export interface FilterState {
  facets: Partial<Record<FilterFacet, string[]>>;
  /** `YYYY-MM-DD` local days from the date inputs; empty means open-ended. */
  from: string;
  to: string;
  /** The search box: full-text search of every message of every trace. */
  text: string;
  /** Selected values per metadata key. */
  metadata?: Record<string, string[]>;
  /** Cluster ids (of any run): traces with a row in one of them. */
  cluster?: number[];
  /** Traces with (true) or without (false) an outlier row in the latest clustering run. */
  outlier?: boolean;
}

export const EMPTY_FILTER: FilterState = { facets: {}, from: '', to: '', text: '', metadata: {}, cluster: [] };

export function toWhere(filter: FilterState, omit?: FilterFacet): TraceFilter {
  const where: TraceFilter = {};
  for (const name of FILTER_FACETS) {
    const values = filter.facets[name];
    if (name !== omit && values && values.length > 0) where[name] = values;
  }
  const from = fromDateInput(filter.from, 'start');
  const to = fromDateInput(filter.to, 'end');
  if (from !== undefined) where.from = from;
  if (to !== undefined) where.to = to;
  const text = filter.text.trim();
  if (text) where.search = text.slice(0, 500);
  const metadata = Object.entries(filter.metadata ?? {}).filter(([, values]) => values.length > 0);
  if (metadata.length > 0) where.metadata = Object.fromEntries(metadata);
  if (filter.cluster && filter.cluster.length > 0) where.cluster = filter.cluster;
  if (filter.outlier !== undefined) where.outlier = filter.outlier;
  return where;
}

export function isFiltered(filter: FilterState): boolean {
  return Object.keys(toWhere(filter)).length > 0;
}

export function activeFacets(filter: FilterState): FilterFacet[] {
  return FILTER_FACETS.filter((name) => (filter.facets[name]?.length ?? 0) > 0);
}
