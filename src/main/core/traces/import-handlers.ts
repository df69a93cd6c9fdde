// Handlers of the imports.* commands: start an import job, list files, page rejected lines and notices.
// Imports: db repository, jobs, rpc helpers.
import type { ImportRepository } from './import-repository.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { decodeCursor, page } from '../platform/rpc/cursor.ts';
import type { Handlers } from '../platform/rpc/router.ts';

export function importHandlers(imports: ImportRepository, jobs: JobRunner): Pick<Handlers, 'imports.start' | 'imports.files' | 'imports.rejected' | 'imports.notices'> {
  return {
    'imports.start': ({ paths, format, multiTurn }) => {
      const job = jobs.start('import', { paths, format, multiTurn });
      return { jobId: job.id };
    },
    'imports.files': () => imports.list(),
    'imports.rejected': ({ fileId, cursor, limit }) => {
      const { total, items } = imports.rejectedLines(fileId, decodeCursor(cursor), limit);
      return { total, ...page(items, limit) };
    },
    'imports.notices': ({ fileId, code, cursor, limit }) => {
      const { total, items } = imports.noticeLines(fileId, code, decodeCursor(cursor), limit);
      return { total, ...page(items, limit) };
    },
  };
}
