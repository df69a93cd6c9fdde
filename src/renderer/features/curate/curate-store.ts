// The curation panel's state for the open dataset's draft: pipeline counts, filter switches, the judge's model,
// budget and estimate, the review cut on cluster membership, the running job, and the score histogram with a threshold dragged locally and committed
// once. Imports: zustand, the api client, contract types, ./score-histogram.ts, ./filter-switches.ts.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import { DEFAULT_REVIEW, type CurateFilterName, type CurateReviewSettings, type CurateSummary, type JudgeEstimate, type ModelRef, type Provider } from '../../../shared/contract/index.ts';
import { filterSettings, limitsFrom, switchesFrom, type FilterLimits, type FilterSwitches } from './filter-switches.ts';
import { snap, type ScoreBin } from './score-histogram.ts';

/** Fine bins: the threshold moves in 0.01 steps, so 100 bins let the counts follow it exactly. */
export const SCORE_BINS = 100;
export const DEFAULT_THRESHOLD = 0.5;
export const DEFAULT_MARGIN = 0.1;

export interface ChatModelChoice extends ModelRef {
  label: string;
  /** USD per 1M tokens, for the picker; null when the provider lists no price. */
  price: { input: number; output: number } | null;
}

interface CurateState {
  dataset: string | null;
  summary: CurateSummary | null;
  error: string | null;
  /** The core answered `unavailable`: curation is not in this build yet. */
  unavailable: string | null;
  switches: FilterSwitches;
  limits: FilterLimits;
  /** What else sends a row to review; applied by the next run. */
  review: CurateReviewSettings;
  bins: ScoreBin[];
  threshold: number;
  margin: number;
  /** Set while the handle is dragged: the value shown, not yet saved. */
  dragging: number | null;
  models: ChatModelChoice[];
  model: ChatModelChoice | null;
  budget: string;
  estimate: JudgeEstimate | null;
  estimating: boolean;
  jobId: number | null;
  starting: boolean;
  load(dataset: string): Promise<void>;
  refresh(): Promise<void>;
  setSwitch(filter: CurateFilterName, on: boolean): void;
  setLimits(patch: Partial<FilterLimits>): void;
  setReview(review: CurateReviewSettings): void;
  loadModels(): Promise<void>;
  setModel(choice: ChatModelChoice | null): void;
  setBudget(text: string): void;
  runFilters(): Promise<void>;
  estimateJudge(): Promise<void>;
  runJudge(): Promise<void>;
  drag(threshold: number): void;
  commitThreshold(threshold: number): Promise<void>;
}

let generation = 0;

function isUnavailable(message: string): boolean {
  return /not available|unavailable/i.test(message);
}

/** "" = no budget; otherwise a positive number of dollars (null when the text is not one). */
export function parseBudget(text: string): number | null | undefined {
  const t = text.trim().replace(/^\$/, '');
  if (!t) return undefined;
  const n = Number(t);
  return Number.isFinite(n) && n > 0 ? n : null;
}

