// Members of the selected cluster (keyset pages, optionally borderline first), prompts seen so far by
// row id (for the map's hover tip), and the "similar rows" of one member. Imports: zustand, the api
// client, shared contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import type { ClusterMember, CommandOutput } from '../../../shared/contract/index.ts';

export type SimilarRow = CommandOutput<'rows.similar'>[number];

/** A cluster (or group) of a run, or the run's outliers (clusterId null). */
export interface MemberScope {
  runId: number;
  clusterId: number | null;
}

interface SimilarState {
  rowId: number;
  prompt: string;
  items: SimilarRow[];
  loading: boolean;
  error: string | null;
}

interface MembersState {
  scope: MemberScope | null;
  borderlineFirst: boolean;
  items: ClusterMember[];
  total: number | null;
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  /** Prompt text by row id from every page and representative seen; the map's tip reads it. */
  prompts: ReadonlyMap<number, string>;
  similar: SimilarState | null;
  open(scope: MemberScope | null): void;
  reload(): Promise<void>;
  setBorderlineFirst(on: boolean): void;
  loadMore(): Promise<void>;
  rememberPrompts(rows: readonly { rowId: number; text: string }[]): void;
  showSimilar(member: { rowId: number; prompt: string } | null): void;
}

export const MEMBER_PAGE = 100;
const SIMILAR_LIMIT = 10;

let generation = 0;

const sameScope = (a: MemberScope | null, b: MemberScope | null) => a?.runId === b?.runId && a?.clusterId === b?.clusterId;

export const useClusterMembersStore = create<MembersState>()((set, get) => {
  async function loadPage(gen: number, cursor: string | null): Promise<void> {
    const { scope, borderlineFirst } = get();
    if (!scope) return;
    try {
      const page = await api().invoke('clusters.members', {
        runId: scope.runId,
        clusterId: scope.clusterId,
        borderlineFirst,
        limit: MEMBER_PAGE,
        ...(cursor ? { cursor } : {}),
      });
      if (gen !== generation) return;
      set((s) => ({
        items: cursor ? [...s.items, ...page.items] : page.items,
        total: page.total,
        nextCursor: page.nextCursor,
        loading: false,
        error: null,
      }));
      get().rememberPrompts(page.items.map((m) => ({ rowId: m.rowId, text: m.prompt })));
    } catch (err) {
      if (gen === generation) set({ loading: false, error: errorMessage(err) });
    }
  }

  return {
    scope: null,
    borderlineFirst: false,
    items: [],
    total: null,
    nextCursor: null,
    loading: false,
    error: null,
    prompts: new Map(),
    similar: null,

    open(scope) {
      if (sameScope(scope, get().scope)) return;
      set({ scope, similar: null });
      void get().reload();
    },

    async reload() {
      const gen = ++generation;
      if (!get().scope) {
        set({ items: [], total: null, nextCursor: null, loading: false, error: null });
        return;
      }
      set({ items: [], total: null, nextCursor: null, loading: true, error: null });
      await loadPage(gen, null);
    },

    setBorderlineFirst(on) {
      if (on === get().borderlineFirst) return;
      set({ borderlineFirst: on });
      void get().reload();
    },

    async loadMore() {
      const { loading, nextCursor } = get();
      if (loading || !nextCursor) return;
      set({ loading: true });
      await loadPage(generation, nextCursor);
    },

    rememberPrompts(rows) {
      const known = get().prompts;
      if (rows.every((r) => known.get(r.rowId) === r.text)) return;
      const prompts = new Map(known);
      for (const r of rows) prompts.set(r.rowId, r.text);
      set({ prompts });
    },

    showSimilar(member) {
      if (member === null || get().similar?.rowId === member.rowId) {
        set({ similar: null });
        return;
      }
      const { rowId, prompt } = member;
      set({ similar: { rowId, prompt, items: [], loading: true, error: null } });
      api()
        .invoke('rows.similar', { rowId, limit: SIMILAR_LIMIT })
        .then(
          (items) => {
            if (get().similar?.rowId !== rowId) return;
            set({ similar: { rowId, prompt, items, loading: false, error: null } });
            get().rememberPrompts(items.map((r) => ({ rowId: r.rowId, text: r.prompt })));
          },
          (err: unknown) => {
            if (get().similar?.rowId === rowId) set({ similar: { rowId, prompt, items: [], loading: false, error: errorMessage(err) } });
          },
        );
    },
  };
});
