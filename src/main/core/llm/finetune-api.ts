// A provider's OpenAI-compatible fine-tuning API (file upload, jobs, events, cancel) on the endpoint's one
// `openai` client, under its limit and retries. Plain shapes out, so callers never see the SDK's types.
// Imports: node:fs, openai, sibling llm types.
import { createReadStream } from 'node:fs';
import OpenAI, { toFile } from 'openai';
import type { CallContext } from './chat-types.ts';

/** The endpoint's send: the request under its limiter and retry policy. */
export type SendThrough = <T>(request: (signal: AbortSignal | undefined, timeout: { timeout?: number }) => Promise<T>, call: CallContext) => Promise<{ res: T }>;

/** Jobs looked through for one already made on a file: a job is looked for right after it was created. */
const RECENT = 20;

export type RemoteFineTuneStatus = 'validating_files' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface RemoteFineTuneJob {
  id: string;
  status: RemoteFineTuneStatus;
  model: string;
  trainingFile: string;
  validationFile: string | null;
  fineTunedModel: string | null;
  /** The provider's message (with its code) when the job failed. */
  error: string | null;
  trainedTokens: number | null;
}

export interface RemoteFineTuneEvent {
  id: string;
  /** Epoch ms. */
  at: number;
  level: string;
  message: string;
}

export interface NewFineTuneJob {
  model: string;
  trainingFile: string;
  validationFile: string | null;
  suffix: string | null;
  nEpochs: number | null;
}

function plainJob(job: OpenAI.FineTuning.FineTuningJob): RemoteFineTuneJob {
  const error = job.error ? [job.error.message, job.error.code ? `(${job.error.code})` : ''].filter(Boolean).join(' ') : null;
  return {
    id: job.id,
    status: job.status,
    model: job.model,
    trainingFile: job.training_file,
    validationFile: job.validation_file ?? null,
    fineTunedModel: job.fine_tuned_model ?? null,
    error,
    trainedTokens: job.trained_tokens ?? null,
  };
}

export class FineTuningApi {
  readonly #client: OpenAI;
  readonly #send: SendThrough;

  constructor(client: OpenAI, send: SendThrough) {
    this.#client = client;
    this.#send = send;
  }

  /** Uploads a JSONL file with purpose `fine-tune`; the file is read afresh on each attempt. */
  async uploadFile(path: string, name: string, call: CallContext): Promise<{ id: string; bytes: number }> {
    const { res } = await this.#send(async (signal, timeout) => this.#client.files.create({ file: await toFile(createReadStream(path), name), purpose: 'fine-tune' }, { signal, ...timeout }), call);
    return { id: res.id, bytes: res.bytes };
  }

  /**
   * Creates the job. A retry after an error may follow a create the server did carry out (the reply was lost): each
   * retry first looks for a recent job training on this file and returns it, so one call never makes two jobs.
   */
  async createJob(job: NewFineTuneJob, call: CallContext): Promise<RemoteFineTuneJob> {
    const body: OpenAI.FineTuning.JobCreateParams = {
      model: job.model,
      training_file: job.trainingFile,
      ...(job.validationFile ? { validation_file: job.validationFile } : {}),
      ...(job.suffix ? { suffix: job.suffix } : {}),
      ...(job.nEpochs !== null ? { hyperparameters: { n_epochs: job.nEpochs } } : {}),
    };
    let attempt = 0;
    const { res } = await this.#send(async (signal, timeout) => {
      if (attempt++ > 0) {
        const recent = await this.#client.fineTuning.jobs.list({ limit: RECENT }, { signal, ...timeout });
        const made = recent.data.find((j) => j.training_file === job.trainingFile);
        if (made) return made;
      }
      return this.#client.fineTuning.jobs.create(body, { signal, ...timeout });
    }, call);
    return plainJob(res);
  }

  async retrieveJob(id: string, call: CallContext): Promise<RemoteFineTuneJob> {
    const { res } = await this.#send((signal, timeout) => this.#client.fineTuning.jobs.retrieve(id, { signal, ...timeout }), call);
    return plainJob(res);
  }

  /** The most recent jobs (one page), to find one created just before a crash. */
  async recentJobs(call: CallContext): Promise<RemoteFineTuneJob[]> {
    const { res } = await this.#send((signal, timeout) => this.#client.fineTuning.jobs.list({ limit: RECENT }, { signal, ...timeout }), call);
    return res.data.map(plainJob);
  }

  /** The newest events (one page), newest first. */
  async events(id: string, limit: number, call: CallContext): Promise<RemoteFineTuneEvent[]> {
    const { res } = await this.#send((signal, timeout) => this.#client.fineTuning.jobs.listEvents(id, { limit }, { signal, ...timeout }), call);
    return res.data.map((e) => ({ id: e.id, at: e.created_at * 1000, level: e.level, message: e.message }));
  }

  async cancelJob(id: string, call: CallContext): Promise<RemoteFineTuneJob> {
    const { res } = await this.#send((signal, timeout) => this.#client.fineTuning.jobs.cancel(id, { signal, ...timeout }), call);
    return plainJob(res);
  }
}
