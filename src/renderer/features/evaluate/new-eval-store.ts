// The "New evaluation" dialog's state: frozen eval versions to pick from, the models (from the providers), the
// metric and its options, a system prompt override, a budget, and the estimate that must come before a start.
// Imports: zustand, the api client, contract types, the curate store's model list and budget parser.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import type { CommandInput, DatasetSummary, EvalEstimate, EvalMetric } from '../../../shared/contract/index.ts';
import { chatModels, parseBudget, type ChatModelChoice } from '../curate/curate-store.ts';

export interface EvalForm {
  dataset: string;
  version: number | null;
  /** Keys `provider/model` of the ticked models. */
  models: string[];
  metric: EvalMetric;
  pattern: string;
  /** Key of the judge model; empty: the core's default. */
  judge: string;
  systemPrompt: string;
  budget: string;
}

interface NewEvalState {
  datasets: DatasetSummary[];
  models: ChatModelChoice[];
  form: EvalForm;
  estimate: EvalEstimate | null;
  estimating: boolean;
  starting: boolean;
  error: string | null;
  prepare(dataset?: string): Promise<void>;
  change(patch: Partial<EvalForm>): void;
  runEstimate(): Promise<void>;
  /** Starts the run; its id, or null when the core refused (error says why). */
  start(): Promise<number | null>;
}

export const modelKey = (m: { provider?: string | undefined; model: string }): string => `${m.provider ?? ''}/${m.model}`;

const EMPTY: EvalForm = { dataset: '', version: null, models: [], metric: 'exact', pattern: '', judge: '', systemPrompt: '', budget: '' };

/** The run as the core takes it, or a reason it cannot be asked for yet. */
export function runInput(form: EvalForm, models: readonly ChatModelChoice[]): CommandInput<'eval.estimate'> | string {
  if (!form.dataset || form.version === null) return 'Pick a frozen eval version.';
  const chosen = models.filter((m) => form.models.includes(modelKey(m)));
  if (chosen.length === 0) return 'Pick at least one model.';
  if (form.metric === 'regex' && !form.pattern.trim()) return 'Give the pattern an output must match.';
  const judge = models.find((m) => modelKey(m) === form.judge);
  const metricOptions =
    form.metric === 'regex' ? { pattern: form.pattern.trim() } : form.metric === 'judge' && judge ? { judgeModel: { model: judge.model, ...(judge.provider ? { provider: judge.provider } : {}) } } : undefined;
  return {
    dataset: form.dataset,
    version: form.version,
    models: chosen.map((m) => ({ model: m.model, ...(m.provider ? { provider: m.provider } : {}) })),
    metric: form.metric,
    ...(metricOptions ? { metricOptions } : {}),
    ...(form.systemPrompt.trim() ? { systemPrompt: form.systemPrompt } : {}),
  };
}

export const useNewEvalStore = create<NewEvalState>()((set, get) => ({
  datasets: [],
  models: [],
  form: EMPTY,
  estimate: null,
  estimating: false,
  starting: false,
  error: null,

  async prepare(dataset) {
    set({ error: null, estimate: null });
    try {
      const [all, { providers }] = await Promise.all([api().invoke('datasets.list', {}), api().invoke('providers.list', {})]);
      // Only an eval dataset with a frozen version can be evaluated.
      const datasets = all.filter((d) => d.kind === 'eval' && d.latestVersion !== null);
      const models = chatModels(providers);
      const current = get().form;
      const pick = datasets.find((d) => d.name === (dataset ?? current.dataset)) ?? datasets[0];
      set({
        datasets,
        models,
        form: {
          ...current,
          dataset: pick?.name ?? '',
          version: pick && pick.name === current.dataset && current.version !== null ? current.version : (pick?.latestVersion ?? null),
          models: current.models.filter((k) => models.some((m) => modelKey(m) === k)),
        },
      });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },

  change(patch) {
    set((s) => {
      const form = { ...s.form, ...patch };
      if (patch.dataset !== undefined && patch.dataset !== s.form.dataset) form.version = s.datasets.find((d) => d.name === patch.dataset)?.latestVersion ?? null;
      // Any change makes the estimate stale: a start needs one for what will actually run.
      return { form, estimate: null, error: null };
    });
  },

  async runEstimate() {
    const input = runInput(get().form, get().models);
    if (typeof input === 'string') return set({ error: input });
    set({ estimating: true, error: null });
    try {
      set({ estimate: await api().invoke('eval.estimate', input), estimating: false });
    } catch (err) {
      set({ estimating: false, error: errorMessage(err) });
    }
  },

  async start() {
    const { form, models, estimate } = get();
    const input = runInput(form, models);
    if (typeof input === 'string') {
      set({ error: input });
      return null;
    }
    const budgetUsd = parseBudget(form.budget);
    if (budgetUsd === null) {
      set({ error: 'The budget is a positive amount in USD, e.g. 2.50.' });
      return null;
    }
    if (!estimate) {
      set({ error: 'Estimate the cost first.' });
      return null;
    }
    set({ starting: true, error: null });
    try {
      const out = await api().invoke('eval.start', { ...input, ...(budgetUsd !== undefined ? { budgetUsd } : {}) });
      set({ starting: false, estimate: null });
      return out.runId;
    } catch (err) {
      set({ starting: false, error: errorMessage(err) });
      return null;
    }
  },
}));
