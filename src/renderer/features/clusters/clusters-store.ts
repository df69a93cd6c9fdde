// The Clusters screen's data: runs, the shown run's clusters and map points, the selection, the checked
// clusters (for merge), collapsed groups, and edits (rename, merge, split).
// Imports: zustand, the api client, shared contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import type { ClusterInfo, ClusterRun, CommandOutput } from '../../../shared/contract/index.ts';

export type MapPoints = CommandOutput<'clusters.map'>['points'];

/** What is selected on the Clusters screen: a cluster or group by id, or the outliers. */
export type ClusterSelection = { kind: 'cluster'; id: number } | { kind: 'outliers' } | null;

/** Points asked for the map: the design's sample size for a canvas that stays smooth. */
export const MAP_POINTS = 20_000;

interface MapState {
  runId: number | null;
  total: number;
  points: MapPoints;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
}

type Edit = 'rename' | 'merge' | 'split';

interface ClustersState {
  runs: ClusterRun[];
  /** The run the user picked; null follows the newest run. */
  pickedRunId: number | null;
  run: ClusterRun | null;
  clusters: ClusterInfo[];
  /** idle until the screen first asks; later loads keep showing the previous data. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  map: MapState;
  selection: ClusterSelection;
  checked: number[];
  collapsed: number[];
  pending: Edit | null;
  editError: string | null;
  load(): Promise<void>;
  /** Reload only if the screen has loaded before: events must not fetch for a screen nobody opened. */
  refresh(): void;
  /** A new run finished: show it (the newest) with nothing selected. */
  runFinished(): void;
  pickRun(runId: number | null): void;
  select(selection: ClusterSelection): void;
  toggleChecked(id: number): void;
  clearChecked(): void;
  toggleCollapsed(groupId: number): void;
  rename(id: number, name: string): Promise<boolean>;
  merge(): Promise<void>;
  split(id: number, parts: number): Promise<void>;
  clearEditError(): void;
}

// Each load bumps the generation; answers of an older load are dropped so a slow answer for a
// previously picked run never overwrites the current one.
let generation = 0;

export const useClustersStore = create<ClustersState>()((set, get) => {
  async function loadMap(gen: number, runId: number): Promise<void> {
    set((s) => ({ map: { ...s.map, status: 'loading', error: null } }));
    try {
      const { total, points } = await api().invoke('clusters.map', { runId, maxPoints: MAP_POINTS });
      if (gen !== generation) return;
      set({ map: { runId, total, points, status: 'ready', error: null } });
    } catch (err) {
      if (gen === generation) set((s) => ({ map: { ...s.map, status: 'error', error: errorMessage(err) } }));
    }
  }

  /** Keeps the selection and checks that still exist after a reload (merge and split remove clusters). */
  function keepValid(clusters: ClusterInfo[]): Pick<ClustersState, 'selection' | 'checked'> {
    const ids = new Set(clusters.map((c) => c.id));
    const { selection, checked } = get();
    return {
      selection: selection?.kind === 'cluster' && !ids.has(selection.id) ? null : selection,
      checked: checked.filter((id) => ids.has(id)),
    };
  }

  async function edit<T>(kind: Edit, run: () => Promise<T>): Promise<T | undefined> {
    set({ pending: kind, editError: null });
    try {
      return await run();
    } catch (err) {
      set({ editError: errorMessage(err) });
      return undefined;
    } finally {
      set({ pending: null });
    }
  }

  return {
    runs: [],
    pickedRunId: null,
    run: null,
    clusters: [],
    status: 'idle',
    error: null,
    map: { runId: null, total: 0, points: [], status: 'idle', error: null },
    selection: null,
    checked: [],
    collapsed: [],
    pending: null,
    editError: null,

    async load() {
      const gen = ++generation;
      set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading', error: null }));
      try {
        const picked = get().pickedRunId;
        const [runs, list] = await Promise.all([
          api().invoke('clusters.runs', {}),
          api().invoke('clusters.list', picked === null ? {} : { runId: picked }),
        ]);
        if (gen !== generation) return;
        set({ runs, run: list.run, clusters: list.clusters, status: 'ready', error: null, ...keepValid(list.clusters) });
        if (list.run) await loadMap(gen, list.run.id);
        else set({ map: { runId: null, total: 0, points: [], status: 'idle', error: null } });
      } catch (err) {
        if (gen === generation) set((s) => ({ status: s.run ? 'ready' : 'error', error: errorMessage(err) }));
      }
    },

    refresh() {
      if (get().status !== 'idle') void get().load();
    },

    runFinished() {
      set({ pickedRunId: null, selection: null, checked: [] });
      get().refresh();
    },

    pickRun(runId) {
      set({ pickedRunId: runId, selection: null, checked: [] });
      void get().load();
    },

    select(selection) {
      // Selecting a cluster inside a collapsed group (from the map) opens the group so the row shows.
      if (selection?.kind === 'cluster') {
        const parent = get().clusters.find((c) => c.id === selection.id)?.parentId ?? null;
        if (parent !== null && get().collapsed.includes(parent)) set((s) => ({ collapsed: s.collapsed.filter((id) => id !== parent) }));
      }
      set({ selection });
    },
    toggleChecked(id) {
      set((s) => ({ checked: s.checked.includes(id) ? s.checked.filter((c) => c !== id) : [...s.checked, id] }));
    },
    clearChecked() {
      set({ checked: [] });
    },
    toggleCollapsed(groupId) {
      set((s) => ({ collapsed: s.collapsed.includes(groupId) ? s.collapsed.filter((c) => c !== groupId) : [...s.collapsed, groupId] }));
    },

    async rename(id, name) {
      const updated = await edit('rename', () => api().invoke('clusters.rename', { clusterId: id, name }));
      if (!updated) return false;
      set((s) => ({ clusters: s.clusters.map((c) => (c.id === updated.id ? updated : c)) }));
      return true;
    },

    async merge() {
      const ids = get().checked;
      if (ids.length < 2) return;
      const merged = await edit('merge', () => api().invoke('clusters.merge', { clusterIds: ids }));
      if (!merged) return;
      set({ checked: [], selection: { kind: 'cluster', id: merged.id } });
      await get().load();
    },

    async split(id, parts) {
      const made = await edit('split', () => api().invoke('clusters.split', { clusterId: id, parts }));
      if (!made) return;
      const first = made[0];
      set({ selection: first ? { kind: 'cluster', id: first.id } : null });
      await get().load();
    },

    clearEditError() {
      set({ editError: null });
    },
  };
});
