// Walking a review queue: where to start, where a decision moves to, how a changed row replaces its old copy.
// Pure over the loaded rows, so the order rules are tested without a window. Imports: contract types only.
import type { CurateRowView } from '../../../shared/contract/index.ts';

/** A row counts as reviewed once it has an accept or reject; a note or label alone leaves it pending. */
export function isPending(row: CurateRowView): boolean {
  return !row.review || row.review.decision === null;
}

/** The remembered row when it is loaded, else the first pending row, else the first row (-1 when empty). */
export function startIndex(items: readonly CurateRowView[], rowKey: number | null): number {
  if (items.length === 0) return -1;
  if (rowKey !== null) {
    const at = items.findIndex((r) => r.rowKey === rowKey);
    if (at >= 0) return at;
  }
  const pending = items.findIndex(isPending);
  return pending >= 0 ? pending : 0;
}

/**
 * After a decision: the next pending row after `from`, wrapping to an earlier pending row the reviewer skipped;
 * when none is left, the row after `from` (or `from` at the end), so the last decision stays in view.
 */
export function afterDecision(items: readonly CurateRowView[], from: number): number {
  for (let i = from + 1; i < items.length; i++) if (isPending(items[i] as CurateRowView)) return i;
  for (let i = 0; i < from; i++) if (isPending(items[i] as CurateRowView)) return i;
  return Math.min(from + 1, items.length - 1);
}

export function step(items: readonly CurateRowView[], from: number, delta: 1 | -1): number {
  if (items.length === 0) return -1;
  return Math.min(items.length - 1, Math.max(0, from + delta));
}

export function replaceRow(items: readonly CurateRowView[], row: CurateRowView): CurateRowView[] {
  return items.map((r) => (r.rowKey === row.rowKey ? row : r));
}

/** Counts of the loaded rows, used between the core's answers (which carry the true totals). */
export function countReviewed(items: readonly CurateRowView[]): number {
  return items.reduce((n, r) => n + (isPending(r) ? 0 : 1), 0);
}
