// The curate.* commands: start a run, its summary, rows by stage, per-row overrides, moving the threshold (no new
// calls) and the histogram of judge scores. Imports: contract types, rpc errors, jobs runner, datasets index, this
// domain's repository and views.
import type { CurateStage } from '../../../shared/contract/index.ts';
import type { DraftAccess, DraftHandle } from '../datasets/index.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { CommandError, type Handlers } from '../platform/rpc/router.ts';
import type { CurateRepository, Scope } from './curate-repository.ts';
import { rowView, rowViews, runJudge, stageParams, summaryOf } from './curate-views.ts';

type CurateChannel = 'curate.run' | 'curate.summary' | 'curate.rows' | 'curate.override' | 'curate.setThreshold' | 'curate.scores';

export function keyCursor(cursor: string | undefined): number {
  if (cursor === undefined) return -1;
  const m = /^k:(\d+)$/.exec(cursor);
  if (!m) throw new CommandError('invalid_input', `"${cursor}" is not a cursor returned by a previous page`);
  return Number(m[1]);
}

export interface Located {
  datasetId: number;
  dataset: string;
  draft: DraftHandle;
  scope: Scope;
}

/** The dataset's draft with a curation run over it, or an error that says what to do first. */
export function mustCurated(drafts: DraftAccess, repo: CurateRepository, name: string): Located {
  const found = drafts.find(name);
  if (!found.draft) throw new CommandError('conflict', `"${found.dataset}" has no draft: add rows or edit a row to start one, then run curation`);
  if (!repo.run(found.datasetId)) throw new CommandError('conflict', `"${found.dataset}" has not been curated yet: run curation first (winnow curate ${found.dataset})`);
  return { datasetId: found.datasetId, dataset: found.dataset, draft: found.draft, scope: { datasetId: found.datasetId, versionId: found.draft.versionId } };
}

export function pageOf(drafts: DraftAccess, repo: CurateRepository, at: Located, stage: CurateStage, pendingOnly: boolean, cursor: string | undefined, limit: number) {
  const p = stageParams(repo.run(at.datasetId));
  const records = repo.page(at.scope, stage, pendingOnly, p, keyCursor(cursor), limit);
  const rows = drafts.byKeys(at.draft, records.map((r) => r.row_key));
  const last = records[records.length - 1];
  return {
    total: repo.count(at.scope, stage, pendingOnly, p),
    items: rowViews(records, rows, p),
    nextCursor: records.length === limit && last ? `k:${last.row_key}` : null,
  };
}

export function viewOf(drafts: DraftAccess, repo: CurateRepository, at: Located, rowKey: number) {
  const p = stageParams(repo.run(at.datasetId));
  const record = repo.row(at.datasetId, rowKey, p);
  const row = drafts.byKeys(at.draft, [rowKey]).get(rowKey);
  if (!record || !row) {
    throw new CommandError('not_found', row ? `row ${rowKey} was added after the last curation run: run curation again` : `row ${rowKey} is not in the draft of "${at.dataset}"`);
  }
  return rowView(record, row, p);
}

export function curateHandlers(deps: { drafts: DraftAccess; repo: CurateRepository; jobs: JobRunner; now: () => number }): Pick<Handlers, CurateChannel> {
  const { drafts, repo } = deps;
  return {
    'curate.run': (input) => {
      if (input.judge?.rubric !== undefined) {
        throw new CommandError('invalid_input', `the judge scores against the dataset's rubric: set it with judge.rubric.set (Curate → Rubric), then run curation without a rubric`);
      }
      // Checked now, so a wrong name is an answer rather than a failed job.
      drafts.ensure(input.dataset);
      return { jobId: deps.jobs.start('curate', input).id };
    },
    'curate.summary': ({ dataset }) => {
      const found = drafts.find(dataset);
      return summaryOf(repo, found.dataset, found.datasetId, found.draft);
    },
    'curate.rows': ({ dataset, stage, cursor, limit }) => pageOf(drafts, repo, mustCurated(drafts, repo, dataset), stage, false, cursor, limit),
    'curate.override': ({ dataset, rowKey, action }) => {
      const at = mustCurated(drafts, repo, dataset);
      viewOf(drafts, repo, at, rowKey);
      repo.write(() => repo.setOverride(at.datasetId, rowKey, action, deps.now()));
      return viewOf(drafts, repo, at, rowKey);
    },
    'curate.setThreshold': ({ dataset, threshold, margin }) => {
      const at = mustCurated(drafts, repo, dataset);
      const judge = runJudge(repo.run(at.datasetId));
      if (!judge) throw new CommandError('conflict', `the last curation of "${at.dataset}" ran without the judge: there is no threshold to move`);
      repo.write(() => repo.setJudgeSettings(at.datasetId, { ...judge, threshold, margin: margin ?? judge.margin }));
      return summaryOf(repo, at.dataset, at.datasetId, at.draft);
    },
    'curate.scores': ({ dataset, bins }) => {
      const found = drafts.find(dataset);
      const run = repo.run(found.datasetId);
      const judge = runJudge(run);
      const counts = new Array<number>(bins).fill(0);
      if (found.draft && run) {
        for (const s of repo.scores({ datasetId: found.datasetId, versionId: found.draft.versionId })) counts[Math.min(bins - 1, Math.max(0, Math.floor(s * bins)))]!++;
      }
      return {
        threshold: judge?.threshold ?? null,
        margin: judge?.margin ?? null,
        bins: counts.map((count, i) => ({ from: i / bins, to: (i + 1) / bins, count })),
      };
    },
  };
}
