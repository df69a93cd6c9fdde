// Judge-score histogram maths: the counts a threshold and margin give, display bins, and the chart's value <->
// pixel mapping. The core sends fine bins (100 of 0.01, `curate.scores`), so dragging the threshold in 0.01
// steps recounts locally with no call; the core's own count replaces the estimate once the value is committed.
// Imports: nothing.

export interface ScoreBin {
  from: number;
  to: number;
  count: number;
}

export interface ThresholdCounts {
  /** overall < threshold: the judge would drop these. */
  flagged: number;
  /** |overall - threshold| <= margin, on either side: a person should look. */
  inBand: number;
  /** overall >= threshold. */
  passed: number;
}

// Thresholds move in 0.01 steps and bins start on 0.01 edges: a bin starting at 0.70 is "at 0.70", not a float
// hair below it.
const EPS = 1e-6;

/** Counts with each bin's scores taken at its lower edge: exact when bins are 0.01 wide and scores have 2 decimals. */
export function thresholdCounts(bins: readonly ScoreBin[], threshold: number, margin: number): ThresholdCounts {
  let flagged = 0;
  let inBand = 0;
  let total = 0;
  for (const b of bins) {
    total += b.count;
    if (b.from < threshold - EPS) flagged += b.count;
    if (b.from >= threshold - margin - EPS && b.from <= threshold + margin + EPS) inBand += b.count;
  }
  return { flagged, inBand, passed: total - flagged };
}

/**
 * The borderline count at a threshold the user is dragging to. The core's borderline also holds rows near the
 * line for other reasons (low cluster membership); that remainder is carried over from the committed count.
 */
export function estimateBorderline(bins: readonly ScoreBin[], committed: { threshold: number; margin: number; borderline: number }, threshold: number): number {
  const other = Math.max(0, committed.borderline - thresholdCounts(bins, committed.threshold, committed.margin).inBand);
  return thresholdCounts(bins, threshold, committed.margin).inBand + other;
}

/** Fine bins summed into `n` display bins over [0, 1]. */
export function displayBins(bins: readonly ScoreBin[], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (const b of bins) {
    const i = Math.min(n - 1, Math.max(0, Math.floor((b.from + EPS) * n)));
    out[i] = (out[i] as number) + b.count;
  }
  return out;
}

export function totalOf(bins: readonly ScoreBin[]): number {
  return bins.reduce((sum, b) => sum + b.count, 0);
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

/** Arrow keys move the threshold by one step, Page keys by ten, Home/End to the ends. */
export function stepThreshold(value: number, key: string, step = 0.01): number | null {
  const by: Record<string, number> = { ArrowLeft: -step, ArrowDown: -step, ArrowRight: step, ArrowUp: step, PageDown: -10 * step, PageUp: 10 * step, Home: -1, End: 1 };
  const delta = by[key];
  return delta === undefined ? null : snap(value + delta, step);
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
