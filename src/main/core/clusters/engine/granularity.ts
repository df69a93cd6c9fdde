// The one user-facing knob (coarser ↔ finer) and the defaults that scale with corpus size.
// Imports: nothing. Figures quoted are from bench/cluster.ts on banking77 and hwu64 (see BENCHMARKS.md, Clustering).

/**
 * Modularity resolution at granularity 0. On banking77/hwu64 (built-in embedder, 15-NN fuzzy graph)
 * resolution 3 gave the best ARI of {1, 2, 3, 4}; the cluster count is found by the graph, not set.
 */
export const DEFAULT_RESOLUTION = 3;
export const DEFAULT_NEIGHBOURS = 15;
export const DEFAULT_GRAPH_ROWS = 20_000;

/** Granularity in [-1, 1] → resolution: each step of 0.5 doubles (finer) or halves (coarser) it. */
export function resolutionFor(granularity: number): number {
  const g = Math.max(-1, Math.min(1, Number.isFinite(granularity) ? granularity : 0));
  return DEFAULT_RESOLUTION * 4 ** g;
}

/**
 * Default minimum cluster size: 0.1 % of the rows, at least 5. Below it a group is too small to
 * name or act on in an overview; its rows join their nearest cluster (or become outliers).
 */
export function defaultMinClusterSize(n: number): number {
  return Math.max(5, Math.ceil(n * 0.001));
}
