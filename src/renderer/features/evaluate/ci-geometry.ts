// Geometry of the comparison chart: a score bar with its 95 % confidence whiskers and the baseline line, in
// pixels of one shared axis. Pure functions only. Imports: nothing.

/** The axis every bar of one chart shares: values from `min` to `max` drawn over `width` pixels. */
export interface Axis {
  min: number;
  max: number;
  width: number;
}

export interface CiBar {
  /** The bar runs from the axis start to the score. */
  barWidth: number;
  /** Whisker ends (the confidence interval), clamped to the axis. */
  loX: number;
  hiX: number;
  scoreX: number;
}

/** Scores are rates in [0, 1]; an axis wider than that (a metric with other units) grows to hold every value. */
export function axisFor(values: readonly (number | null | undefined)[], width: number): Axis {
  let min = 0;
  let max = 1;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max, width: Math.max(1, width) };
}

/** The x of a value on the axis, clamped to its ends so a wild interval never draws outside the chart. */
export function xOf(value: number, axis: Axis): number {
  const span = axis.max - axis.min;
  if (!(span > 0)) return 0;
  const t = (value - axis.min) / span;
  return Math.min(1, Math.max(0, t)) * axis.width;
}

export function ciBar(score: number, ci: readonly [number, number] | null, axis: Axis): CiBar {
  const scoreX = xOf(score, axis);
  // An interval given upside down still draws as one: whiskers are an extent, not a direction.
  const [a, b] = ci ?? [score, score];
  const loX = xOf(Math.min(a, b), axis);
  const hiX = xOf(Math.max(a, b), axis);
  return { barWidth: scoreX, loX, hiX, scoreX };
}

/** Gridline values: the axis ends and evenly spaced steps between, as many as `count` intervals. */
export function ticks(axis: Axis, count = 4): number[] {
  const n = Math.max(1, Math.round(count));
  const step = (axis.max - axis.min) / n;
  return Array.from({ length: n + 1 }, (_, i) => axis.min + i * step);
}

/** Whether two intervals overlap: when they do, the difference between two models is not clear at 95 %. */
export function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  const [a0, a1] = [Math.min(...a), Math.max(...a)];
  const [b0, b1] = [Math.min(...b), Math.max(...b)];
  return a0 <= b1 && b0 <= a1;
}
