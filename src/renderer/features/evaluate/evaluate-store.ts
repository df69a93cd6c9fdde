// The Evaluate screen's state: the runs (newest first), the runs ticked for a side-by-side comparison, the
// open run's detail (and the compared run's), kept current by job and data events.
// Imports: zustand, the api client, contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import type { EvalRunDetail, EvalRunSummary } from '../../../shared/contract/index.ts';

interface EvaluateState {
  runs: EvalRunSummary[];
  loaded: boolean;
  error: string | null;
  /** Runs ticked in the list, at most two: the open run and the one shown beside it. */
  ticked: number[];
  openId: number | null;
  detail: EvalRunDetail | null;
  /** A second run shown beside the open one (another prompt version or model set). */
  other: EvalRunDetail | null;
  notice: string | null;
  newOpen: boolean;
  loadRuns(): Promise<void>;
  tick(runId: number, on: boolean): void;
  open(runId: number | null, compareWith?: number | null): Promise<void>;
  /** A job settled or results changed: reload the list and what is open, without moving the user. */
  refresh(): Promise<void>;
  setNotice(notice: string | null): void;
  setNewOpen(open: boolean): void;
}

// A newer open makes answers for an older run stale.
let generation = 0;

export const MAX_COMPARED = 2;

export const useEvaluateStore = create<EvaluateState>()((set, get) => ({
  runs: [],
  loaded: false,
  error: null,
  ticked: [],
  openId: null,
  detail: null,
  other: null,
  notice: null,
  newOpen: false,

  async loadRuns() {
    try {
      const runs = await api().invoke('eval.list', {});
      // Ticks of runs that no longer exist go.
      set((s) => ({ runs, loaded: true, error: null, ticked: s.ticked.filter((id) => runs.some((r) => r.id === id)) }));
    } catch (err) {
      set({ loaded: true, error: errorMessage(err) });
    }
  },

  tick(runId, on) {
    set((s) => {
      const rest = s.ticked.filter((id) => id !== runId);
      // Ticking a third run lets go of the oldest tick: a comparison is of two.
      return { ticked: on ? [...rest, runId].slice(-MAX_COMPARED) : rest };
    });
  },

  async open(runId, compareWith = null) {
    const gen = ++generation;
    set({ openId: runId, detail: null, other: null, error: null, notice: null });
    if (runId === null) return void get().loadRuns();
    try {
      const [detail, other] = await Promise.all([
        api().invoke('eval.show', { runId }),
        compareWith === null ? Promise.resolve(null) : api().invoke('eval.show', { runId: compareWith }),
      ]);
      if (gen === generation) set({ detail, other });
    } catch (err) {
      if (gen === generation) set({ error: errorMessage(err) });
    }
  },

  async refresh() {
    const gen = generation;
    const { openId, other } = get();
    await get().loadRuns();
    if (openId === null) return;
    try {
      const [detail, next] = await Promise.all([api().invoke('eval.show', { runId: openId }), other ? api().invoke('eval.show', { runId: other.run.id }) : Promise.resolve(null)]);
      if (gen === generation) set({ detail, other: next });
    } catch (err) {
      if (gen === generation) set({ error: errorMessage(err) });
    }
  },

  setNotice(notice) {
    set({ notice });
  },
  setNewOpen(newOpen) {
    set({ newOpen });
  },
}));
