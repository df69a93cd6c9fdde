// Handlers of the relabel.* commands. Imports: rpc types, jobs runner, the relabelling service.
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import type { Handlers } from '../platform/rpc/router.ts';
import type { RelabelService } from './relabel-service.ts';

export function relabelHandlers(service: RelabelService, jobs: JobRunner): Pick<Handlers, 'relabel.estimate' | 'relabel.start' | 'relabel.results' | 'relabel.setTarget'> {
  return {
    'relabel.estimate': (input) => service.estimate(input),
    'relabel.start': (input) => {
      // The draft, the models and their prices are checked before a job exists.
      const estimate = service.estimate(input);
      return { jobId: jobs.start('relabel', input).id, estimate };
    },
    'relabel.results': ({ dataset, offset, limit }) => service.results(dataset, offset, limit),
    'relabel.setTarget': ({ dataset, target }) => service.setTarget(dataset, target),
  };
}
