// Import form choices, the running import job, imported files with their counts, and rejected lines per file.
// Imports: zustand, the api client, shared contract types.
import { create } from 'zustand';
import { api, errorMessage, isApiError } from '../../api/index.ts';
import type { ImportFileSummary, RecordFormat, RejectedLine } from '../../../shared/contract/index.ts';

export type MultiTurn = 'split' | 'keep';

export interface RejectedPage {
  total: number;
  items: RejectedLine[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

interface ImportsState {
  path: string;
  format: RecordFormat;
  multiTurn: MultiTurn;
  /** The import job started from this window, followed until it settles. */
  jobId: number | null;
  starting: boolean;
  error: string | null;
  /** False once app.pickFiles answered `unavailable` (no window shell): the path field is the way in. */
  pickerAvailable: boolean;
  files: ImportFileSummary[];
  filesLoaded: boolean;
  rejected: Record<number, RejectedPage>;
  /** The "Files & rejected lines" side panel of the Traces screen. */
  panelOpen: boolean;
  setPanelOpen(open: boolean): void;
  setPath(path: string): void;
  setFormat(format: RecordFormat): void;
  setMultiTurn(mode: MultiTurn): void;
  start(paths: string[]): Promise<void>;
  pickAndStart(): Promise<void>;
  loadFiles(): Promise<void>;
  loadRejected(fileId: number, more?: boolean): Promise<void>;
}

const REJECTED_PAGE = 100;

export const useImportsStore = create<ImportsState>()((set, get) => ({
  path: '',
  format: 'auto',
  multiTurn: 'split',
  jobId: null,
  starting: false,
  error: null,
  pickerAvailable: true,
  files: [],
  filesLoaded: false,
  rejected: {},
  panelOpen: false,
  setPanelOpen: (panelOpen) => set({ panelOpen }),
  setPath: (path) => set({ path }),
  setFormat: (format) => set({ format }),
  setMultiTurn: (multiTurn) => set({ multiTurn }),

  async start(paths) {
    const clean = paths.map((p) => p.trim()).filter(Boolean);
    if (clean.length === 0) {
      set({ error: 'Give the path of a JSONL, JSON, CSV or Parquet file to import.' });
      return;
    }
    set({ starting: true, error: null });
    try {
      const { format, multiTurn } = get();
      const { jobId } = await api().invoke('imports.start', { paths: clean, format, multiTurn });
      set({ jobId, path: '' });
    } catch (err) {
      set({ error: errorMessage(err) });
    } finally {
      set({ starting: false });
    }
  },

  async pickAndStart() {
    set({ error: null });
    try {
      const { paths } = await api().invoke('app.pickFiles', {});
      if (paths.length > 0) await get().start(paths);
    } catch (err) {
      // Without the window shell (a plain browser) there is no native dialog: point at the path field.
      if (isApiError(err, 'unavailable')) set({ pickerAvailable: false, error: 'The file dialog needs the desktop window. Paste a file path instead.' });
      else set({ error: errorMessage(err) });
    }
  },

  async loadFiles() {
    try {
      const files = await api().invoke('imports.files', {});
      // Rejected pages of files whose counts changed are stale; drop them so they reload on view.
      const before = new Map(get().files.map((f) => [f.id, f]));
      const rejected = { ...get().rejected };
      for (const f of files) {
        const old = before.get(f.id);
        if (old && (old.rejected !== f.rejected || old.status !== f.status)) delete rejected[f.id];
      }
      set({ files, filesLoaded: true, rejected });
    } catch (err) {
      set({ error: errorMessage(err), filesLoaded: true });
    }
  },

  async loadRejected(fileId, more = false) {
    const current = get().rejected[fileId];
    if (current?.loading) return;
    if (more && !current?.nextCursor) return;
    const base: RejectedPage = more && current ? current : { total: 0, items: [], nextCursor: null, loading: false, error: null };
    set((s) => ({ rejected: { ...s.rejected, [fileId]: { ...base, loading: true, error: null } } }));
    try {
      const page = await api().invoke('imports.rejected', {
        fileId,
        limit: REJECTED_PAGE,
        ...(more && base.nextCursor ? { cursor: base.nextCursor } : {}),
      });
      set((s) => ({
        rejected: {
          ...s.rejected,
          [fileId]: { total: page.total, items: [...base.items, ...page.items], nextCursor: page.nextCursor, loading: false, error: null },
        },
      }));
    } catch (err) {
      set((s) => ({ rejected: { ...s.rejected, [fileId]: { ...base, loading: false, error: errorMessage(err) } } }));
    }
  },
}));
