// Owns: the statistics of a run: the Wilson score interval of a pass rate and latency mean/p50/p95.
// Imports: nothing (pure).

/** z of a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/**
 * Wilson score interval of `passed` successes in `n` trials (95 %). Unlike the normal approximation it stays
 * inside [0, 1] and is sensible at 0 or n successes and for small n. null when n is 0.
 */
export function wilson(passed: number, n: number, z = Z95): [number, number] | null {
  if (n <= 0) return null;
  const p = passed / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/** Nearest-rank percentile (p in (0, 1]) of sorted values. */
function nearestRank(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** Mean, median and 95th percentile (nearest rank) in ms; null for no values. */
export function latencyStats(values: readonly number[]): { mean: number; p50: number; p95: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return { mean, p50: nearestRank(sorted, 0.5), p95: nearestRank(sorted, 0.95) };
}
