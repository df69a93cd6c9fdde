// A real HTTP server on 127.0.0.1 speaking OpenAI's files and fine-tuning job shapes, for tests that drive the
// real `openai` client through a fine-tuning hand-off. Deterministic per base model name: a model whose name
// contains "fail" fails with an error, any other succeeds; each poll of a job moves it one step along
// validating_files → queued → running → running → succeeded, unless `hold` keeps jobs running. Imports: node:http
// types, the loopback server helper.
import type { IncomingMessage } from 'node:http';
import { sendJson as send, serveOnLoopback } from './loopback-server.ts';

export interface UploadedFile {
  id: string;
  filename: string;
  purpose: string;
  /** The file part's bytes exactly as sent. */
  content: Buffer;
}

export interface CreatedJobBody {
  model: string;
  training_file: string;
  validation_file?: string;
  suffix?: string;
  hyperparameters?: { n_epochs?: number };
}

export interface FakeJob {
  id: string;
  body: CreatedJobBody;
  /** Statuses still to come, one per poll. */
  script: string[];
  status: string;
  fineTunedModel: string | null;
  error: { code: string; message: string; param: string | null } | null;
  events: { id: string; created_at: number; level: string; message: string }[];
  createdAt: number;
}

export interface FakeFinetuneServer {
  baseUrl: string;
  uploads: UploadedFile[];
  jobs: FakeJob[];
  /** Every request as `METHOD /path`, in order. */
  requests: string[];
  /** While true, polls leave running jobs running (to stop a follower mid-way). */
  hold: boolean;
  /** Job creations carried out but answered 502 (as a gateway that lost the reply would), with retry-after-ms 1. */
  lostCreateReplies: number;
  /** Error statuses answered (in order) before normal answers, per `METHOD /path` prefix. */
  failures: Record<string, number[]>;
  reset(): void;
  close(): Promise<void>;
}

const STEPS = ['queued', 'running', 'running'];
export const FAILURE_MESSAGE = 'The training file has 3 examples with no assistant message.';

/** The model name the fake gives a finished job, as OpenAI's `ft:BASE:ORG:SUFFIX:ID`. */
export function fakeModelName(job: Pick<FakeJob, 'id' | 'body'>): string {
  return `ft:${job.body.model}:winnow-test:${job.body.suffix ?? 'custom'}:${job.id.slice(-6)}`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The parts of a multipart/form-data body, by field name, as raw bytes. */
function multipart(body: Buffer, contentType: string): Map<string, { filename: string | null; data: Buffer }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const parts = new Map<string, { filename: string | null; data: Buffer }>();
  if (!boundary) return parts;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // after CRLF, before the CRLF that precedes the delimiter
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const name = /name="([^"]*)"/.exec(headers)?.[1];
    if (name !== undefined) parts.set(name, { filename: /filename="([^"]*)"/.exec(headers)?.[1] ?? null, data: Buffer.from(part.subarray(split + 4)) });
    at = next;
  }
  return parts;
}

function jobJson(job: FakeJob): Record<string, unknown> {
  return {
    id: job.id,
    object: 'fine_tuning.job',
    created_at: job.createdAt,
    model: job.body.model,
    training_file: job.body.training_file,
    validation_file: job.body.validation_file ?? null,
    status: job.status,
    fine_tuned_model: job.fineTunedModel,
    error: job.error,
    trained_tokens: job.status === 'succeeded' ? 1234 : null,
    hyperparameters: { n_epochs: job.body.hyperparameters?.n_epochs ?? 'auto' },
    result_files: [],
    organization_id: 'org-winnow-test',
    seed: 42,
    finished_at: null,
  };
}

