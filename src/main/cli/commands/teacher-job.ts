// What `winnow generate` and `winnow relabel` share: model names from the command line, the estimate's lines,
// and waiting for the job with the running total on stderr and Ctrl-C as cancel. Imports: core, contract, CLI helpers.
import type { Job, ModelRef, TeacherEstimate } from '../../../shared/contract/index.ts';
import type { Core } from '../../core/create-core.ts';
import { UsageError } from '../output.ts';

export function modelOf(name: string | undefined, provider: string | undefined): ModelRef | undefined {
  if (!name) return undefined;
  return { model: name, ...(provider ? { provider } : {}) };
}

export function numberFlag(flag: string, value: string | undefined, check: (n: number) => boolean, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`${flag} must be ${what}, not "${value}"`);
  return n;
}

const usd = (v: number | null): string => (v === null ? 'unknown (a model has no price)' : `$${v.toFixed(4)}`);

export function teacherEstimateLines(e: TeacherEstimate): string[] {
  return [
    `${e.dataset}: ${e.prompts} prompts with ${e.models.map((m) => `${m.role} ${m.model} (${m.provider})`).join(', ')}`,
    `at most ${e.calls} calls, ${e.inputTokens} input tokens, up to ${e.outputTokens} output tokens: ${usd(e.usd)}`,
  ];
}

/** Waits for the job; the running total goes to stderr (a terminal only), so stdout stays one JSON document. */
export async function waitWithProgress(core: Core, jobId: number): Promise<Job> {
  const onSigint = (): void => void core.invoke('jobs.cancel', { id: jobId });
  process.once('SIGINT', onSigint);
  const off = process.stderr.isTTY
    ? core.events.on((e) => {
        if (e.name === 'job.progress' && e.payload.job.id === jobId) process.stderr.write(`\r${e.payload.job.done}/${e.payload.job.total ?? '?'} ${e.payload.job.phase}   `);
      })
    : () => undefined;
  try {
    return await core.jobs.waitFor(jobId);
  } finally {
    off();
    process.off('SIGINT', onSigint);
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}
