// Rows picked by hand for a dataset: traces ticked in the traces table (kept across filters, so a user can
// gather them from several searches) and members ticked in one cluster's list. Imports: zustand only.
import { create } from 'zustand';

interface PicksState {
  traces: number[];
  /** Members picked in this cluster's list; picking in another cluster starts over. */
  members: { clusterId: number | null; rowIds: number[] };
  toggleTrace(id: number): void;
  clearTraces(): void;
  toggleMember(clusterId: number, rowId: number): void;
  clearMembers(): void;
}

function toggled(ids: number[], id: number): number[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

export const usePicksStore = create<PicksState>()((set) => ({
  traces: [],
  members: { clusterId: null, rowIds: [] },
  toggleTrace: (id) => set((s) => ({ traces: toggled(s.traces, id) })),
  clearTraces: () => set({ traces: [] }),
  toggleMember: (clusterId, rowId) =>
    set((s) => ({ members: { clusterId, rowIds: toggled(s.members.clusterId === clusterId ? s.members.rowIds : [], rowId) } })),
  clearMembers: () => set({ members: { clusterId: null, rowIds: [] } }),
}));

/** One empty list, so a selector that finds no picks returns the same value each time (no re-render loop). */
const NONE: readonly number[] = [];

/** The members picked in `clusterId`'s list (none when the picks belong to another cluster). */
export function pickedMembers(s: Pick<PicksState, 'members'>, clusterId: number): readonly number[] {
  return s.members.clusterId === clusterId ? s.members.rowIds : NONE;
}
