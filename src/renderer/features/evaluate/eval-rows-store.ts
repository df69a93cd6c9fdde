// The open run's rows: keyset pages under a filter (all, disagreements, regressions against the baseline,
// failures, errors), the current row and its full detail, ticked rows, and the actions on rows (add to a
// training draft, send to review). Imports: zustand, the api client, contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import type { AddReport, EvalRowDetail, EvalRowFilter, EvalRowView } from '../../../shared/contract/index.ts';

export const ROWS_PAGE = 200;

interface EvalRowsState {
  runId: number | null;
  filter: EvalRowFilter;
  items: EvalRowView[];
  total: number;
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  index: number;
  detail: EvalRowDetail | null;
  ticked: number[];
  busy: boolean;
  /** What the last action did, in words ("Sent 2 rows to the review queue of sums"). */
  outcome: string | null;
  load(runId: number, filter?: EvalRowFilter): Promise<void>;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  setFilter(filter: EvalRowFilter): void;
  goTo(index: number): void;
  move(delta: 1 | -1): void;
  close(): void;
  tick(rowKey: number, on: boolean): void;
  /** The ticked rows, else the current one. */
  targets(): number[];
  sendToReview(rowKeys: number[]): Promise<void>;
  addToTraining(rowKeys: number[], dataset: string): Promise<AddReport | null>;
}

let generation = 0;
let detailGeneration = 0;

export const useEvalRowsStore = create<EvalRowsState>()((set, get) => {
  async function fetchPage(gen: number, cursor: string | null): Promise<void> {
    const { runId, filter } = get();
    if (runId === null) return;
    const page = await api().invoke('eval.rows', { runId, filter, limit: ROWS_PAGE, ...(cursor ? { cursor } : {}) });
    if (gen !== generation) return;
    set((s) => ({ items: cursor ? [...s.items, ...page.items] : page.items, total: page.total, nextCursor: page.nextCursor }));
  }

  async function loadDetail(rowKey: number): Promise<void> {
    const { runId } = get();
    if (runId === null) return;
    const gen = ++detailGeneration;
    try {
      const detail = await api().invoke('eval.row', { runId, rowKey });
      if (gen === detailGeneration) set({ detail });
    } catch (err) {
      if (gen === detailGeneration) set({ error: errorMessage(err) });
    }
  }

  return {
    runId: null,
    filter: 'all',
    items: [],
    total: 0,
    nextCursor: null,
    loading: false,
    error: null,
    index: -1,
    detail: null,
    ticked: [],
    busy: false,
    outcome: null,

    async load(runId, filter) {
      const gen = ++generation;
      const same = runId === get().runId;
      set({ runId, filter: filter ?? (same ? get().filter : 'all'), items: [], total: 0, nextCursor: null, index: -1, detail: null, ticked: [], error: null, outcome: null, loading: true });
      try {
        await fetchPage(gen, null);
      } catch (err) {
        if (gen === generation) set({ error: errorMessage(err) });
      } finally {
        if (gen === generation) set({ loading: false });
      }
    },

    async reload() {
      // Results arrive while a run goes: refresh the first pages in place, keeping the open row.
      const { runId, items, index } = get();
      if (runId === null) return;
      const gen = ++generation;
      const keep = items[index]?.rowKey ?? null;
      try {
        await fetchPage(gen, null);
        if (gen !== generation) return;
        const at = keep === null ? -1 : get().items.findIndex((r) => r.rowKey === keep);
        set({ index: at });
        if (at >= 0 && keep !== null) await loadDetail(keep);
      } catch (err) {
        if (gen === generation) set({ error: errorMessage(err) });
      }
    },

    async loadMore() {
      const { nextCursor, loading } = get();
      if (!nextCursor || loading) return;
      set({ loading: true });
      try {
        await fetchPage(generation, nextCursor);
      } catch (err) {
        set({ error: errorMessage(err) });
      } finally {
        set({ loading: false });
      }
    },

    setFilter(filter) {
      const { runId } = get();
      if (runId !== null) void get().load(runId, filter);
    },

    goTo(index) {
      const row = get().items[index];
      if (!row) return;
      set({ index, outcome: null, detail: get().detail?.rowKey === row.rowKey ? get().detail : null });
      void loadDetail(row.rowKey);
      // Keep pages coming when the keyboard walks past what is loaded.
      if (index >= get().items.length - 20) void get().loadMore();
    },

    move(delta) {
      const { items, index } = get();
      if (items.length === 0) return;
      get().goTo(index < 0 ? 0 : Math.min(items.length - 1, Math.max(0, index + delta)));
    },

    close() {
      detailGeneration++;
      set({ index: -1, detail: null });
    },

    tick(rowKey, on) {
      set((s) => ({ ticked: on ? [...new Set([...s.ticked, rowKey])] : s.ticked.filter((k) => k !== rowKey) }));
    },

    targets() {
      const { ticked, items, index } = get();
      if (ticked.length > 0) return ticked;
      const row = items[index];
      return row ? [row.rowKey] : [];
    },

    async sendToReview(rowKeys) {
      const { runId } = get();
      if (runId === null || rowKeys.length === 0) return;
      set({ busy: true, error: null, outcome: null });
      try {
        const out = await api().invoke('eval.sendToReview', { runId, rowKeys });
        const notes = [out.alreadyQueued > 0 ? `${out.alreadyQueued} already there` : '', out.missing > 0 ? `${out.missing} no longer in its draft` : ''].filter(Boolean);
        const why = notes.length > 0 ? ` (${notes.join(', ')})` : '';
        set({ busy: false, ticked: [], outcome: `Sent ${out.queued} ${out.queued === 1 ? 'row' : 'rows'} to the review queue of ${out.dataset}${why}` });
      } catch (err) {
        set({ busy: false, error: errorMessage(err) });
      }
    },

    async addToTraining(rowKeys, dataset) {
      const { runId } = get();
      if (runId === null || rowKeys.length === 0) return null;
      set({ busy: true, error: null, outcome: null });
      try {
        const report = await api().invoke('eval.addToTraining', { runId, rowKeys, dataset });
        const notes = report.notes.length > 0 ? ` · ${report.notes.join(' · ')}` : '';
        set({ busy: false, ticked: [], outcome: `Added ${report.added} of ${report.offered} to ${dataset}’s draft${notes}` });
        return report;
      } catch (err) {
        set({ busy: false, error: errorMessage(err) });
        return null;
      }
    },
  };
});
