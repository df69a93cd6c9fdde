// Words and numbers the review screen shows: Cohen's kappa in words, scores, queue progress, stage names.
// Imports: nothing; pure functions.

/** Landis & Koch's bands, the ones annotation guides quote; below 0 the judge disagrees more than chance. */
export function kappaWords(kappa: number | null): string {
  if (kappa === null || !Number.isFinite(kappa)) return 'not enough reviews';
  if (kappa < 0) return 'worse than chance';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? '—' : score.toFixed(2);
}

export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined || !Number.isFinite(rate) ? '—' : `${Math.round(rate * 100)}%`;
}

/** "12 of 40 reviewed · 28 left". */
export function progressLine(reviewed: number, total: number): string {
  if (total === 0) return 'Queue empty';
  const left = Math.max(0, total - reviewed);
  return left === 0 ? `All ${total} reviewed` : `${reviewed} of ${total} reviewed · ${left} left`;
}

const FILTER_NAMES: Record<string, string> = {
  failed: 'Failed request',
  empty: 'Empty response',
  cluster: 'Outside the cluster',
  refusal: 'Refusal',
  truncated: 'Truncated',
  invalid_json: 'Invalid JSON',
  too_long: 'Too long',
  pii: 'PII',
  duplicate: 'Duplicate',
};

export function filterName(filter: string): string {
  return FILTER_NAMES[filter] ?? filter.replace(/_/g, ' ');
}

/** A queue or stage key such as `borderline` or `dropped:refusal` in words. */
export function stageName(stage: string): string {
  if (stage.startsWith('dropped:')) return `Dropped · ${filterName(stage.slice('dropped:'.length))}`;
  const names: Record<string, string> = {
    borderline: 'Borderline',
    flagged: 'Flagged by the judge',
    kept: 'Kept',
    all: 'All rows',
    dropped: 'Left out (all)',
    reviewed: 'Reviewed',
    unreviewed: 'Not reviewed',
    overridden: 'Overridden',
    pii: 'Rows with PII',
  };
  return names[stage] ?? stage;
}

/** A PII type key (`EMAIL`, `credit_card`) as a short label. */
export function piiLabel(type: string): string {
  const t = type.toLowerCase().replace(/_/g, ' ');
  const names: Record<string, string> = { email: 'email', phone: 'phone', card: 'card', 'credit card': 'card', iban: 'IBAN', ssn: 'SSN', ip: 'IP', address: 'address', secret: 'secret' };
  return names[t] ?? t;
}
