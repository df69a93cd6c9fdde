// The Datasets screen's state: the list, the open dataset with its versions, keyset pages of the shown
// version's rows, the selected row and its edits, and freeze. Imports: zustand, the api client, contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import type { CommandOutput, DatasetDetail, DatasetRowView, DatasetSummary, RowPatch, VersionRef } from '../../../shared/contract/index.ts';

export type FreezeResult = CommandOutput<'datasets.freeze'>;

export const ROW_PAGE = 200;

interface RowsState {
  version: VersionRef | null;
  items: DatasetRowView[];
  total: number | null;
  nextCursor: string | null;
  loading: boolean;
}

interface DatasetsState {
  list: DatasetSummary[];
  listError: string | null;
  open: DatasetDetail | null;
  openError: string | null;
  rows: RowsState;
  selectedKey: number | null;
  saving: boolean;
  saveError: string | null;
  freezing: boolean;
  lastFreeze: FreezeResult | null;
  loadList(): Promise<void>;
  openDataset(name: string | null, version?: VersionRef): Promise<void>;
  showVersion(version: VersionRef): Promise<void>;
  loadMore(): Promise<void>;
  select(rowKey: number | null): void;
  saveRow(rowKey: number, patch: RowPatch): Promise<boolean>;
  freeze(): Promise<void>;
  refresh(): Promise<void>;
}

const EMPTY_ROWS: RowsState = { version: null, items: [], total: null, nextCursor: null, loading: false };

/** The draft when there is one, else the latest frozen version. */
export function defaultVersion(d: DatasetDetail): VersionRef {
  if (d.versions.some((v) => v.status === 'draft')) return 'draft';
  return d.latestVersion ?? 'draft';
}

// A newer open/version switch makes answers of older requests stale.
let generation = 0;

export const useDatasetsStore = create<DatasetsState>()((set, get) => {
  async function loadRows(gen: number, cursor: string | null): Promise<void> {
    const { open, rows } = get();
    if (!open || rows.version === null) return;
    set((s) => ({ rows: { ...s.rows, loading: true } }));
    try {
      const page = await api().invoke('datasets.rows', { dataset: open.name, version: rows.version, limit: ROW_PAGE, ...(cursor ? { cursor } : {}) });
      if (gen !== generation) return;
      set((s) => ({
        rows: { ...s.rows, items: cursor ? [...s.rows.items, ...page.items] : page.items, total: page.total, nextCursor: page.nextCursor, loading: false },
        openError: null,
      }));
    } catch (err) {
      if (gen === generation) set((s) => ({ rows: { ...s.rows, loading: false }, openError: errorMessage(err) }));
    }
  }

  return {
    list: [],
    listError: null,
    open: null,
    openError: null,
    rows: EMPTY_ROWS,
    selectedKey: null,
    saving: false,
    saveError: null,
    freezing: false,
    lastFreeze: null,
    async loadList() {
      try {
        set({ list: await api().invoke('datasets.list', {}), listError: null });
      } catch (err) {
        set({ listError: errorMessage(err) });
      }
    },
    async openDataset(name, version) {
      const gen = ++generation;
      if (name === null) {
        set({ open: null, rows: EMPTY_ROWS, selectedKey: null, lastFreeze: null, openError: null });
        return;
      }
      try {
        const detail = await api().invoke('datasets.get', { dataset: name });
        if (gen !== generation) return;
        set({ open: detail, openError: null, selectedKey: null, saveError: null, rows: { ...EMPTY_ROWS, version: version ?? defaultVersion(detail) } });
        await loadRows(gen, null);
      } catch (err) {
        if (gen === generation) set({ openError: errorMessage(err) });
      }
    },
    async showVersion(version) {
      const gen = ++generation;
      set({ rows: { ...EMPTY_ROWS, version }, selectedKey: null });
      await loadRows(gen, null);
    },
    async loadMore() {
      const { rows } = get();
      if (rows.loading || rows.nextCursor === null) return;
      await loadRows(generation, rows.nextCursor);
    },
    select(selectedKey) {
      set({ selectedKey, saveError: null });
    },
    async saveRow(rowKey, patch) {
      const open = get().open;
      if (!open) return false;
      set({ saving: true, saveError: null });
      try {
        const row = await api().invoke('datasets.updateRow', { dataset: open.name, rowKey, patch });
        // An edit of a frozen version starts a draft: show the draft then, so the edit is visible.
        if (get().rows.version !== 'draft') {
          await get().openDataset(open.name, 'draft');
          set({ selectedKey: rowKey, saving: false });
        } else {
          set((s) => ({ saving: false, rows: { ...s.rows, items: s.rows.items.map((r) => (r.rowKey === rowKey ? row : r)) } }));
          await get().refresh();
        }
        return true;
      } catch (err) {
        set({ saving: false, saveError: errorMessage(err) });
        return false;
      }
    },
    async freeze() {
      const open = get().open;
      if (!open) return;
      set({ freezing: true, openError: null });
      try {
        const result = await api().invoke('datasets.freeze', { dataset: open.name });
        set({ freezing: false, lastFreeze: result });
        await get().openDataset(open.name, result.number);
        set({ lastFreeze: result });
        void get().loadList();
      } catch (err) {
        set({ freezing: false, openError: errorMessage(err) });
      }
    },
    async refresh() {
      const open = get().open;
      if (!open) return;
      try {
        const detail = await api().invoke('datasets.get', { dataset: open.name });
        if (get().open?.name === detail.name) set({ open: detail });
      } catch (err) {
        set({ openError: errorMessage(err) });
      }
    },
  };
});
