// The review screen's state: which dataset and queue, its rows (keyset pages), the current row, decisions saved
// as they are made with an undo stack, bulk decisions, the open editor, and judge-human agreement.
// Imports: zustand, the api client, contract types, the queue and position helpers of this folder.
import { create } from 'zustand';
import { api, errorMessage } from '../../api/index.ts';
import type { Agreement, CommandInput, CurateRowView, CurateStage, CurateSummary, DatasetSummary, ReviewDecision } from '../../../shared/contract/index.ts';
import { loadPosition, loadUndo, savePosition, saveUndo, type UndoEntry } from './review-position.ts';
import { afterDecision, isPending, replaceRow, startIndex, step } from './review-queue.ts';

export const QUEUE_PAGE = 200;

export type Editor = 'response' | 'labels' | 'note' | null;

type DecideInput = CommandInput<'review.decide'>;
type DecidePatch = Omit<DecideInput, 'dataset' | 'rowKey'>;

interface ReviewState {
  datasets: DatasetSummary[];
  dataset: string | null;
  stage: CurateStage;
  items: CurateRowView[];
  total: number;
  reviewed: number;
  nextCursor: string | null;
  index: number;
  loading: boolean;
  saving: boolean;
  error: string | null;
  /** Set when the core has no curation commands yet (or no run): the screen says so instead of failing. */
  unavailable: string | null;
  editor: Editor;
  undo: UndoEntry[];
  /** Pipeline counts, for the queue menu (how many rows each filter dropped). */
  summary: CurateSummary | null;
  agreement: Agreement | null;
  agreementError: string | null;
  bulkAsk: ReviewDecision | null;
  notice: string | null;
  loadDatasets(): Promise<void>;
  /** Opens a queue; with no arguments, the remembered one (or the first dataset). */
  open(dataset?: string | null, stage?: CurateStage): Promise<void>;
  loadMore(): Promise<void>;
  move(delta: 1 | -1): void;
  goTo(index: number): void;
  decide(decision: ReviewDecision): Promise<void>;
  save(patch: DecidePatch): Promise<boolean>;
  undoLast(): Promise<void>;
  askBulk(decision: ReviewDecision | null): void;
  bulk(decision: ReviewDecision): Promise<void>;
  setEditor(editor: Editor): void;
  loadAgreement(): Promise<void>;
  applyThreshold(threshold: number): Promise<void>;
}

// A newer open makes answers for an older queue stale.
let generation = 0;

