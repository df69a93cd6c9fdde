// Import form choices, the running import job, imported files with their counts, and the rejected lines and
// notice lines of each file. Imports: zustand, the api client, shared contract types.
import { create } from 'zustand';
import { api, errorMessage, isApiError } from '../../api/index.ts';
import type { ImportFileSummary, NoticeLine, RecordFormat, RejectedLine } from '../../../shared/contract/index.ts';

export type MultiTurn = 'split' | 'keep';

/** The lines of one file loaded so far, page by page. */
export interface LinePage<T> {
  total: number;
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}
export type RejectedPage = LinePage<RejectedLine>;
export type NoticePage = LinePage<NoticeLine>;

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
  notices: Record<number, NoticePage>;
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
  loadNotices(fileId: number, more?: boolean): Promise<void>;
}

const LINES_PAGE = 100;

type PageKey = 'rejected' | 'notices';
type Fetch<T> = (fileId: number, cursor: string | undefined) => Promise<{ total: number; items: T[]; nextCursor: string | null }>;

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
  notices: {},
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
      // Line pages of files whose counts changed are stale; drop them so they reload on view.
      const before = new Map(get().files.map((f) => [f.id, f]));
      const rejected = { ...get().rejected };
      const notices = { ...get().notices };
      for (const f of files) {
        const old = before.get(f.id);
        if (old && (old.rejected !== f.rejected || old.status !== f.status)) delete rejected[f.id];
        if (old && (old.notices !== f.notices || old.status !== f.status)) delete notices[f.id];
      }
      set({ files, filesLoaded: true, rejected, notices });
    } catch (err) {
      set({ error: errorMessage(err), filesLoaded: true });
    }
  },

  loadRejected: (fileId, more = false) =>
    loadLines<RejectedLine>('rejected', fileId, more, (id, cursor) =>
      api().invoke('imports.rejected', { fileId: id, limit: LINES_PAGE, ...(cursor ? { cursor } : {}) }),
    ),
  loadNotices: (fileId, more = false) =>
    loadLines<NoticeLine>('notices', fileId, more, (id, cursor) =>
      api().invoke('imports.notices', { fileId: id, limit: LINES_PAGE, ...(cursor ? { cursor } : {}) }),
    ),
}));

/** Loads the first page of a file's lines, or the next one with `more`. */
async function loadLines<T>(key: PageKey, fileId: number, more: boolean, fetch: Fetch<T>): Promise<void> {
  const pages = (): Record<number, LinePage<T>> => useImportsStore.getState()[key] as Record<number, LinePage<T>>;
  const put = (page: LinePage<T>): void => useImportsStore.setState((s) => ({ [key]: { ...s[key], [fileId]: page } }));
  const current = pages()[fileId];
  if (current?.loading) return;
  if (more && !current?.nextCursor) return;
  const base: LinePage<T> = more && current ? current : { total: 0, items: [], nextCursor: null, loading: false, error: null };
  put({ ...base, loading: true, error: null });
  try {
    const page = await fetch(fileId, more && base.nextCursor ? base.nextCursor : undefined);
    put({ total: page.total, items: [...base.items, ...page.items], nextCursor: page.nextCursor, loading: false, error: null });
  } catch (err) {
    put({ ...base, loading: false, error: errorMessage(err) });
  }
}
