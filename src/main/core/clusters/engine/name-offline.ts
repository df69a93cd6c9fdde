// Offline cluster names: class-based TF-IDF terms (distinctive against the other clusters) and the most
// representative members. Imports: ./terms.ts. Typed-array reads use `!`: indices stay in range by construction.

import { isStopWord, termsOf } from './terms.ts';

export interface OfflineName {
  clusterId: number;
  /** Up to three distinctive terms joined by " · ", e.g. "refund · charged twice · card". */
  name: string;
  keywords: string[];
  /** Row indices of the most representative members (highest membership score, distinct texts). */
  representatives: number[];
}

export interface OfflineNameOptions {
  /** Membership scores per row: representatives are the best-scored members. Without them, keyword coverage decides. */
  scores?: Float32Array;
  keywords?: number;
  representatives?: number;
  /** Documents read per cluster for term statistics (a uniform sample beyond it). Default 2,000. */
  maxDocsPerCluster?: number;
}

/**
 * Class-based TF-IDF (BERTopic's c-TF-IDF on document frequencies): a term's share of the cluster's
 * documents, times log(1 + average cluster size / the term's documents in all clusters). Outlier rows
 * (label -1) count in the background but get no name.
 */
export function nameClustersOfflineSync(texts: readonly string[], labels: Int32Array, opts: OfflineNameOptions = {}): OfflineName[] {
  const nKeywords = opts.keywords ?? 8;
  const nReps = opts.representatives ?? 5;
  const cap = opts.maxDocsPerCluster ?? 2000;
  const rowsOf = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    let rows = rowsOf.get(l);
    if (!rows) {
      rows = [];
      rowsOf.set(l, rows);
    }
    rows.push(i);
  }
  // Per-cluster document frequency of each term, on at most `cap` evenly spaced documents.
  const dfByCluster = new Map<number, Map<string, number>>();
  const docsRead = new Map<number, number>();
  const total = new Map<string, number>();
  for (const [l, rows] of rowsOf) {
    const df = new Map<string, number>();
    const step = Math.max(1, rows.length / cap);
    let read = 0;
    for (let s = 0; s < rows.length; s += step) {
      read++;
      for (const t of termsOf(texts[rows[Math.floor(s)]!] ?? '')) df.set(t, (df.get(t) ?? 0) + 1);
    }
    // Scale sampled counts back up so large clusters weigh their true size in the background.
    const scale = rows.length / Math.max(1, read);
    for (const [t, c] of df) total.set(t, (total.get(t) ?? 0) + c * scale);
    dfByCluster.set(l, df);
    docsRead.set(l, read);
  }
  const named = [...rowsOf.keys()].filter((l) => l >= 0).sort((a, b) => a - b);
  const avgSize = labels.length / Math.max(1, rowsOf.size);
  return named.map((l) => {
    const df = dfByCluster.get(l)!;
    const read = docsRead.get(l)!;
    // A term must recur: in 2 documents and 3 % of the cluster, so one odd prompt cannot name a cluster.
    const minDocs = Math.max(2, Math.ceil(0.03 * read));
    const scored: { term: string; score: number; share: number }[] = [];
    for (const [t, c] of df) {
      if (c < minDocs && read >= 2) continue;
      const share = c / read;
      scored.push({ term: t, share, score: share * Math.log(1 + avgSize / (total.get(t) ?? c)) });
    }
    scored.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1));
    const keywords = pickKeywords(scored, nKeywords);
    const rows = rowsOf.get(l)!;
    return {
      clusterId: l,
      name: keywords.slice(0, 3).join(' · ') || 'unnamed',
      keywords,
      representatives: representatives(texts, rows, keywords, opts.scores, nReps),
    };
  });
}

/** Crude stem so "card" and "cards" count as one word when keeping keywords distinct. */
function stem(w: string): string {
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/**
 * Best-scored terms, each adding a word not already shown: a pair that contains a chosen single word
 * replaces it ("charged twice" beats "charged"), and a term whose content words are all shown already
 * ("disposable card" after "disposable cards") is skipped, so every slot adds information.
 */
function pickKeywords(scored: { term: string; score: number }[], n: number): string[] {
  const chosen: string[] = [];
  const contentOf = (t: string): string[] => t.split(' ').filter((p) => !isStopWord(p)).map(stem);
  for (const { term } of scored) {
    if (chosen.length >= n) break;
    const content = contentOf(term);
    const replaced = term.includes(' ') ? chosen.filter((c) => !c.includes(' ') && content.includes(stem(c))) : [];
    const shown = new Set(chosen.filter((c) => !replaced.includes(c)).flatMap(contentOf));
    if (content.every((w) => shown.has(w))) continue;
    for (const r of replaced) chosen.splice(chosen.indexOf(r), 1);
    chosen.push(term);
  }
  return chosen;
}

function representatives(texts: readonly string[], rows: number[], keywords: string[], scores: Float32Array | undefined, n: number): number[] {
  let ranked: number[];
  if (scores) {
    ranked = rows.slice().sort((a, b) => scores[b]! - scores[a]! || a - b);
  } else {
    // Without scores, prefer members that mention more of the cluster's keywords, shorter first.
    const kw = keywords.slice(0, 5);
    const cover = (i: number): number => {
      const terms = termsOf(texts[i] ?? '');
      return kw.reduce((s, k) => s + (terms.has(k) ? 1 : 0), 0);
    };
    const sample = rows.length > 2000 ? rows.filter((_, j) => j % Math.ceil(rows.length / 2000) === 0) : rows;
    const c = new Map(sample.map((i) => [i, cover(i)]));
    ranked = sample.slice().sort((a, b) => c.get(b)! - c.get(a)! || (texts[a]?.length ?? 0) - (texts[b]?.length ?? 0) || a - b);
  }
  const seen = new Set<string>();
  const out: number[] = [];
  for (const i of ranked) {
    const key = (texts[i] ?? '').trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i);
    if (out.length >= n) break;
  }
  return out;
}
