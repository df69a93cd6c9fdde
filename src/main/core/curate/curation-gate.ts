// Curation's answer to what datasets asks when a draft is frozen or exported: the rows it dropped (by review,
// override, filter or judge) and the recipe lines (filters, judge settings, counts) of the run.
// Imports: datasets index (the gate's type), this domain's repository and views.
import type { CurationGate } from '../datasets/index.ts';
import type { CurateRepository } from './curate-repository.ts';
import { runJudge, runReview, stageParams } from './curate-views.ts';

export function curationGate(repo: CurateRepository): CurationGate {
  return {
    droppedKeys(datasetId, versionId) {
      const run = repo.run(datasetId);
      return run ? new Set(repo.droppedKeys({ datasetId, versionId }, stageParams(run))) : new Set();
    },
    recipe(datasetId) {
      const run = repo.run(datasetId);
      if (!run) return null;
      const filters = JSON.parse(run.filters_json) as { applied: unknown[] };
      const counts = JSON.parse(run.counts_json) as { decided: Record<string, number> };
      return {
        filters: filters.applied,
        judge: runJudge(run),
        review: runReview(run),
        curation: { runAt: run.run_at, rows: run.row_count, droppedByFilter: counts.decided, cost: { usd: run.cost_usd, tokens: run.tokens } },
      };
    },
  };
}
