// Trace browsing: filter state, a bounded window of rows of the filtered list around what is in view (any
// row reachable by position), facet counts, and the selected trace.
// Imports: zustand, the api client, lib/filter, contract types, the imports and trace focus stores.
import { create } from 'zustand';
import { api, errorMessage, isApiError } from '../../api/index.ts';
import { useImportsStore } from './imports-store.ts';
import { EMPTY_FILTER, FILTER_FACETS, toWhere, type FilterFacet, type FilterState } from '../../lib/filter.ts';
import type { MetadataFacet, TraceDetail, TraceSummary } from '../../../shared/contract/index.ts';
import { useTraceFocusStore } from './trace-focus-store.ts';

export type FacetValue = { value: string | null; count: number };
/** Rows of the list kept either side of the view; farther ones are dropped, so memory stays flat however far the user goes. */
const KEEP_ROWS = 1500;
/** Rows fetched beyond each edge of the view once the view itself is loaded, so small scrolls never wait. */
const PREFETCH_ROWS = 60;
/** The most rows one request may ask for (the contract's page limit). */
const MAX_REQUEST = 1000;
/** How long the view rests before its neighbours are fetched. */
const PREFETCH_DELAY_MS = 150;

interface ListState {
  /** Bumped by every reload (a new filter): the table goes back to the top. */
  generation: number;
  total: number | null;
  /** Loaded rows by their index in the list: a window around what is in view, not the whole list. */
  rows: Record<number, TraceSummary>;
  /** The first page of the current filter is on its way. */
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
  /** Row index of the selected trace in the list, when it was selected there (for j / k and scrolling into view). */
  index: number | null;
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
  /** A job that wrote traces settled: the rows in view, the total and the counts again, where the user is. */
  refreshInPlace(): void;
  /** The table shows rows first … end − 1: load them, then their neighbours; far rows are dropped. */
  showRows(first: number, end: number): void;
  dataChanged(): void;
  select(id: number | null, index?: number | null): void;
  /** Moves the selection by delta rows (j / k), loading the page it lands in when needed. */
  step(delta: 1 | -1): void;
}

