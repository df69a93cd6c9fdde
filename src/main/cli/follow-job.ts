// Waits for a job a CLI command started: Ctrl-C cancels it, its progress (and spend) shows on stderr when that
// is a terminal, and a job that did not succeed is reported with how to resume it. Imports: core, contract.
import type { Job } from '../../shared/contract/index.ts';
import type { Core } from '../core/create-core.ts';

/** The settled job, or null (after saying why on stderr, with `hint`) when it did not succeed. */
export async function followJob(core: Core, jobId: number, what: string, hint = ''): Promise<Job | null> {
  const onSigint = (): void => void core.invoke('jobs.cancel', { id: jobId });
  process.once('SIGINT', onSigint);
  // The running total, on stderr so stdout stays one JSON document.
  const off = process.stderr.isTTY
    ? core.events.on((e) => {
        if (e.name === 'job.progress' && e.payload.job.id === jobId) process.stderr.write(`\r${e.payload.job.done}/${e.payload.job.total ?? '?'} ${e.payload.job.phase}   `);
      })
    : () => undefined;
  const job = await core.jobs.waitFor(jobId);
  off();
  process.off('SIGINT', onSigint);
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (job.status === 'succeeded') return job;
  process.stderr.write(`winnow: ${what} ${job.status}${job.error ? `: ${job.error}` : ''} (resume with: winnow resume ${jobId}${hint})\n`);
  return null;
}
