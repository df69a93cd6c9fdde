// The open dataset's side tools: which dialog is open, the diff of two versions, the leakage report,
// split and export (a job followed through the jobs store). Imports: zustand, the api client, contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import type { CommandOutput, DiffKind, ExportFormat, LeakRule, VersionRef } from '../../../shared/contract/index.ts';

export type Tool = 'diff' | 'leakage' | 'split' | 'export' | 'finetune' | null;
export type DiffPage = CommandOutput<'datasets.diff'>;
export type LeakagePage = CommandOutput<'datasets.leakage'>;
export type SplitResult = CommandOutput<'datasets.split'>;

const PAGE = 100;

interface ToolsState {
  tool: Tool;
  busy: boolean;
  error: string | null;
  diff: DiffPage | null;
  /** What the shown diff asked for, so its next page asks the same. */
  diffQuery: { dataset: string; from: VersionRef; to: VersionRef; kind?: DiffKind } | null;
  leakage: LeakagePage | null;
  split: SplitResult | null;
  exportJob: { jobId: number; out: string; warning: string | null } | null;
  setTool(tool: Tool): void;
  runDiff(dataset: string, from: VersionRef, to: VersionRef, kind?: DiffKind): Promise<void>;
  /** The next page of the diff's rows, appended to the shown ones. */
  moreDiff(): Promise<void>;
  loadLeakage(dataset: string, rule?: LeakRule): Promise<void>;
  /** The next page of excluded rows, appended to the shown ones. */
  moreLeakage(dataset: string, rule?: LeakRule): Promise<void>;
  runSplit(dataset: string, version: VersionRef, test: number, validation: number, seed: number): Promise<boolean>;
  startExport(dataset: string, version: VersionRef, format: ExportFormat, out: string): Promise<void>;
}

export const useDatasetToolsStore = create<ToolsState>()((set, get) => {
  async function run<T>(work: () => Promise<T>): Promise<T | null> {
    set({ busy: true, error: null });
    try {
      const value = await work();
      set({ busy: false });
      return value;
    } catch (err) {
      set({ busy: false, error: errorMessage(err) });
      return null;
    }
  }

  return {
    tool: null,
    busy: false,
    error: null,
    diff: null,
    diffQuery: null,
    leakage: null,
    split: null,
    exportJob: null,
    setTool(tool) {
      // Results belong to the dialog that asked; opening another starts clean.
      set({ tool, error: null, diff: null, diffQuery: null, leakage: null, split: null, exportJob: null });
    },
    async runDiff(dataset, from, to, kind) {
      const diff = await run(() => api().invoke('datasets.diff', { dataset, from, to, limit: PAGE, ...(kind ? { kind } : {}) }));
      if (diff) set({ diff, diffQuery: { dataset, from, to, ...(kind ? { kind } : {}) } });
    },
    async moreDiff() {
      const { diff: shown, diffQuery: query } = get();
      if (!shown?.nextCursor || !query) return;
      const cursor = shown.nextCursor;
      const page = await run(() => api().invoke('datasets.diff', { ...query, limit: PAGE, cursor }));
      // Another comparison started while the page was on its way makes it stale.
      if (page && get().diff === shown) set({ diff: { ...page, items: [...shown.items, ...page.items] } });
    },
    async loadLeakage(dataset, rule) {
      const leakage = await run(() => api().invoke('datasets.leakage', { dataset, limit: PAGE, ...(rule ? { rule } : {}) }));
      if (leakage) set({ leakage });
    },
    async moreLeakage(dataset, rule) {
      const shown = get().leakage;
      if (!shown?.nextCursor) return;
      const cursor = shown.nextCursor;
      const page = await run(() => api().invoke('datasets.leakage', { dataset, limit: PAGE, cursor, ...(rule ? { rule } : {}) }));
      // A rule switch while the page was on its way makes it stale.
      if (page && get().leakage === shown) set({ leakage: { ...page, items: [...shown.items, ...page.items] } });
    },
    async runSplit(dataset, version, test, validation, seed) {
      const split = await run(() => api().invoke('datasets.split', { dataset, version, test, validation, seed }));
      if (split) set({ split });
      return split !== null;
    },
    async startExport(dataset, version, format, out) {
      const started = await run(() => api().invoke('datasets.export', { dataset, version, format, out }));
      if (started) set({ exportJob: { jobId: started.jobId, out, warning: started.warning } });
    },
  };
});