/** The loaded row at `index`, if its page is in memory. */
export function rowAt(list: Pick<ListState, 'rows'>, index: number): TraceSummary | undefined {
  return list.rows[index];
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
      // A newer request for counts replaced this one in the core; its answer is the one to show, so this says nothing.
      if (isApiError(err, 'superseded')) return;
      if (gen === generation) set((s) => ({ facets: { ...s.facets, loading: false, error: errorMessage(err) } }));
    }
  }

  // What the view wants (rows view.start … view.end − 1), the row it is centred on, and the requests on their way.
  // One request for the view at a time, the latest view wins: a dragged scrollbar asks for many places, and only
  // where it stops matters. Neighbours are fetched only while no view request waits, so they never delay one.
  let view = { start: 0, end: 0 };
  let centre = 0;
  let viewInFlight = false;
  let prefetchInFlight = false;
  let prefetchTimer: ReturnType<typeof setTimeout> | null = null;

  async function fetchRows(gen: number, start: number, end: number, kind: 'view' | 'prefetch'): Promise<void> {
    if (kind === 'view') viewInFlight = true;
    else prefetchInFlight = true;
    const done = () => {
      if (kind === 'view') viewInFlight = false;
      else prefetchInFlight = false;
    };
    try {
      const page = await api().invoke('traces.list', { where: toWhere(get().filter), limit: Math.min(MAX_REQUEST, end - start), at: start });
      done();
      if (gen !== generation) return;
      set((s) => {
        const rows: Record<number, TraceSummary> = {};
        // Keep the window bounded: only rows near the view survive the arrival of others.
        for (const key in s.list.rows) if (Math.abs(Number(key) - centre) <= KEEP_ROWS) rows[Number(key)] = s.list.rows[key]!;
        page.items.forEach((row, i) => {
          if (Math.abs(start + i - centre) <= KEEP_ROWS) rows[start + i] = row;
        });
        return { list: { ...s.list, rows, total: page.total, loading: false, error: null } };
      });
    } catch (err) {
      done();
      // No retry loop: the error note's Retry reloads.
      if (gen === generation) set((s) => ({ list: { ...s.list, loading: false, error: errorMessage(err) } }));
      return;
    }
    pump(gen);
  }

  /** The first and last missing rows of start … end − 1, or null when all are loaded. */
  function missing(start: number, end: number): { start: number; end: number } | null {
    const { rows } = get().list;
    let a = start;
    while (a < end && rows[a]) a++;
    if (a >= end) return null;
    let b = end;
    while (b > a && rows[b - 1]) b--;
    return { start: a, end: b };
  }

  function pump(gen: number): void {
    if (gen !== generation || viewInFlight) return;
    const need = missing(view.start, view.end);
    if (need) {
      void fetchRows(gen, need.start, need.end, 'view');
      return;
    }
    if (prefetchInFlight || prefetchTimer) return;
    // Neighbours once the view has rested a moment: while the scrollbar is dragged they would only queue
    // ahead of the next place's rows.
    prefetchTimer = setTimeout(() => {
      prefetchTimer = null;
      if (gen !== generation || viewInFlight || prefetchInFlight) return;
      const total = get().list.total ?? 0;
      const after = missing(view.end, Math.min(total, view.end + PREFETCH_ROWS));
      const before = missing(Math.max(0, view.start - PREFETCH_ROWS), view.start);
      const next = after ?? before;
      if (next) void fetchRows(gen, next.start, next.end, 'prefetch');
    }, PREFETCH_DELAY_MS);
  }

  function requery(filter: FilterState): void {
    set({ filter });
    void get().reload();
  }

  return {
    filter: EMPTY_FILTER,
    list: { generation: 0, total: null, rows: {}, loading: false, error: null, stale: false },
    facets: { values: {}, metadata: [], loading: false, timeRange: { min: null, max: null }, error: null },
    detail: { id: null, index: null, data: null, loading: false, error: null },

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
      view = { start: 0, end: 50 };
      centre = 0;
      viewInFlight = false;
      prefetchInFlight = false;
      if (prefetchTimer) clearTimeout(prefetchTimer);
      prefetchTimer = null;
      set((s) => ({ list: { ...s.list, generation: gen, rows: {}, loading: true, error: null, stale: false } }));
      // The first rows before the facet counts: the counts run in a worker off the core's thread, so they no longer
      // block pages, but over a million traces they take seconds of CPU and disk the first page should not share.
      await fetchRows(gen, 0, 50, 'view');
      if (gen === generation) await loadFacets(gen, get().filter);
    },

    refreshInPlace() {
      // Same generation: the table keeps its scroll position, the open trace stays open. Rows are ordered by id
      // and traces are only appended, so the rows in view are asked for again and the new ones show at the end.
      set((s) => ({ list: { ...s.list, rows: {}, stale: false } }));
      pump(generation);
      void loadFacets(generation, get().filter);
    },

    showRows(first, end) {
      view = { start: first, end: Math.max(first + 1, end) };
      // The view moved: neighbours of the old place are no longer worth a request.
      if (prefetchTimer) clearTimeout(prefetchTimer);
      prefetchTimer = null;
      centre = Math.floor((view.start + view.end) / 2);
      pump(generation);
    },

    dataChanged() {
      // Rows are ordered by id and traces are only appended, so new traces land at the end of the list: while
      // the user is at the top a silent reload costs them nothing; deeper in, we say there is more and let them choose.
      if (centre === 0) void get().reload();
      else {
        set((s) => ({ list: { ...s.list, stale: true } }));
        void loadFacets(generation, get().filter);
      }
    },

    step(delta) {
      const { list, detail } = get();
      if (!list.total) return;
      const index = detail.index === null ? 0 : Math.min(list.total - 1, Math.max(0, detail.index + delta));
      const row = rowAt(list, index);
      if (row) {
        useImportsStore.getState().setPanelOpen(false);
        get().select(row.id, index);
      } else {
        // Not loaded yet (the user held j past the window): the table scrolls there and fetches it; the next
        // key press lands on it.
        set((s) => ({ detail: { ...s.detail, index } }));
      }
    },

    select(id, index = null) {
      if (id === null) {
        set({ detail: { id: null, index: null, data: null, loading: false, error: null } });
        return;
      }
      if (get().detail.id === id && get().detail.data) {
        if (index !== null) set((s) => ({ detail: { ...s.detail, index } }));
        return;
      }
      set({ detail: { id, index, data: null, loading: true, error: null } });
      const clusterRunId = useTraceFocusStore.getState().runFor(id);
      api()
        .invoke('traces.get', clusterRunId === undefined ? { id } : { id, clusterRunId })
        .then(
          (data) => {
            if (get().detail.id === id) set((s) => ({ detail: { ...s.detail, data, loading: false, error: null } }));
          },
          (err: unknown) => {
            if (get().detail.id === id) set((s) => ({ detail: { ...s.detail, data: null, loading: false, error: errorMessage(err) } }));
          },
        );
    },
  };
});
