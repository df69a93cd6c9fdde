// Flagged and borderline from stored scores and the settings, and the histogram of overall scores. Pure: changing
// the threshold re-reads scores, never calls a model. Imports: nothing.

export interface VerdictSettings {
  threshold: number;
  margin: number;
  minMembership: number | null;
}

/**
 * A judged row is flagged below the threshold; borderline within the margin of it. A failed judgement is
 * borderline (a person decides; it is never guessed), and so is any row whose cluster membership is below the cut.
 */
export function verdictOf(
  j: { status: 'judged' | 'failed' | 'pending'; overall: number | null },
  membershipScore: number | null,
  s: VerdictSettings,
): { flagged: boolean; borderline: boolean } {
  const lowMembership = s.minMembership !== null && membershipScore !== null && membershipScore < s.minMembership;
  if (j.status !== 'judged' || j.overall === null) return { flagged: false, borderline: j.status === 'failed' || lowMembership };
  // A small epsilon so a score exactly at threshold ± margin counts as within it despite float noise.
  const near = Math.abs(j.overall - s.threshold) <= s.margin + 1e-9;
  return { flagged: j.overall < s.threshold, borderline: near || lowMembership };
}

export const HISTOGRAM_BINS = 20;

export function histogram(scores: Iterable<number>, bins = HISTOGRAM_BINS): number[] {
  const out = new Array<number>(bins).fill(0);
  for (const s of scores) {
    const i = Math.min(bins - 1, Math.max(0, Math.floor(s * bins)));
    out[i]!++;
  }
  return out;
}
