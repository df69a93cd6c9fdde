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
  text: string;
}

export const EMPTY_FILTER: FilterState = { facets: {}, from: '', to: '', text: '' };

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
  if (text) where.text = text.slice(0, 500);
  return where;
}

export function isFiltered(filter: FilterState): boolean {
  return Object.keys(toWhere(filter)).length > 0;
}

export function activeFacets(filter: FilterState): FilterFacet[] {
  return FILTER_FACETS.filter((name) => (filter.facets[name]?.length ?? 0) > 0);
}
