// Builds what the curate commands answer from stored records: the stage parameters of a dataset's run, a row's
// view (verdicts, judge, PII spans found now, review, the draft row), and the pipeline summary.
// Imports: contract types, datasets index (draft access), this domain's repository, outcome rules and engine.
import { DEFAULT_JUDGE_THRESHOLD, DEFAULT_REVIEW, type CurateFilterName, type CurateReviewSettings, type CurateRowView, type CurateSummary, type FilterVerdictView, type JudgeScoresView, type PiiSpanView } from '../../../shared/contract/index.ts';
import type { DraftHandle, DraftRow } from '../datasets/index.ts';
import type { CurateRepository, RowRecord, RunRecord } from './curate-repository.ts';
import { curateRowOf } from './curate-row-of.ts';
import { FILTER_NAMES, findRowPii } from './engine/index.ts';
import { borderlineReasons, type StageParams } from './outcome.ts';

export interface RunJudge {
  model: string;
  threshold: number;
  margin: number;
  rubricHash: string;
}

const DEFAULT_MARGIN = 0.1;

export function runJudge(run: RunRecord | undefined): RunJudge | null {
  return run?.judge_json ? (JSON.parse(run.judge_json) as RunJudge) : null;
}

/** The review settings the run was started with; runs recorded before they existed used the default. */
export function runReview(run: RunRecord | undefined): CurateReviewSettings {
  const review = run ? (JSON.parse(run.filters_json) as { review?: CurateReviewSettings }).review : undefined;
  return review ?? DEFAULT_REVIEW;
}

export function stageParams(run: RunRecord | undefined): StageParams {
  const judge = runJudge(run);
  return { t: judge?.threshold ?? DEFAULT_JUDGE_THRESHOLD, m: judge?.margin ?? DEFAULT_MARGIN, low: runReview(run).membershipBelow };
}

function decidedBy(r: RowRecord, verdicts: FilterVerdictView[], p: StageParams): CurateRowView['decidedBy'] {
  if (r.decision) return { by: 'review', filter: null, reason: r.decision === 'accept' ? 'accepted in review' : 'rejected in review' };
  if (r.action) return { by: 'override', filter: null, reason: r.action === 'keep' ? 'kept by hand' : 'dropped by hand' };
  const first = verdicts.find((v) => v.drop);
  if (first) return { by: 'filter', filter: first.filter, reason: first.reason };
  if (r.judge_overall !== null && r.judge_overall < p.t) {
    return { by: 'judge', filter: null, reason: `judge score ${r.judge_overall.toFixed(2)} is below the threshold ${p.t.toFixed(2)}` };
  }
  return null;
}

function piiSpans(row: DraftRow): PiiSpanView[] {
  return findRowPii(curateRowOf(row.row, undefined)).map((s) => ({
    message: s.location.message,
    part: s.location.part,
    toolCall: s.location.toolCall,
    start: s.start,
    end: s.end,
    type: s.type,
    detail: s.detail ?? null,
  }));
}

export function rowView(r: RowRecord, row: DraftRow, p: StageParams): CurateRowView {
  const verdicts = JSON.parse(r.verdicts_json) as FilterVerdictView[];
  const reasons = (r.drop_filter === null || r.action === 'keep') ? borderlineReasons(r, p) : [];
  return {
    rowKey: r.row_key,
    kept: r.kept === 1,
    decidedBy: decidedBy(r, verdicts, p),
    verdicts,
    override: r.action,
    judge: r.judge_json ? (JSON.parse(r.judge_json) as JudgeScoresView) : null,
    flagged: r.judge_overall !== null && r.judge_overall < p.t,
    borderline: reasons.length > 0,
    borderlineReasons: reasons,
    pii: piiSpans(row),
    review: r.decided_at === null ? null : { decision: r.decision, note: r.note, decidedAt: r.decided_at, edited: r.edited === 1 },
    row: row.view,
  };
}

/** Views of stored records whose rows are still in the draft, in the records' order. */
export function rowViews(records: readonly RowRecord[], rows: Map<number, DraftRow>, p: StageParams): CurateRowView[] {
  const out: CurateRowView[] = [];
  for (const r of records) {
    const row = rows.get(r.row_key);
    if (row) out.push(rowView(r, row, p));
  }
  return out;
}

const zeroByFilter = (): Record<CurateFilterName, number> => Object.fromEntries(FILTER_NAMES.map((n) => [n, 0])) as Record<CurateFilterName, number>;

export function summaryOf(repo: CurateRepository, dataset: string, datasetId: number, draft: DraftHandle | null): CurateSummary {
  const run = repo.run(datasetId);
  const p = stageParams(run);
  const scope = { datasetId, versionId: draft?.versionId ?? -1 };
  const c = run ? repo.counts(scope, p) : null;
  const counts = run ? (JSON.parse(run.counts_json) as { fired: Record<string, number>; filterMs: number }) : null;
  const dropped = zeroByFilter();
  if (run) for (const d of repo.droppedBy(scope, p)) dropped[d.filter as CurateFilterName] = d.n;
  const rows = draft?.rows ?? 0;
  // Rows added to the draft after the run have no verdicts yet: they count as kept until the next run.
  const unrun = Math.max(0, rows - (c?.['rows'] ?? 0));
  const stale = run ? run.stale === 1 || draft === null || run.version_id !== draft.versionId || run.row_count !== rows : false;
  const judge = runJudge(run);
  return {
    dataset,
    runAt: run?.run_at ?? null,
    jobId: run?.job_id ?? null,
    stale,
    filters: run ? ((JSON.parse(run.filters_json) as { config: Record<string, unknown> }).config ?? {}) : {},
    judge,
    review: runReview(run),
    rows,
    kept: (c?.['kept'] ?? 0) + unrun,
    dropped,
    fired: { ...zeroByFilter(), ...(counts?.fired ?? {}) },
    overridden: { keep: c?.['keep'] ?? 0, drop: c?.['drop_'] ?? 0 },
    judged: c?.['judged'] ?? 0,
    judgeFailed: c?.['judge_failed'] ?? 0,
    flagged: c?.['flagged'] ?? 0,
    borderline: c?.['borderline'] ?? 0,
    reviewed: { accepted: c?.['accepted'] ?? 0, rejected: c?.['rejected'] ?? 0, total: (c?.['accepted'] ?? 0) + (c?.['rejected'] ?? 0) },
    pending: c?.['pending'] ?? 0,
    withPii: c?.['with_pii'] ?? 0,
    cost: { usd: run?.cost_usd ?? 0, tokens: run?.tokens ?? 0, calls: run?.calls ?? 0, cached: run?.cached ?? 0 },
    filterMs: counts?.filterMs ?? 0,
  };
}
