// Handlers of the generate.* commands. Imports: rpc types, jobs runner, the generation service.
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import type { Handlers } from '../platform/rpc/router.ts';
import type { GenerateService } from './generate-service.ts';

export function generateHandlers(service: GenerateService, jobs: JobRunner): Pick<Handlers, 'generate.estimate' | 'generate.start' | 'generate.alternatives'> {
  return {
    'generate.estimate': (input) => service.estimate(input),
    'generate.start': (input) => {
      // Prompts, models, prices and the dataset are checked before a job exists: a mistake is an answer, not a failed job.
      const { params, estimate } = service.prepare(input);
      return { jobId: jobs.start('generate', params).id, estimate };
    },
    'generate.alternatives': ({ dataset, rowId }) => service.alternatives(dataset, rowId),
  };
}
