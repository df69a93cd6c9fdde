// Trace browsing: filter state, keyset pages of the filtered list, facet counts, and the selected trace.
// Imports: zustand, the api client, lib/filter, shared contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import { EMPTY_FILTER, FILTER_FACETS, toWhere, type FilterFacet, type FilterState } from '../../lib/filter.ts';
import type { MetadataFacet, TraceDetail, TraceSummary } from '../../../shared/contract/index.ts';

export type FacetValue = { value: string | null; count: number };
const PAGE = 200;

interface ListState {
  items: TraceSummary[];
  total: number | null;
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  /** New data arrived while the user was deep in the list; reloading would lose their place, so we ask. */
  stale: boolean;
}

interface FacetState {
  values: Partial<Record<FilterFacet, FacetValue[]>>;
  /** Every metadata key as a facet, most traces first. */
  metadata: MetadataFacet[];
  /** Counts for the current filter are on their way (the table does not wait for them). */
  loading: boolean;
  timeRange: { min: number | null; max: number | null };
  error: string | null;
}

interface DetailState {
  id: number | null;
  data: TraceDetail | null;
  loading: boolean;
  error: string | null;
}

interface TracesState {
  filter: FilterState;
  list: ListState;
  facets: FacetState;
  detail: DetailState;
  setFilter(patch: Partial<FilterState>): void;
  toggleFacetValue(name: FilterFacet, value: string): void;
  clearFacet(name: FilterFacet): void;
  toggleMetadataValue(key: string, value: string): void;
  clearMetadata(key: string): void;
  toggleCluster(id: number): void;
  setOutlier(outlier: boolean | undefined): void;
  clearFilter(): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  dataChanged(): void;
  select(id: number | null): void;
}

// Every reload bumps the generation; answers of older generations are dropped so a slow page can
// never overwrite the result of a newer filter.
let generation = 0;

export const useTracesStore = create<TracesState>()((set, get) => {
  async function loadFacets(gen: number, filter: FilterState): Promise<void> {
    set((s) => ({ facets: { ...s.facets, loading: true } }));
    try {
      // The core counts a facet the user is filtering on without that facet's own selection, so the other
      // values stay visible and can be added to the selection.
      const all = await api().invoke('traces.facets', { where: toWhere(filter) });
      if (gen !== generation) return;
      const values: FacetState['values'] = {};
      for (const name of FILTER_FACETS) values[name] = all.facets[name] ?? [];
      set({ facets: { values, metadata: all.metadata, timeRange: all.timeRange, error: null, loading: false } });
    } catch (err) {
      if (gen === generation) set((s) => ({ facets: { ...s.facets, loading: false, error: errorMessage(err) } }));
    }
  }

  async function loadPage(gen: number, cursor: string | null): Promise<void> {
    try {
      const page = await api().invoke('traces.list', {
        where: toWhere(get().filter),
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      if (gen !== generation) return;
      set((s) => ({
        list: {
          items: cursor ? [...s.list.items, ...page.items] : page.items,
          total: page.total,
          nextCursor: page.nextCursor,
          loading: false,
          error: null,
          stale: false,
        },
      }));
    } catch (err) {
      if (gen === generation) set((s) => ({ list: { ...s.list, loading: false, error: errorMessage(err) } }));
    }
  }

  function requery(filter: FilterState): void {
    set({ filter });
    void get().reload();
  }

  return {
    filter: EMPTY_FILTER,
    list: { items: [], total: null, nextCursor: null, loading: false, error: null, stale: false },
    facets: { values: {}, metadata: [], loading: false, timeRange: { min: null, max: null }, error: null },
    detail: { id: null, data: null, loading: false, error: null },

    setFilter(patch) {
      requery({ ...get().filter, ...patch });
    },
    toggleFacetValue(name, value) {
      const filter = get().filter;
      const current = filter.facets[name] ?? [];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      requery({ ...filter, facets: { ...filter.facets, [name]: next } });
    },
    clearFacet(name) {
      const filter = get().filter;
      requery({ ...filter, facets: { ...filter.facets, [name]: [] } });
    },
    toggleMetadataValue(key, value) {
      const filter = get().filter;
      const current = filter.metadata?.[key] ?? [];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      requery({ ...filter, metadata: { ...filter.metadata, [key]: next } });
    },
    clearMetadata(key) {
      const filter = get().filter;
      requery({ ...filter, metadata: { ...filter.metadata, [key]: [] } });
    },
    toggleCluster(id) {
      const filter = get().filter;
      const current = filter.cluster ?? [];
      requery({ ...filter, cluster: current.includes(id) ? current.filter((c) => c !== id) : [...current, id] });
    },
    setOutlier(outlier) {
      const { outlier: _old, ...rest } = get().filter;
      requery(outlier === undefined ? rest : { ...rest, outlier });
    },
    clearFilter() {
      requery({ ...EMPTY_FILTER });
    },

    async reload() {
      const gen = ++generation;
      set((s) => ({ list: { ...s.list, loading: true, error: null } }));
      await Promise.all([loadPage(gen, null), loadFacets(gen, get().filter)]);
    },

    async loadMore() {
      const { list } = get();
      if (list.loading || !list.nextCursor) return;
      set((s) => ({ list: { ...s.list, loading: true } }));
      await loadPage(generation, list.nextCursor);
    },

    dataChanged() {
      const { list } = get();
      // While the first page is all that is loaded a silent reload costs the user nothing.
      if (list.items.length <= PAGE) void get().reload();
      else {
        set((s) => ({ list: { ...s.list, stale: true } }));
        void loadFacets(generation, get().filter);
      }
    },

    select(id) {
      if (id === null) {
        set({ detail: { id: null, data: null, loading: false, error: null } });
        return;
      }
      if (get().detail.id === id && get().detail.data) return;
      set({ detail: { id, data: null, loading: true, error: null } });
      api()
        .invoke('traces.get', { id })
        .then(
          (data) => {
            if (get().detail.id === id) set({ detail: { id, data, loading: false, error: null } });
          },
          (err: unknown) => {
            if (get().detail.id === id) set({ detail: { id, data: null, loading: false, error: errorMessage(err) } });
          },
        );
    },
  };
});
