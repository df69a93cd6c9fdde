// Members of the selected cluster (keyset pages, sorted by score either way or by row), prompts seen so far
// by row id (for the map's hover tip), the "similar rows" of one member, and the member to bring back into view
// when the user returns from its trace. Imports: zustand, the api client, shared contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import type { ClusterMember, CommandOutput, MemberSort } from '../../../shared/contract/index.ts';

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
  sort: MemberSort;
  items: ClusterMember[];
  total: number | null;
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  /** Prompt text by row id from every page and representative seen; the map's tip reads it. */
  prompts: ReadonlyMap<number, string>;
  similar: SimilarState | null;
  /** The member whose trace was opened last: shown and marked again when the user comes back. */
  returnTo: number | null;
  open(scope: MemberScope | null): void;
  reload(): Promise<void>;
  setSort(sort: MemberSort): void;
  setReturnTo(rowId: number | null): void;
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
    const { scope, sort } = get();
    if (!scope) return;
    try {
      const page = await api().invoke('clusters.members', {
        runId: scope.runId,
        clusterId: scope.clusterId,
        sort,
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
    // The most typical members first: misfits are marked and sorted last, never first by accident.
    sort: 'score-desc',
    items: [],
    total: null,
    nextCursor: null,
    loading: false,
    error: null,
    prompts: new Map(),
    similar: null,
    returnTo: null,

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

    setSort(sort) {
      if (sort === get().sort) return;
      set({ sort });
      void get().reload();
    },

    setReturnTo(returnTo) {
      set({ returnTo });
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
