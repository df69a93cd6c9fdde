// Formatting of evaluation results for display: scores and their intervals, latency triples, version labels.
// Pure functions only. Imports: lib/format.
import { formatLatency } from '../../lib/format.ts';

/** A score is a pass rate (or mean judge score) in [0, 1], shown as a percentage with one decimal. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '—';
  return `${(score * 100).toFixed(1)}%`;
}

/** The 95 % interval as `lo–hi%`, in the same units as the score beside it. */
export function formatCi(ci: readonly [number, number] | null | undefined): string {
  if (!ci) return '';
  const [lo, hi] = [Math.min(...ci), Math.max(...ci)];
  return `${(lo * 100).toFixed(1)}–${(hi * 100).toFixed(1)}%`;
}

/** Signed difference against the baseline in percentage points, e.g. `+4.2 pts`. */
export function formatDelta(score: number | null | undefined, baseline: number | null | undefined): string {
  if (score === null || score === undefined || baseline === null || baseline === undefined) return '';
  const pts = (score - baseline) * 100;
  const rounded = Math.abs(pts) < 0.05 ? 0 : pts;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toFixed(1)} pts`;
}

export function formatLatencies(latency: { mean: number | null; p50: number | null; p95: number | null } | null | undefined): string {
  if (!latency) return '—';
  return `${formatLatency(latency.mean)} · ${formatLatency(latency.p50)} · ${formatLatency(latency.p95)}`;
}

/** `NAME@vN`, the way the CLI names a version. */
export function versionName(dataset: string, version: number | null): string {
  return version === null ? `${dataset}@draft` : `${dataset}@v${version}`;
}

/** Where "Export predictions" writes inside a chosen folder: named after the run, so exports never collide. */
export function predictionsFile(folder: string, run: { id: number; dataset: string; versionNumber: number }): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const base = folder.endsWith(sep) ? folder.slice(0, -1) : folder;
  const safe = run.dataset.replace(/[^\w.-]+/g, '-');
  return `${base}${sep}${safe}-v${run.versionNumber}-run${run.id}-predictions.jsonl`;
}
