// Which row of which trace the user came to see, and where they came from: opening a cluster member shows its
// trace scrolled to that row's turn, with a way back to the cluster. Imports: zustand only.
import { create } from 'zustand';

/** The cluster a trace was opened from: what "Back to cluster" returns to. */
export interface FocusOrigin {
  runId: number;
  /** null: the run's outliers. */
  clusterId: number | null;
  name: string;
}

export interface TraceFocus {
  traceId: number;
  rowId: number;
  /** The clustering run the row was seen in; the detail places rows in this run. */
  runId: number;
  from: FocusOrigin | null;
}

interface TraceFocusState {
  focus: TraceFocus | null;
  setFocus(focus: TraceFocus | null): void;
  /** The run to place a trace's rows in: the focused one's run, else undefined (the newest run). */
  runFor(traceId: number): number | undefined;
}

export const useTraceFocusStore = create<TraceFocusState>()((set, get) => ({
  focus: null,
  setFocus(focus) {
    set({ focus });
  },
  runFor(traceId) {
    const f = get().focus;
    return f && f.traceId === traceId ? f.runId : undefined;
  },
}));