export async function startFakeFinetuneServer(): Promise<FakeFinetuneServer> {
  let nextId = 0;
  const id = (prefix: string): string => `${prefix}-${String(++nextId).padStart(6, '0')}`;
  const state: Omit<FakeFinetuneServer, 'baseUrl' | 'close'> = {
    uploads: [],
    jobs: [],
    requests: [],
    hold: false,
    lostCreateReplies: 0,
    failures: {},
    reset() {
      state.uploads.length = 0;
      state.jobs.length = 0;
      state.requests.length = 0;
      state.hold = false;
      state.lostCreateReplies = 0;
      state.failures = {};
    },
  };
  const event = (job: FakeJob, level: string, message: string): void => {
    job.events.unshift({ id: id('ftevent'), created_at: Math.floor(Date.now() / 1000), level, message });
  };
  const advance = (job: FakeJob): void => {
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return;
    if (state.hold && job.status === 'running') return;
    const next = job.script.shift();
    if (!next || next === job.status) return;
    job.status = next;
    if (next === 'succeeded') {
      job.fineTunedModel = fakeModelName(job);
      event(job, 'info', `New fine-tuned model created: ${job.fineTunedModel}`);
    } else if (next === 'failed') {
      job.error = { code: 'invalid_training_file', message: FAILURE_MESSAGE, param: 'training_file' };
      event(job, 'error', `Fine-tuning job failed: ${FAILURE_MESSAGE}`);
    } else {
      event(job, 'info', next === 'running' ? 'Fine-tuning job started' : 'Files validated, job queued');
    }
  };

  const server = await serveOnLoopback(async (req, res) => {
      const method = req.method ?? 'GET';
      const path = (req.url ?? '').split('?')[0]!;
      const body = await readBody(req);
      const key = `${method} ${path}`;
      state.requests.push(key);
      const failing = Object.keys(state.failures).find((prefix) => key.startsWith(prefix) && (state.failures[prefix]?.length ?? 0) > 0);
      if (failing) {
        const status = state.failures[failing]!.shift()!;
        send(res, status, { error: { message: `scripted ${status}`, type: 'fake' } });
        return;
      }
      let m: RegExpExecArray | null;
      if (key === 'POST /v1/files') {
        const parts = multipart(body, req.headers['content-type'] ?? '');
        const file = parts.get('file');
        if (!file) return send(res, 400, { error: { message: 'no file part' } });
        const upload: UploadedFile = { id: id('file'), filename: file.filename ?? '', purpose: parts.get('purpose')?.data.toString('utf8') ?? '', content: file.data };
        state.uploads.push(upload);
        return send(res, 200, { id: upload.id, object: 'file', bytes: upload.content.length, created_at: Math.floor(Date.now() / 1000), filename: upload.filename, purpose: upload.purpose, status: 'processed' });
      }
      if (key === 'POST /v1/fine_tuning/jobs') {
        const b = JSON.parse(body.toString('utf8')) as CreatedJobBody;
        if (!state.uploads.some((u) => u.id === b.training_file)) return send(res, 400, { error: { message: `no file ${b.training_file}`, param: 'training_file' } });
        const job: FakeJob = {
          id: id('ftjob'),
          body: b,
          script: [...STEPS, b.model.includes('fail') ? 'failed' : 'succeeded'],
          status: 'validating_files',
          fineTunedModel: null,
          error: null,
          events: [],
          createdAt: Math.floor(Date.now() / 1000),
        };
        event(job, 'info', `Created fine-tuning job: ${job.id}`);
        state.jobs.push(job);
        if (state.lostCreateReplies > 0) {
          state.lostCreateReplies--;
          res.writeHead(502, { 'content-type': 'application/json', 'retry-after-ms': '1' });
          return void res.end(JSON.stringify({ error: { message: 'bad gateway', type: 'fake' } }));
        }
        return send(res, 200, jobJson(job));
      }
      if (key === 'GET /v1/fine_tuning/jobs') {
        return send(res, 200, { object: 'list', data: [...state.jobs].reverse().map(jobJson), has_more: false });
      }
      if ((m = /^GET \/v1\/fine_tuning\/jobs\/([^/]+)$/.exec(key))) {
        const job = state.jobs.find((j) => j.id === m![1]);
        if (!job) return send(res, 404, { error: { message: `no job ${m[1]}` } });
        advance(job);
        return send(res, 200, jobJson(job));
      }
      if ((m = /^GET \/v1\/fine_tuning\/jobs\/([^/]+)\/events$/.exec(key))) {
        const job = state.jobs.find((j) => j.id === m![1]);
        if (!job) return send(res, 404, { error: { message: `no job ${m[1]}` } });
        return send(res, 200, { object: 'list', data: job.events.map((e) => ({ ...e, object: 'fine_tuning.job.event', type: 'message', data: {} })), has_more: false });
      }
      if ((m = /^POST \/v1\/fine_tuning\/jobs\/([^/]+)\/cancel$/.exec(key))) {
        const job = state.jobs.find((j) => j.id === m![1]);
        if (!job) return send(res, 404, { error: { message: `no job ${m[1]}` } });
        job.status = 'cancelled';
        event(job, 'info', 'Fine-tuning job cancelled');
        return send(res, 200, jobJson(job));
      }
      send(res, 404, { error: { message: `no route ${key}` } });
  });
  const fake = state as FakeFinetuneServer;
  fake.baseUrl = server.baseUrl;
  fake.close = server.close;
  return fake;
}
