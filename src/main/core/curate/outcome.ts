// How a row's outcome is decided, strongest first: a review decision, then the user's override, then the first
// filter that drops it, then the judge (overall below the threshold flags and drops it); otherwise it is kept.
// Written once as SQL over curate_rows (c), curate_overrides (o) and curate_reviews (r), so counts, pages and
// freeze agree. Imports: the contract's stage type.
import type { CurateStage } from '../../../shared/contract/index.ts';

/** The judge's threshold and margin, and the membership score below which a row is borderline (null: none). */
export interface StageParams {
  t: number;
  m: number;
  low: number | null;
}
/** Scores are stored as doubles; a row exactly at threshold ± margin counts as within it. */
const EPSILON = 1e-9;

export const KEPT_SQL = `(CASE
  WHEN r.decision = 'accept' THEN 1 WHEN r.decision = 'reject' THEN 0
  WHEN o.action = 'keep' THEN 1 WHEN o.action = 'drop' THEN 0
  WHEN c.drop_filter IS NOT NULL THEN 0
  WHEN c.judge_overall IS NOT NULL AND c.judge_overall < @t THEN 0
  ELSE 1 END)`;

const FLAGGED = 'c.judge_overall IS NOT NULL AND c.judge_overall < @t';
/**
 * A row a filter dropped is reviewed in that filter's queue, not as borderline, unless the user kept it. A NULL
 * @low (no membership cut) never matches.
 */
/** Rows another step asked a person to review (a committee that disagreed) are borderline too. */
export const REQUESTED_SQL = 'EXISTS (SELECT 1 FROM review_requests q WHERE q.dataset_id = c.dataset_id AND q.row_key = c.row_key)';
const BORDERLINE = `(c.drop_filter IS NULL OR o.action = 'keep') AND (
  (c.judge_overall IS NOT NULL AND abs(c.judge_overall - @t) <= @m + ${EPSILON})
  OR (c.membership IS NOT NULL AND c.membership < @low)
  OR ${REQUESTED_SQL})`;

export function stageWhere(stage: CurateStage): string {
  if (stage.startsWith('dropped:')) return `c.drop_filter = @filter AND o.action IS NULL`;
  switch (stage) {
    case 'all':
      return '1';
    case 'kept':
      return `${KEPT_SQL} = 1`;
    case 'dropped':
      return `${KEPT_SQL} = 0`;
    case 'flagged':
      return FLAGGED;
    case 'borderline':
      return BORDERLINE;
    case 'reviewed':
      return 'r.decision IS NOT NULL';
    case 'unreviewed':
      return 'r.decision IS NULL';
    case 'overridden':
      return 'o.action IS NOT NULL';
    case 'pii':
      return 'c.pii_spans > 0';
    default:
      throw new Error(`unknown stage ${stage}`);
  }
}

/** Why a row is borderline, in a reviewer's words (the same rule as the SQL above). */
export function borderlineReasons(r: { judge_overall: number | null; membership: number | null; requested?: string | null }, p: StageParams): string[] {
  const out: string[] = [];
  if (r.requested) out.push(r.requested);
  if (r.judge_overall !== null && Math.abs(r.judge_overall - p.t) <= p.m + EPSILON) {
    out.push(`judge score ${r.judge_overall.toFixed(2)} is within ${p.m.toFixed(2)} of the threshold ${p.t.toFixed(2)}`);
  }
  if (r.membership !== null && p.low !== null && r.membership < p.low) out.push(`cluster membership ${r.membership.toFixed(2)} is below ${p.low.toFixed(2)}`);
  return out;
}
