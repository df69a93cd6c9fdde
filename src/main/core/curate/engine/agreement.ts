// Judge-human agreement: the judge accepts a row when its overall score is at or above the threshold; how often
// that matches the reviewer's accept/reject, Cohen's kappa over the same pairs, and the threshold that would have
// agreed best. Pure: pairs in, figures out. Imports: nothing.

export interface JudgedDecision {
  score: number;
  accepted: boolean;
}

export interface AgreementFigures {
  compared: number;
  agreement: number | null;
  kappa: number | null;
  confusion: { bothAccept: number; bothReject: number; judgeOnlyAccept: number; humanOnlyAccept: number };
}

export function agreementAt(pairs: readonly JudgedDecision[], threshold: number): AgreementFigures {
  const c = { bothAccept: 0, bothReject: 0, judgeOnlyAccept: 0, humanOnlyAccept: 0 };
  for (const p of pairs) {
    const judge = p.score >= threshold;
    if (judge && p.accepted) c.bothAccept++;
    else if (!judge && !p.accepted) c.bothReject++;
    else if (judge) c.judgeOnlyAccept++;
    else c.humanOnlyAccept++;
  }
  const n = pairs.length;
  if (n === 0) return { compared: 0, agreement: null, kappa: null, confusion: c };
  const observed = (c.bothAccept + c.bothReject) / n;
  const judgeAccept = (c.bothAccept + c.judgeOnlyAccept) / n;
  const humanAccept = (c.bothAccept + c.humanOnlyAccept) / n;
  const chance = judgeAccept * humanAccept + (1 - judgeAccept) * (1 - humanAccept);
  // Both raters constant and equal: agreement by chance is certain, so kappa says nothing.
  const kappa = chance >= 1 ? null : (observed - chance) / (1 - chance);
  return { compared: n, agreement: observed, kappa, confusion: c };
}

/**
 * Every threshold that splits the pairs differently is one of the scores themselves (accept at or above it), or
 * 0 (accept all) or 1 (accept only perfect scores). The best agrees most; ties go to the higher kappa, then to the one nearest the current threshold.
 */
export function bestThreshold(pairs: readonly JudgedDecision[], current: number): { threshold: number; agreement: number; kappa: number | null } | null {
  if (pairs.length === 0) return null;
  const candidates = [...new Set([0, 1, ...pairs.map((p) => p.score)])].filter((t) => t >= 0 && t <= 1).sort((a, b) => a - b);
  let best: { threshold: number; agreement: number; kappa: number | null } | null = null;
  for (const t of candidates) {
    const f = agreementAt(pairs, t);
    const next = { threshold: t, agreement: f.agreement ?? 0, kappa: f.kappa };
    if (best === null || better(next, best, current)) best = next;
  }
  return best;
}

const TIE = 1e-12;

function better(a: { threshold: number; agreement: number; kappa: number | null }, b: typeof a, current: number): boolean {
  if (Math.abs(a.agreement - b.agreement) > TIE) return a.agreement > b.agreement;
  const ka = a.kappa ?? -2;
  const kb = b.kappa ?? -2;
  if (Math.abs(ka - kb) > TIE) return ka > kb;
  return Math.abs(a.threshold - current) < Math.abs(b.threshold - current);
}
