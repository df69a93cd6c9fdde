// Sending an evaluation run's rows to the review queue. The run's version is frozen, so the requests go to the eval
// dataset's draft (started from its latest frozen version when it has none), for the same row keys, saying which
// models failed the row under which metric. Imports: contract types, curate/datasets indexes, this domain's modules.
import type { CommandOutput } from '../../../shared/contract/index.ts';
import type { ReviewRequests } from '../curate/index.ts';
import type { DraftAccess } from '../datasets/index.ts';
import type { EvalRepository, StoredRun } from './eval-repository.ts';

export interface EvalReviewDeps {
  repo: Pick<EvalRepository, 'predictionsOfRow'>;
  drafts: Pick<DraftAccess, 'ensure' | 'byKeys'>;
  review: ReviewRequests;
}

/** One source per run: sending a row twice from the same run finds it queued; another run asks again, with its own reason. */
export const reviewSource = (runId: number): string => `eval:${runId}`;

/** Why a row is queued: the models (by label) that failed or could not answer it, or that it was picked by hand. */
export function reviewReason(run: Pick<StoredRun, 'id' | 'metric'>, failedModels: readonly string[]): string {
  if (failedModels.length === 0) return `picked from evaluation run ${run.id} (${run.metric})`;
  return `failed evaluation run ${run.id}: ${failedModels.join(', ')} ${run.metric}`;
}

export function sendToReview(deps: EvalReviewDeps, run: StoredRun, rowKeys: readonly number[]): CommandOutput<'eval.sendToReview'> {
  const keys = [...new Set(rowKeys)];
  // Rows of the run are those with a prediction; a key the run never saw is counted as missing, and touches nothing.
  const inRun = new Map<number, string[]>();
  for (const key of keys) {
    const preds = deps.repo.predictionsOfRow(run.id, key);
    if (preds.length === 0) continue;
    inRun.set(key, preds.filter((p) => p.status === 'failed' || p.pass === false).map((p) => run.models[p.modelIndex]?.label ?? `model ${p.modelIndex}`));
  }
  if (inRun.size === 0) return { dataset: run.dataset, queued: 0, alreadyQueued: 0, missing: keys.length };
  const draft = deps.drafts.ensure(run.dataset);
  // A row removed from the draft since the run's version was frozen cannot be reviewed there.
  const present = deps.drafts.byKeys(draft, [...inRun.keys()]);
  const source = reviewSource(run.id);
  const already = deps.review.requested(draft.datasetId, source, [...present.keys()]);
  const fresh = [...present.keys()].filter((k) => !already.has(k));
  deps.review.request(draft.datasetId, source, fresh.map((rowKey) => ({ rowKey, reason: reviewReason(run, inRun.get(rowKey) ?? []) })));
  return { dataset: draft.dataset, queued: fresh.length, alreadyQueued: already.size, missing: keys.length - present.size };
}
