// Handlers of the eval.* commands. Imports: contract types, rpc types and cursors, jobs runner, this domain's
// service, results and review hand-off.
import type { AddReport, CommandArgs } from '../../../shared/contract/index.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { decodeCursor, encodeCursor } from '../platform/rpc/cursor.ts';
import { CommandError, type Handlers } from '../platform/rpc/router.ts';
import type { EvalResults } from './eval-results.ts';
import { sendToReview, type EvalReviewDeps } from './eval-review.ts';
import type { EvalService } from './eval-service.ts';

export type EvalChannels =
  | 'eval.estimate'
  | 'eval.start'
  | 'eval.list'
  | 'eval.show'
  | 'eval.rows'
  | 'eval.row'
  | 'eval.exportPredictions'
  | 'eval.addToTraining'
  | 'eval.sendToReview'
  | 'eval.evaluators.get'
  | 'eval.evaluators.set';

/** The datasets domain's add-rows path (its leakage guard included). */
export type AddRows = (input: CommandArgs<'datasets.addRows'>) => AddReport | Promise<AddReport>;

export function evalHandlers(
  svc: EvalService,
  results: EvalResults,
  jobs: JobRunner,
  addRows: AddRows,
  kindOf: (dataset: string) => string,
  review: Omit<EvalReviewDeps, 'repo'>,
): Pick<Handlers, EvalChannels> {
  return {
    'eval.estimate': (i) => svc.estimate(i),
    'eval.start': (i) => {
      // The estimate first: it checks the version, the models and the judge before anything is stored.
      const estimate = svc.estimate(i);
      const runId = svc.createRun(i);
      const title = `Evaluate ${estimate.dataset}@${estimate.version} with ${i.models.map((m) => m.alias ?? m.model).join(', ')}`;
      const job = jobs.start('eval', { runId, title });
      svc.repo.setJob(runId, job.id);
      return { runId, jobId: job.id, estimate };
    },
    'eval.list': (i) => results.list(i.dataset),
    'eval.show': (i) => results.show(i.runId),
    'eval.rows': (i) => {
      const page = results.rows(i.runId, i.filter, i.model, decodeCursor(i.cursor) ?? -1, i.limit);
      return { total: page.total, items: page.items, nextCursor: page.more && page.last !== null ? encodeCursor(page.last) : null };
    },
    'eval.row': (i) => {
      const row = results.row(i.runId, i.rowKey);
      if (!row) throw new CommandError('not_found', `row ${i.rowKey} is not in evaluation run ${i.runId}`);
      return row;
    },
    'eval.exportPredictions': (i) => results.exportPredictions(i.runId, i.path),
    'eval.addToTraining': (i) => {
      svc.mustRun(i.runId);
      if (kindOf(i.dataset) !== 'training') throw new CommandError('invalid_input', `"${i.dataset}" is not a training dataset: failing eval rows go to a training dataset's draft`);
      return addRows({ dataset: i.dataset, source: { type: 'rows', rowIds: i.rowKeys }, upToCap: false });
    },
    'eval.sendToReview': (i) => sendToReview({ ...review, repo: svc.repo }, svc.mustRun(i.runId), i.rowKeys),
    'eval.evaluators.get': (i) => svc.evaluators(i.dataset, i.rowKey),
    'eval.evaluators.set': (i) => svc.setEvaluators(i.dataset, i.rowKey, i.evaluators),
  };
}
