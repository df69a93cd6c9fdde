// Judge-score histogram maths: bins, the counts a threshold and margin give, and the chart's value <-> pixel
// mapping. Pure, so dragging the threshold recounts locally (binary search over sorted scores, no calls).
// Imports: nothing.

/** Scores sorted ascending; built once per result set so every drag step is two binary searches. */
export type SortedScores = Float64Array;

export interface ThresholdCounts {
  /** overall < threshold: the judge would drop these. */
  flagged: number;
  /** |overall - threshold| <= margin, on either side: a person should look. */
  borderline: number;
  /** overall >= threshold. */
  passed: number;
}

export function sortScores(scores: readonly number[]): SortedScores {
  const sorted = Float64Array.from(scores.filter((s) => Number.isFinite(s)));
  sorted.sort();
  return sorted;
}

/** Number of values strictly below `value` (inclusive: at or below). */
export function countBelow(sorted: SortedScores, value: number, inclusive = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (inclusive ? v <= value : v < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Thresholds are shown with two decimals; a score of 0.7 must count as "at 0.70", not a float hair below it.
const EPS = 1e-9;

export function thresholdCounts(sorted: SortedScores, threshold: number, margin: number): ThresholdCounts {
  const flagged = countBelow(sorted, threshold - EPS);
  const borderline = countBelow(sorted, threshold + margin + EPS, true) - countBelow(sorted, threshold - margin - EPS);
  return { flagged, borderline: Math.max(0, borderline), passed: sorted.length - flagged };
}

/** Counts per bin over [0, 1]; a score of exactly 1 goes in the last bin. */
export function binScores(sorted: SortedScores, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const s of sorted) {
    const i = Math.min(bins - 1, Math.max(0, Math.floor(s * bins)));
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

export interface Axis {
  /** Left edge of the plot area in px. */
  left: number;
  /** Width of the plot area in px. */
  width: number;
}

export function xOfValue(axis: Axis, value: number): number {
  return axis.left + clamp01(value) * axis.width;
}

/** The threshold under a pointer, snapped to `step` (0.01 by default) and kept in [0, 1]. */
export function valueOfX(axis: Axis, x: number, step = 0.01): number {
  if (axis.width <= 0) return 0;
  return snap(clamp01((x - axis.left) / axis.width), step);
}

export function snap(value: number, step = 0.01): number {
  const snapped = Math.round(value / step) * step;
  return Number(clamp01(snapped).toFixed(4));
}

/** Arrow keys move the threshold by one step, Page keys by ten. */
export function stepThreshold(value: number, key: string, step = 0.01): number | null {
  const by: Record<string, number> = { ArrowLeft: -step, ArrowDown: -step, ArrowRight: step, ArrowUp: step, PageDown: -10 * step, PageUp: 10 * step, Home: -1, End: 1 };
  const delta = by[key];
  return delta === undefined ? null : snap(value + delta, step);
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
