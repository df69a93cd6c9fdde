// Wording of clustering figures: shares as honest percentages, membership scores, run descriptions.
// Imports: shared contract types and lib/format (pure, unit-tested).
import type { ClusterRun, TextMode } from '../../../shared/contract/index.ts';
import { formatCount } from '../../lib/format.ts';

/** 0.062 → "6.2 %"; tiny non-zero shares never round to a misleading "0 %". */
export function formatShare(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0 %';
  if (share >= 1) return '100 %';
  const pct = share * 100;
  if (pct < 0.1) return '< 0.1 %';
  // 99.96 % must not print as 100 %: something is still outside.
  if (pct > 99.9) return '> 99.9 %';
  return `${pct < 10 ? pct.toFixed(1) : pct.toFixed(pct < 99.5 ? 0 : 1)} %`;
}

/** Mean membership 0..1 as a two-digit score. */
export function formatScore(score: number): string {
  return Number.isFinite(score) ? score.toFixed(2) : '—';
}

export const TEXT_MODE_LABELS: Record<TextMode, string> = {
  task: 'Task (opening request + current turn)',
  'last-user': 'Last user turn',
  'whole-prompt': 'Whole prompt',
  'no-system': 'Prompt without system',
};

/** "builtin…" / "openai:<base url>#<model>" (or "openai:<model>") → words a person reads; the URL stays in the tooltip. */
export function embedderLabel(embedder: string): string {
  if (embedder.startsWith('builtin')) return 'Built-in (offline)';
  if (embedder.startsWith('openai')) {
    const rest = embedder.slice('openai'.length).replace(/^:/, '');
    const hash = rest.lastIndexOf('#');
    const model = hash >= 0 ? rest.slice(hash + 1) : /^[a-z]+:\/\//i.test(rest) ? '' : rest;
    return model ? `OpenAI-compatible · ${model}` : 'OpenAI-compatible';
  }
  return embedder;
}

/** One short line naming a run in the run picker (the header shows the rest). */
export function runOptionLabel(run: ClusterRun, when: string): string {
  return `#${run.id} · ${when} · ${formatCount(run.clusters)} clusters`;
}

/** Readable granularity: -1 … +1 with 0 as the measured default. */
export function granularityLabel(g: number): string {
  if (Math.abs(g) < 1e-9) return 'Default';
  const strength = Math.abs(g) >= 0.99 ? 'Much ' : Math.abs(g) >= 0.5 ? '' : 'Slightly ';
  const word = g < 0 ? 'coarser' : 'finer';
  return strength ? `${strength}${word}` : word[0]!.toUpperCase() + word.slice(1);
}

/** Keywords the name does not already show: keyword names are made of the first few keywords. */
export function keywordsBeyondName(name: string, keywords: readonly string[]): string[] {
  const shown = name.toLowerCase();
  return keywords.filter((k) => !shown.includes(k.toLowerCase()));
}

/** "1 cluster", "12 clusters", "1,204 rows". */
export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}