export const useReviewStore = create<ReviewState>()((set, get) => {
  function current(): CurateRowView | null {
    const { items, index } = get();
    return items[index] ?? null;
  }

  function remember(): void {
    const { dataset, stage } = get();
    if (dataset) savePosition({ dataset, stage, rowKey: current()?.rowKey ?? null });
  }

  function pushUndo(entry: UndoEntry): void {
    const undo = [...get().undo, entry];
    saveUndo(undo);
    set({ undo });
  }

  async function fetchPage(gen: number, cursor: string | null): Promise<boolean> {
    const { dataset, stage } = get();
    if (!dataset) return false;
    const page = await api().invoke('review.queue', { dataset, stage, pendingOnly: false, limit: QUEUE_PAGE, ...(cursor ? { cursor } : {}) });
    if (gen !== generation) return false;
    set((s) => ({ items: cursor ? [...s.items, ...page.items] : page.items, total: page.total, reviewed: page.reviewed, nextCursor: page.nextCursor }));
    return true;
  }

  /** Accept or reject changed the row's pending state: keep the reviewed count true without a round trip. */
  function adjustReviewed(before: CurateRowView | undefined, after: CurateRowView): void {
    const delta = (before && isPending(before) ? 1 : 0) - (isPending(after) ? 1 : 0);
    if (delta !== 0) set((s) => ({ reviewed: Math.max(0, s.reviewed + (delta > 0 ? 1 : -1)) }));
  }

  return {
    datasets: [],
    dataset: null,
    stage: 'borderline',
    items: [],
    total: 0,
    reviewed: 0,
    nextCursor: null,
    index: -1,
    loading: false,
    saving: false,
    error: null,
    unavailable: null,
    editor: null,
    undo: loadUndo(),
    summary: null,
    agreement: null,
    agreementError: null,
    bulkAsk: null,
    notice: null,

    async loadDatasets() {
      try {
        set({ datasets: await api().invoke('datasets.list', {}) });
      } catch (err) {
        set({ error: errorMessage(err) });
      }
    },

    async open(dataset, stage) {
      const gen = ++generation;
      const remembered = loadPosition();
      if (get().datasets.length === 0) await get().loadDatasets();
      const name = dataset ?? get().dataset ?? remembered?.dataset ?? get().datasets.find((d) => d.draftRows)?.name ?? null;
      const nextStage = stage ?? (name === remembered?.dataset ? (remembered.stage as CurateStage) : null) ?? get().stage;
      set({ dataset: name, stage: nextStage, items: [], total: 0, reviewed: 0, nextCursor: null, index: -1, editor: null, error: null, unavailable: null, summary: null, agreement: null, bulkAsk: null, notice: null });
      if (!name) return;
      set({ loading: true });
      try {
        if (!(await fetchPage(gen, null))) return;
        const rowKey = remembered && remembered.dataset === name && remembered.stage === nextStage ? remembered.rowKey : null;
        // Keep paging until the remembered (or first pending) row is loaded; queues are hundreds, not millions.
        while (get().nextCursor && (rowKey !== null ? !get().items.some((r) => r.rowKey === rowKey) : !get().items.some(isPending))) {
          if (!(await fetchPage(gen, get().nextCursor))) return;
        }
        set({ index: startIndex(get().items, rowKey), loading: false });
        remember();
        void get().loadAgreement();
        void api()
          .invoke('curate.summary', { dataset: name })
          .then((summary) => gen === generation && set({ summary }))
          .catch(() => undefined);
      } catch (err) {
        if (gen !== generation) return;
        const message = errorMessage(err);
        set({ loading: false, ...(/unavailable|not available/i.test(message) ? { unavailable: message } : { error: message }) });
      }
    },

    async loadMore() {
      const { nextCursor, loading } = get();
      if (!nextCursor || loading) return;
      set({ loading: true });
      try {
        await fetchPage(generation, nextCursor);
      } catch (err) {
        set({ error: errorMessage(err) });
      } finally {
        set({ loading: false });
      }
    },

    move(delta) {
      const { items, index, editor } = get();
      if (editor) return;
      get().goTo(step(items, index, delta));
    },

    goTo(index) {
      const { items } = get();
      if (index < 0 || index >= items.length) return;
      set({ index, notice: null, bulkAsk: null });
      remember();
      // Keep pages coming when the keyboard walks past what is loaded.
      if (index >= items.length - 20) void get().loadMore();
    },

    async decide(decision) {
      const row = current();
      if (!row || get().saving) return;
      if (await get().save({ decision })) {
        set((s) => ({ index: afterDecision(s.items, s.index) }));
        remember();
        if (get().index >= get().items.length - 20) void get().loadMore();
      }
    },

    async save(patch) {
      const { dataset } = get();
      const row = current();
      if (!dataset || !row) return false;
      set({ saving: true, error: null });
      try {
        const out = await api().invoke('review.decide', { dataset, rowKey: row.rowKey, ...patch });
        const before = get().items.find((r) => r.rowKey === out.row.rowKey);
        set((s) => ({ items: replaceRow(s.items, out.row), saving: false, editor: null, notice: null }));
        adjustReviewed(before, out.row);
        pushUndo({ dataset, token: out.undoToken, label: describe(patch, row.rowKey), rowKey: row.rowKey });
        // Each accept or reject moves judge-human agreement; one small query keeps the card true.
        if (patch.decision !== undefined) void get().loadAgreement();
        return true;
      } catch (err) {
        set({ saving: false, error: errorMessage(err) });
        return false;
      }
    },

    async undoLast() {
      const { dataset, undo, saving } = get();
      const entry = [...undo].reverse().find((e) => e.dataset === dataset);
      if (!dataset || !entry || saving) return;
      set({ saving: true, error: null });
      try {
        const out = await api().invoke('review.undo', { dataset, undoToken: entry.token });
        const rest = get().undo.filter((e) => e !== entry);
        saveUndo(rest);
        set({ undo: rest, saving: false, editor: null, notice: `Undone: ${entry.label}` });
        if (out.row) {
          const restored = out.row;
          const before = get().items.find((r) => r.rowKey === restored.rowKey);
          set((s) => ({ items: replaceRow(s.items, restored) }));
          adjustReviewed(before, restored);
          const at = get().items.findIndex((r) => r.rowKey === restored.rowKey);
          if (at >= 0) get().goTo(at);
        } else {
          // A bulk undo touched many rows: reload the queue where we are.
          const keep = current()?.rowKey ?? null;
          const gen = ++generation;
          await fetchPage(gen, null);
          set({ index: startIndex(get().items, keep) });
        }
        set({ notice: `Undone: ${entry.label}` });
        void get().loadAgreement();
      } catch (err) {
        set({ saving: false, error: errorMessage(err) });
      }
    },

    askBulk(bulkAsk) {
      set({ bulkAsk });
    },

    async bulk(decision) {
      const { dataset, stage } = get();
      if (!dataset) return;
      set({ saving: true, error: null, bulkAsk: null });
      try {
        const out = await api().invoke('review.bulk', { dataset, stage, decision, pendingOnly: true });
        pushUndo({ dataset, token: out.undoToken, label: `${decision} ${out.changed} rows`, rowKey: null });
        const keep = current()?.rowKey ?? null;
        const gen = ++generation;
        await fetchPage(gen, null);
        set({ saving: false, index: startIndex(get().items, keep), notice: `${decision === 'accept' ? 'Accepted' : 'Rejected'} ${out.changed} pending rows` });
        void get().loadAgreement();
      } catch (err) {
        set({ saving: false, error: errorMessage(err) });
      }
    },

    setEditor(editor) {
      if (editor && !current()) return;
      set({ editor });
    },

    async loadAgreement() {
      const { dataset } = get();
      if (!dataset) return;
      try {
        const agreement = await api().invoke('review.agreement', { dataset });
        if (get().dataset === dataset) set({ agreement, agreementError: null });
      } catch (err) {
        set({ agreementError: errorMessage(err) });
      }
    },

    async applyThreshold(threshold) {
      const { dataset, stage } = get();
      if (!dataset) return;
      set({ saving: true, error: null });
      try {
        await api().invoke('curate.setThreshold', { dataset, threshold });
        set({ saving: false });
        // The borderline set moves with the threshold: reopen the queue on the same row where it still is.
        await get().open(dataset, stage);
        set({ notice: `Threshold set to ${threshold.toFixed(2)}` });
      } catch (err) {
        set({ saving: false, error: errorMessage(err) });
      }
    },
  };
});

function describe(patch: DecidePatch, rowKey: number): string {
  if (patch.decision) return `${patch.decision} row ${rowKey}`;
  if (patch.response) return `edit of row ${rowKey}`;
  if (patch.labels) return `labels of row ${rowKey}`;
  if (patch.note !== undefined) return `note on row ${rowKey}`;
  return `change to row ${rowKey}`;
}
