// Owns: classifying candidate training rows that leak an eval set (exact trace, conversation, normalised prompt,
// near-duplicate prompt), with counts, overlap share, warnings and each rule's elapsed time.
// Imports: engine types, normalize-prompt, near-duplicates.

import type { ChatMessage, RowId } from './types.ts';
import { normalizedPrompt } from './normalize-prompt.ts';
import type { NearDuplicateOptions } from './near-duplicates.ts';
import { NearDuplicateIndex } from './near-duplicates.ts';

/** In precedence order: a row is reported under the first rule it meets. */
export const LEAK_RULES = ['exact', 'conversation', 'normalized', 'near'] as const;
export type LeakRule = (typeof LEAK_RULES)[number];

export interface LeakageRow {
  rowId: RowId;
  sourceTraceId: number;
  conversationId: string | null;
  messages: readonly ChatMessage[];
}

export interface LeakageOptions extends Partial<NearDuplicateOptions> {
  /** Share of candidates above which the report warns; default 0.25. */
  warnAbove?: number;
}

export interface ExcludedRow<R> {
  row: R;
  rule: LeakRule;
  evalRowId: RowId;
  /** Estimated Jaccard similarity for `near`; null for the other rules. */
  similarity: number | null;
}

export interface LeakageReport<R> {
  candidates: number;
  /** In candidate order. */
  excluded: ExcludedRow<R>[];
  kept: R[];
  counts: Record<LeakRule, number>;
  /** excluded / candidates (0 when there are no candidates). */
  overlapShare: number;
  warning: string | null;
  /** Every candidate leaks: the training set would be empty. */
  refused: boolean;
  elapsedMs: Record<LeakRule, number>;
  near: { threshold: number; numHashes: number; shingleSize: number; bands: number; rows: number; cappedCandidates: number };
}

export const DEFAULT_NEAR_THRESHOLD = 0.8;
export const DEFAULT_WARN_ABOVE = 0.25;
// Candidates are normalised a chunk at a time, so the normalised and near rules can be timed apart without a
// clock read per row and without holding a million normalised strings.
const CHUNK = 4096;
const KEPT = -1;

export function checkLeakage<R extends LeakageRow>(
  evalRows: readonly LeakageRow[],
  candidates: readonly R[],
  options: LeakageOptions = {},
): LeakageReport<R> {
  const threshold = options.threshold ?? DEFAULT_NEAR_THRESHOLD;
  const elapsedMs: Record<LeakRule, number> = { exact: 0, conversation: 0, normalized: 0, near: 0 };
  const rule = new Int8Array(candidates.length).fill(KEPT);
  const match = new Int32Array(candidates.length);
  const similarity = new Float64Array(candidates.length);
  const mark = (i: number, ruleIndex: number, evalIndex: number): void => {
    rule[i] = ruleIndex;
    match[i] = evalIndex;
  };
  let t = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const spent = now - t;
    t = now;
    return spent;
  };

  const byTrace = firstIndexBy(evalRows, (r) => r.sourceTraceId);
  for (let i = 0; i < candidates.length; i++) {
    const hit = byTrace.get((candidates[i] as R).sourceTraceId);
    if (hit !== undefined) mark(i, 0, hit);
  }
  elapsedMs.exact = lap();

  const byConversation = firstIndexBy(evalRows, (r) => r.conversationId);
  byConversation.delete(null);
  for (let i = 0; i < candidates.length; i++) {
    if (rule[i] !== KEPT) continue;
    const hit = byConversation.get((candidates[i] as R).conversationId);
    if (hit !== undefined) mark(i, 1, hit);
  }
  elapsedMs.conversation = lap();

  // Eval prompts are normalised once; duplicates among them are indexed once (the first row wins).
  const byPrompt = firstIndexBy(evalRows, (r) => normalizedPrompt(r.messages));
  byPrompt.delete('');
  const uniquePrompts = [...byPrompt.keys()];
  const uniqueRow = [...byPrompt.values()];
  elapsedMs.normalized += lap();
  const near = new NearDuplicateIndex(uniquePrompts, { ...options, threshold });
  elapsedMs.near += lap();

  const texts: string[] = [];
  const rows: number[] = [];
  for (let start = 0; start < candidates.length; start += CHUNK) {
    texts.length = 0;
    rows.length = 0;
    for (let i = start; i < Math.min(start + CHUNK, candidates.length); i++) {
      if (rule[i] !== KEPT) continue;
      const text = normalizedPrompt((candidates[i] as R).messages);
      const hit = text === '' ? undefined : byPrompt.get(text);
      if (hit !== undefined) mark(i, 2, hit);
      else {
        texts.push(text);
        rows.push(i);
      }
    }
    elapsedMs.normalized += lap();
    for (let j = 0; j < texts.length; j++) {
      const found = near.match(texts[j] as string);
      if (found) {
        const i = rows[j] as number;
        mark(i, 3, uniqueRow[found.index] as number);
        similarity[i] = found.similarity;
      }
    }
    elapsedMs.near += lap();
  }

  const report = assemble(evalRows, candidates, rule, match, similarity, elapsedMs, options.warnAbove ?? DEFAULT_WARN_ABOVE);
  const { bands, rows: bandRows } = near.banding;
  return {
    ...report,
    near: { threshold, numHashes: near.hasher.numHashes, shingleSize: near.hasher.shingleSize, bands, rows: bandRows, cappedCandidates: near.cappedQueries },
  };
}

function firstIndexBy<K>(rows: readonly LeakageRow[], key: (row: LeakageRow) => K): Map<K, number> {
  const map = new Map<K, number>();
  for (let i = 0; i < rows.length; i++) {
    const k = key(rows[i] as LeakageRow);
    if (!map.has(k)) map.set(k, i);
  }
  return map;
}

function assemble<R extends LeakageRow>(
  evalRows: readonly LeakageRow[],
  candidates: readonly R[],
  rule: Int8Array,
  match: Int32Array,
  similarity: Float64Array,
  elapsedMs: Record<LeakRule, number>,
  warnAbove: number,
): Omit<LeakageReport<R>, 'near'> {
  const counts: Record<LeakRule, number> = { exact: 0, conversation: 0, normalized: 0, near: 0 };
  const excluded: ExcludedRow<R>[] = [];
  const kept: R[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const r = rule[i] as number;
    const row = candidates[i] as R;
    if (r === KEPT) {
      kept.push(row);
      continue;
    }
    const name = LEAK_RULES[r] as LeakRule;
    counts[name]++;
    const evalRow = evalRows[match[i] as number] as LeakageRow;
    excluded.push({ row, rule: name, evalRowId: evalRow.rowId, similarity: name === 'near' ? (similarity[i] as number) : null });
  }
  const overlapShare = candidates.length === 0 ? 0 : excluded.length / candidates.length;
  const refused = candidates.length > 0 && kept.length === 0;
  return { candidates: candidates.length, excluded, kept, counts, overlapShare, warning: warningFor(excluded.length, candidates.length, overlapShare, refused, warnAbove), refused, elapsedMs };
}

function warningFor(excluded: number, candidates: number, share: number, refused: boolean, warnAbove: number): string | null {
  const pct = `${(share * 100).toFixed(1)}%`;
  if (refused) return `All ${candidates} candidate rows overlap the eval set: the training set would be empty. Choose other rows, or a different eval set.`;
  if (share > warnAbove) {
    return `${excluded} of ${candidates} candidate rows (${pct}) overlap the eval set: the eval set or the candidate slice is probably too narrow.`;
  }
  return null;
}