export const useCurateStore = create<CurateState>()((set, get) => {
  async function loadScores(dataset: string, gen: number): Promise<void> {
    const scores = await api().invoke('curate.scores', { dataset, bins: SCORE_BINS });
    if (gen !== generation) return;
    set({ bins: scores.bins, ...(scores.threshold !== null ? { threshold: scores.threshold } : {}), ...(scores.margin !== null ? { margin: scores.margin } : {}) });
  }

  return {
    dataset: null,
    summary: null,
    error: null,
    unavailable: null,
    switches: switchesFrom(null),
    limits: limitsFrom(null),
    review: DEFAULT_REVIEW,
    bins: [],
    threshold: DEFAULT_THRESHOLD,
    margin: DEFAULT_MARGIN,
    dragging: null,
    models: [],
    model: null,
    budget: '',
    estimate: null,
    estimating: false,
    jobId: null,
    starting: false,

    async load(dataset) {
      if (get().dataset !== dataset) {
        set({ dataset, summary: null, bins: [], error: null, unavailable: null, estimate: null, jobId: null, dragging: null, threshold: DEFAULT_THRESHOLD, margin: DEFAULT_MARGIN });
      }
      await Promise.all([get().refresh(), get().models.length === 0 ? get().loadModels() : Promise.resolve()]);
    },

    async refresh() {
      const { dataset } = get();
      if (!dataset) return;
      const gen = ++generation;
      try {
        const summary = await api().invoke('curate.summary', { dataset });
        if (gen !== generation) return;
        set({
          summary,
          error: null,
          unavailable: null,
          switches: switchesFrom(summary.filters),
          limits: limitsFrom(summary.filters),
          review: summary.review,
          jobId: get().jobId ?? summary.jobId,
          ...(summary.judge ? { threshold: summary.judge.threshold, margin: summary.judge.margin } : {}),
        });
        if (summary.judge) await loadScores(dataset, gen);
        else set({ bins: [] });
      } catch (err) {
        if (gen !== generation) return;
        const message = errorMessage(err);
        set(isUnavailable(message) ? { unavailable: message } : { error: message });
      }
    },

    setSwitch(filter, on) {
      set((s) => ({ switches: { ...s.switches, [filter]: on } }));
    },

    setLimits(patch) {
      set((s) => ({ limits: { ...s.limits, ...patch } }));
    },

    setReview(review) {
      set({ review });
    },

    async loadModels() {
      try {
        const { providers } = await api().invoke('providers.list', {});
        const models = chatModels(providers);
        set((s) => ({ models, model: s.model ?? defaultModel(providers, models) }));
      } catch {
        // No providers command yet, or none configured: the picker says so; filters still work offline.
        set({ models: [] });
      }
    },

    setModel(model) {
      set({ model, estimate: null });
    },

    setBudget(budget) {
      set({ budget });
    },

    async runFilters() {
      const { dataset, switches, limits, summary, review } = get();
      if (!dataset) return;
      set({ starting: true, error: null });
      try {
        const { jobId } = await api().invoke('curate.run', { dataset, filters: filterSettings(switches, limits, summary?.filters ?? null), judge: null, review });
        set({ jobId, starting: false });
      } catch (err) {
        set({ starting: false, error: errorMessage(err) });
      }
    },

    async estimateJudge() {
      const { dataset, model } = get();
      if (!dataset) return;
      set({ estimating: true, error: null });
      try {
        const estimate = await api().invoke('judge.estimate', { dataset, ...(model ? { model: { model: model.model, ...(model.provider ? { provider: model.provider } : {}) } } : {}) });
        set({ estimate, estimating: false });
      } catch (err) {
        set({ estimating: false, error: errorMessage(err) });
      }
    },

    async runJudge() {
      const { dataset, switches, limits, summary, model, budget, threshold, margin, review } = get();
      if (!dataset) return;
      const budgetUsd = parseBudget(budget);
      if (budgetUsd === null) {
        set({ error: `Budget "${budget}" is not an amount in dollars (e.g. 2.50), or leave it empty for no limit` });
        return;
      }
      set({ starting: true, error: null });
      try {
        const { jobId } = await api().invoke('curate.run', {
          dataset,
          filters: filterSettings(switches, limits, summary?.filters ?? null),
          judge: { threshold, margin, ...(model ? { model: model.model } : {}), ...(budgetUsd !== undefined ? { budgetUsd } : {}) },
          review,
        });
        set({ jobId, starting: false });
      } catch (err) {
        set({ starting: false, error: errorMessage(err) });
      }
    },

    drag(threshold) {
      set({ dragging: snap(threshold) });
    },

    async commitThreshold(threshold) {
      const { dataset } = get();
      const value = snap(threshold);
      set({ threshold: value, dragging: null });
      if (!dataset || !get().summary?.judge) return;
      try {
        const summary = await api().invoke('curate.setThreshold', { dataset, threshold: value });
        // A later drag may have moved on; keep the summary but not a stale threshold.
        set((s) => ({ summary, error: null, threshold: s.dragging === null ? (summary.judge?.threshold ?? value) : s.threshold }));
      } catch (err) {
        set({ error: errorMessage(err) });
      }
    },
  };
});

/** Every chat model of every provider, named "model · provider" when two providers serve it. */
export function chatModels(providers: readonly Provider[]): ChatModelChoice[] {
  const out: ChatModelChoice[] = [];
  for (const p of providers) {
    for (const m of p.models) {
      if (m.purpose !== 'chat') continue;
      out.push({ model: m.name, provider: p.id, label: `${m.name} · ${p.name}`, price: { input: m.inputPer1M, output: m.outputPer1M } });
    }
    if (p.defaultChatModel && !p.models.some((m) => m.name === p.defaultChatModel)) {
      out.push({ model: p.defaultChatModel, provider: p.id, label: `${p.defaultChatModel} · ${p.name}`, price: null });
    }
  }
  return out;
}

function defaultModel(providers: readonly Provider[], models: readonly ChatModelChoice[]): ChatModelChoice | null {
  for (const p of providers) {
    const m = models.find((c) => c.provider === p.id && c.model === p.defaultChatModel);
    if (m) return m;
  }
  return models[0] ?? null;
}
