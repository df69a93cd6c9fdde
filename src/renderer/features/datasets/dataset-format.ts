// Pure helpers of the Datasets screen: version labels, row-count lines, label parsing, the promote
// form's row source and the diff summary. Imports: shared contract types only.
import type { DatasetSummary, DiffCounts, RowSource, VersionRef } from '../../../shared/contract/index.ts';

/** `v3`, or `draft` for the editable draft. */
export function versionLabel(ref: VersionRef): string {
  return ref === 'draft' ? 'draft' : `v${ref}`;
}

/** The list's "rows" cell: latest frozen rows, plus the draft when it differs or nothing is frozen yet. */
export function rowCountsLine(d: Pick<DatasetSummary, 'latestVersion' | 'latestRows' | 'draftRows'>): string {
  const parts: string[] = [];
  if (d.latestVersion !== null && d.latestRows !== null) parts.push(`${d.latestRows.toLocaleString('en-US')} in v${d.latestVersion}`);
  if (d.draftRows !== null) parts.push(`${d.draftRows.toLocaleString('en-US')} in draft`);
  return parts.length > 0 ? parts.join(' · ') : 'empty';
}

/** Labels typed as one comma-separated line: trimmed, empties dropped, duplicates kept once in order. */
export function parseLabels(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const label = part.trim();
    if (label) seen.add(label);
  }
  return [...seen];
}

/**
 * The expected output field holds JSON when it parses as an object/array/number (structured tasks),
 * otherwise the text itself; an empty field clears it.
 */
export function parseExpected(text: string): unknown {
  const t = text.trim();
  if (t === '') return null;
  if (/^[[{]/.test(t)) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export function formatExpected(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

export type PromoteRows = 'all' | 'members' | 'above' | 'picked';

/**
 * The cluster row source of the promote form; a score cut outside 0..1, or "picked" with nothing picked, is an
 * error a person can fix.
 */
export function clusterSource(clusterId: number, rows: PromoteRows, minScoreText: string, picked: readonly number[] = []): { source: RowSource } | { error: string } {
  if (rows === 'picked') {
    if (picked.length === 0) return { error: 'Tick the members to promote in the list first.' };
    return { source: { type: 'cluster', clusterId, pick: 'picked', rowIds: [...picked] } };
  }
  if (rows !== 'above') return { source: { type: 'cluster', clusterId, pick: rows } };
  const minScore = Number(minScoreText);
  if (minScoreText.trim() === '' || !Number.isFinite(minScore) || minScore < 0 || minScore > 1) {
    return { error: 'Give a score cut between 0 and 1, e.g. 0.6.' };
  }
  return { source: { type: 'cluster', clusterId, pick: 'above', minScore } };
}

/** "2 added · 1 removed · 3 changed · 40 unchanged". */
export function diffSummary(c: DiffCounts): string {
  return `${c.added} added · ${c.removed} removed · ${c.changed} changed · ${c.unchanged} unchanged`;
}

/** Per-field change counts, most changed first, for the diff header. */
export function fieldCounts(c: DiffCounts): { field: string; count: number }[] {
  return Object.entries(c.byField)
    .filter(([, n]) => n > 0)
    .map(([field, count]) => ({ field, count }))
    .sort((a, b) => b.count - a.count || a.field.localeCompare(b.field));
}

/** A default export folder under the chosen parent: NAME-vN-FORMAT keeps exports of versions apart. */
export function exportFolder(parent: string, dataset: string, version: VersionRef, format: string): string {
  const base = parent.replace(/[\\/]+$/, '');
  const safe = dataset.replace(/[^\w.-]+/g, '_');
  return `${base}/${safe}-${versionLabel(version)}-${format}`;
}

/** What a finished export job reports (its result is untyped in the jobs contract); null if it is not that shape. */
export function exportOutcome(result: unknown): { rows: number; files: string[]; sha256: string } | null {
  if (result === null || typeof result !== 'object') return null;
  const { rows, files, sha256 } = result as { rows?: unknown; files?: unknown; sha256?: unknown };
  if (typeof rows !== 'number' || typeof sha256 !== 'string' || !Array.isArray(files) || !files.every((f) => typeof f === 'string')) return null;
  return { rows, files: files as string[], sha256 };
}
