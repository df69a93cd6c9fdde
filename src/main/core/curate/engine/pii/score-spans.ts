// Scores found spans against labelled ones, per type: a found span counts when it covers at least half of a
// labelled span of the same type, or half of itself lies inside one. Imports: ./pii-span.ts.

import type { PiiType } from './pii-span.ts';

export interface LabelledSpan {
  start: number;
  end: number;
  type: PiiType;
}

export interface TypeScore {
  type: PiiType;
  /** Labelled spans, and how many of them some found span matched. */
  labelled: number;
  recalled: number;
  /** Found spans, and how many of them matched a labelled span. */
  found: number;
  correct: number;
}

function matches(a: LabelledSpan, b: LabelledSpan): boolean {
  if (a.type !== b.type) return false;
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && overlap * 2 >= Math.min(a.end - a.start, b.end - b.start);
}

/** Adds one text's spans to the running scores. */
export function addToScores(scores: Map<PiiType, TypeScore>, labelled: readonly LabelledSpan[], found: readonly LabelledSpan[]): void {
  const row = (type: PiiType): TypeScore => {
    let s = scores.get(type);
    if (!s) scores.set(type, (s = { type, labelled: 0, recalled: 0, found: 0, correct: 0 }));
    return s;
  };
  for (const g of labelled) {
    const s = row(g.type);
    s.labelled++;
    if (found.some((f) => matches(f, g))) s.recalled++;
  }
  for (const f of found) {
    const s = row(f.type);
    s.found++;
    if (labelled.some((g) => matches(f, g))) s.correct++;
  }
}

export const precisionOf = (s: TypeScore): number => (s.found ? s.correct / s.found : 1);
export const recallOf = (s: TypeScore): number => (s.labelled ? s.recalled / s.labelled : 1);
