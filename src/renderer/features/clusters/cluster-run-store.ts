// Starting clustering work: the run options form (embedder, text, granularity, minimum size, LLM
// naming), clusters.run and clusters.assign, and the id of the job started from this window.
// Imports: zustand, the api client, shared contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import type { EmbedderKind, TextMode } from '../../../shared/contract/index.ts';

export interface RunOptions {
  embedder: EmbedderKind;
  textMode: TextMode;
  /** -1 coarser … +1 finer; 0 is the measured default. */
  granularity: number;
  /** As typed; empty means "grows with the number of rows". */
  minClusterSize: string;
  nameWithLlm: boolean;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = { embedder: 'builtin', textMode: 'task', granularity: 0, minClusterSize: '', nameWithLlm: false };

interface ClusterRunState {
  options: RunOptions;
  /** The options dialog over an existing run ("New run…"). */
  dialogOpen: boolean;
  starting: boolean;
  error: string | null;
  /** The last cluster or assign job started from this window. */
  jobId: number | null;
  setOptions(patch: Partial<RunOptions>): void;
  setDialogOpen(open: boolean): void;
  start(): Promise<boolean>;
  assign(runId: number): Promise<void>;
}

/** The typed minimum size as a number the contract accepts, undefined when empty, or an error message. */
export function parseMinClusterSize(text: string): { value: number | undefined } | { error: string } {
  const t = text.trim();
  if (t === '') return { value: undefined };
  const n = Number(t);
  if (!Number.isInteger(n) || n < 2 || n > 100_000) return { error: 'Minimum cluster size must be a whole number from 2 to 100,000, or empty.' };
  return { value: n };
}

export const useClusterRunStore = create<ClusterRunState>()((set, get) => ({
  options: DEFAULT_RUN_OPTIONS,
  dialogOpen: false,
  starting: false,
  error: null,
  jobId: null,
  setOptions(patch) {
    set((s) => ({ options: { ...s.options, ...patch }, error: null }));
  },
  setDialogOpen(dialogOpen) {
    set({ dialogOpen, error: null });
  },

  async start() {
    const { options } = get();
    const min = parseMinClusterSize(options.minClusterSize);
    if ('error' in min) {
      set({ error: min.error });
      return false;
    }
    set({ starting: true, error: null });
    try {
      const { jobId } = await api().invoke('clusters.run', {
        embedder: options.embedder,
        textMode: options.textMode,
        granularity: options.granularity,
        nameWithLlm: options.nameWithLlm,
        ...(min.value === undefined ? {} : { minClusterSize: min.value }),
      });
      set({ jobId, dialogOpen: false });
      return true;
    } catch (err) {
      set({ error: errorMessage(err) });
      return false;
    } finally {
      set({ starting: false });
    }
  },

  async assign(runId) {
    set({ starting: true, error: null });
    try {
      const { jobId } = await api().invoke('clusters.assign', { runId });
      set({ jobId });
    } catch (err) {
      set({ error: errorMessage(err) });
    } finally {
      set({ starting: false });
    }
  },
}));
