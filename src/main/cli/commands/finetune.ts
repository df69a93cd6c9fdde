// `winnow finetune`: send a frozen training version to a provider's fine-tuning API and follow it to the end
// (status on stderr), and `winnow finetune status ID`: what a fine-tune recorded. Imports: core, contract types,
// datasets index (version parsing), CLI output helpers.
import type { Finetune } from '../../../shared/contract/index.ts';
import type { Core } from '../../core/create-core.ts';
import { parseVersioned } from '../../core/datasets/index.ts';
import { UsageError, printJson, printLines } from '../output.ts';

export interface FinetuneCliOptions {
  provider: string | undefined;
  model: string | undefined;
  suffix: string | undefined;
  epochs: string | undefined;
  json: boolean;
}

const USAGE = 'usage: winnow finetune NAME@vN --provider P --model BASE [--suffix S] [--epochs N], or winnow finetune status ID';

function lines(f: Finetune): string[] {
  return [
    `fine-tune ${f.id}: ${f.dataset}@${f.version} on ${f.baseModel} (${f.provider}): ${f.status}`,
    ...(f.remoteJobId ? [`provider job ${f.remoteJobId}; files ${[f.trainingFileId, f.validationFileId].filter(Boolean).join(', ')}`] : []),
    ...(f.fineTunedModel ? [`model: ${f.fineTunedModel}`] : []),
    ...(f.error ? [`error: ${f.error}`] : []),
  ];
}

function show(f: Finetune, json: boolean): void {
  if (json) printJson(f);
  else printLines(lines(f));
}

export async function finetuneCommand(core: Core, args: string[], opts: FinetuneCliOptions): Promise<number> {
  if (args[0] === 'status') {
    const id = Number(args[1]);
    if (args.length !== 2 || !Number.isInteger(id) || id <= 0) throw new UsageError(USAGE);
    show(await core.invoke('finetune.status', { id }), opts.json);
    return 0;
  }
  if (args.length !== 1 || !args[0]) throw new UsageError(USAGE);
  if (!opts.model) throw new UsageError(`--model is required: the base model to fine-tune (${USAGE})`);
  const ref = parseVersioned(args[0]);
  const epochs = opts.epochs === undefined ? undefined : Number(opts.epochs);
  if (epochs !== undefined && (!Number.isInteger(epochs) || epochs < 1 || epochs > 50)) throw new UsageError(`--epochs must be a whole number from 1 to 50, not "${opts.epochs}"`);
  const { finetune, jobId } = await core.invoke('finetune.start', {
    dataset: ref.name,
    version: ref.version ?? 'draft',
    // Without --provider, the endpoint the environment describes (OPENAI_BASE_URL, OPENAI_API_KEY).
    provider: opts.provider ?? 'env',
    baseModel: opts.model,
    ...(opts.suffix ? { suffix: opts.suffix } : {}),
    ...(epochs !== undefined ? { hyperparameters: { n_epochs: epochs } } : {}),
  });
  process.stderr.write(`fine-tune ${finetune.id} (job ${jobId}): ${finetune.dataset}@${finetune.version} on ${finetune.baseModel}\n`);
  // Ctrl-C stops following (the provider's job goes on); `winnow resume JOB` follows it again.
  const onSigint = (): void => void core.invoke('jobs.cancel', { id: jobId });
  process.once('SIGINT', onSigint);
  let phase = '';
  const off = core.events.on((e) => {
    if (e.name !== 'job.progress' || e.payload.job.id !== jobId || e.payload.job.phase === phase) return;
    phase = e.payload.job.phase;
    process.stderr.write(`${phase}\n`);
  });
  const job = await core.jobs.waitFor(jobId);
  off();
  process.off('SIGINT', onSigint);
  const final = await core.invoke('finetune.status', { id: finetune.id });
  show(final, opts.json);
  if (job.status !== 'succeeded') {
    process.stderr.write(`winnow: fine-tune ${job.status}${job.error ? `: ${job.error}` : ''}${job.status === 'failed' && final.remoteJobId ? '' : ` (resume with: winnow resume ${jobId})`}\n`);
    return 1;
  }
  return 0;
}
