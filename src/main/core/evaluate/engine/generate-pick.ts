// Choosing among teacher answers: the best of N (generation) and the committee's winner and disagreement
// (relabelling). Pure: scored answers in, a choice out. Imports: nothing.

export interface ScoredAnswer {
  slot: number;
  text: string | null;
  /** The judge's overall score; null when the call or the judgement failed. */
  overall: number | null;
  helpfulness: number | null;
}

/**
 * The best answer: highest overall score; ties go to the higher helpfulness, then to the lowest slot (the first
 * sample, or the first committee seat), so the same scores always keep the same answer. null when no answer
 * was scored: nothing is guessed.
 */
export function pickBest(answers: readonly ScoredAnswer[]): ScoredAnswer | null {
  let best: ScoredAnswer | null = null;
  for (const a of answers) {
    if (a.text === null || a.overall === null) continue;
    if (
      !best ||
      a.overall > best.overall! ||
      (a.overall === best.overall && (a.helpfulness ?? -1) > (best.helpfulness ?? -1)) ||
      (a.overall === best.overall && (a.helpfulness ?? -1) === (best.helpfulness ?? -1) && a.slot < best.slot)
    ) {
      best = a;
    }
  }
  return best;
}

/** Answers up to this many words read as labels (classification-like tasks): they must agree verbatim. */
export const LABEL_WORDS = 4;

const normalised = (t: string): string => t.trim().toLowerCase().replace(/[\s.!]+$/g, '').replace(/\s+/g, ' ');

export interface Disagreement {
  spread: number | null;
  disagree: boolean;
  reason: string | null;
}

/**
 * Whether a committee disagrees strongly: its scores spread (max - min) above `threshold`, or every answer is
 * short (label-like) and they are not all the same label.
 */
export function disagreement(answers: readonly ScoredAnswer[], threshold: number): Disagreement {
  const scores = answers.map((a) => a.overall).filter((s): s is number => s !== null);
  const spread = scores.length >= 2 ? Math.max(...scores) - Math.min(...scores) : null;
  const texts = answers.map((a) => a.text).filter((t): t is string => t !== null);
  const labelLike = texts.length >= 2 && texts.every((t) => t.trim().split(/\s+/).length <= LABEL_WORDS);
  if (labelLike) {
    const labels = [...new Set(texts.map(normalised))];
    if (labels.length > 1) return { spread, disagree: true, reason: `the committee gave different labels: ${labels.map((l) => `"${l}"`).join(', ')}` };
  }
  if (spread !== null && spread > threshold + 1e-9) return { spread, disagree: true, reason: `judge scores spread ${spread.toFixed(2)}, above ${threshold.toFixed(2)}` };
  return { spread, disagree: false, reason: null };
}
