// Handlers of the judge.* commands. Imports: rpc types and cursors, jobs runner, the judge service.
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { decodeCursor, encodeCursor } from '../../platform/rpc/cursor.ts';
import type { Handlers } from '../../platform/rpc/router.ts';
import type { JudgeService } from './judge-service.ts';

type JudgeChannels =
  | 'judge.estimate'
  | 'judge.run'
  | 'judge.summary'
  | 'judge.results'
  | 'judge.rubric.get'
  | 'judge.rubric.set'
  | 'judge.settings.get'
  | 'judge.settings.set';

export function judgeHandlers(judge: JudgeService, jobs: JobRunner): Pick<Handlers, JudgeChannels> {
  return {
    'judge.estimate': (i) => judge.estimate(i.dataset, i.version, i.model, i.rowKeys),
    'judge.run': (i) => {
      // The estimate first: it checks the dataset, the model and its provider before a job exists.
      const estimate = judge.estimate(i.dataset, i.version, i.model, i.rowKeys);
      if (i.budgetUsd !== undefined && estimate.usd === null) judge.judgeRowsPrecheck(estimate.model);
      const patch = { ...(i.threshold !== undefined ? { threshold: i.threshold } : {}), ...(i.model ? { model: i.model } : {}) };
      if (Object.keys(patch).length > 0) judge.saveSettings(i.dataset, patch);
      const job = jobs.start('judge', {
        dataset: i.dataset,
        version: i.version,
        ...(i.model ? { model: i.model } : {}),
        ...(i.rowKeys ? { rowKeys: i.rowKeys } : {}),
        ...(i.budgetUsd !== undefined ? { budgetUsd: i.budgetUsd } : {}),
      });
      return { jobId: job.id, estimate };
    },
    'judge.summary': (i) => judge.summary(i.dataset, i.version, i.model),
    'judge.results': (i) => {
      const after = decodeCursor(i.cursor) ?? -1;
      const all = judge.results(i.dataset, i.version, i.model, i.filter);
      const rest = all.filter((r) => r.rowKey > after);
      const items = rest.slice(0, i.limit);
      const last = items[items.length - 1];
      return { total: all.length, items, nextCursor: rest.length > i.limit && last ? encodeCursor(last.rowKey) : null };
    },
    'judge.rubric.get': (i) => judge.rubric(i.dataset),
    'judge.rubric.set': (i) => judge.setRubric(i.dataset, i.rubric),
    'judge.settings.get': (i) => judge.settings(i.dataset),
    'judge.settings.set': (i) => judge.saveSettings(i.dataset, i.patch),
  };
}
