// The export domain as the core sees it: the export job and the datasets.export / datasets.exports commands.
// Also hands out the OpenAI JSONL writer. Imports: node:path, this domain's job and writers, datasets index
// (version access), platform types.
import { resolve } from 'node:path';
import type { CoreModule } from '../platform/core-module.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import type { VersionAccess } from '../datasets/index.ts';
import { createExportJob, draftWarning, type ExportDeps, type PiiCounterLike } from './export-job.ts';

/** The OpenAI chat fine-tuning JSONL writer, for the fine-tuning hand-off (the file it uploads is this export). */
export { writeOpenAiJsonl } from './writers/openai-jsonl.ts';
export type { FileResult } from './writers/types.ts';
export type { ExportResult, PiiCounterLike, TrainingTarget } from './export-job.ts';

export function exportModule(deps: { versions: VersionAccess; jobs: JobRunner; now: () => number; winnowVersion: string; piiCounter?: () => PiiCounterLike; responses?: ExportDeps['responses'] }): CoreModule {
  return {
    jobs: [createExportJob(deps.versions, deps)],
    handlers: {
      'datasets.export': (input) => {
        // Checked now, so a wrong name or version is an answer, not a failed job.
        const handle = deps.versions.resolve(input.dataset, input.version, { curated: true });
        const job = deps.jobs.start('export', { ...input, out: resolve(input.out) });
        return { jobId: job.id, warning: draftWarning(handle) };
      },
      'datasets.exports': ({ dataset }) => deps.versions.exports(dataset),
    },
  };
}
