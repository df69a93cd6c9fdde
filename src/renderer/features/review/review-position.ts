// Where the reviewer was: dataset, queue and row, kept in localStorage so a reload (or a crash) reopens the queue
// at the same row; and the undo tokens of this window session in sessionStorage. Decisions themselves live in
// the core. Imports: nothing (browser storage only).

export interface ReviewPosition {
  dataset: string;
  stage: string;
  rowKey: number | null;
}

export interface UndoEntry {
  dataset: string;
  token: string;
  /** What it undoes, for the button's tooltip: "accept row 12", "reject 40 rows". */
  label: string;
  /** The row to show after undoing (null for bulk). */
  rowKey: number | null;
}

const POSITION_KEY = 'winnow.review.position';
const UNDO_KEY = 'winnow.review.undo';
const UNDO_LIMIT = 200;

function read<T>(storage: Storage | undefined, key: string, check: (v: unknown) => v is T): T | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const v: unknown = JSON.parse(raw);
    return check(v) ? v : null;
  } catch {
    return null;
  }
}

function write(storage: Storage | undefined, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage can be full or disabled; the position is a convenience, decisions are already saved.
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isPosition(v: unknown): v is ReviewPosition {
  return isRecord(v) && typeof v.dataset === 'string' && typeof v.stage === 'string' && (v.rowKey === null || typeof v.rowKey === 'number');
}

function isUndoList(v: unknown): v is UndoEntry[] {
  return Array.isArray(v) && v.every((e) => isRecord(e) && typeof e.dataset === 'string' && typeof e.token === 'string' && typeof e.label === 'string');
}

const local = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);
const session = (): Storage | undefined => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);

export function loadPosition(): ReviewPosition | null {
  return read(local(), POSITION_KEY, isPosition);
}

export function savePosition(position: ReviewPosition): void {
  write(local(), POSITION_KEY, position);
}

export function loadUndo(): UndoEntry[] {
  return read(session(), UNDO_KEY, isUndoList) ?? [];
}

export function saveUndo(entries: readonly UndoEntry[]): void {
  write(session(), UNDO_KEY, entries.slice(-UNDO_LIMIT));
}
