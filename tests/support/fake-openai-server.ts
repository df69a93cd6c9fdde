// A real HTTP server on 127.0.0.1 speaking the OpenAI /v1/embeddings and /v1/chat/completions shapes,
// for tests that drive the real `openai` client. The only fake in our tests. Imports: node:http.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  body: Record<string, unknown>;
  /** The Authorization header as sent (to check which key went where). */
  authorization: string | undefined;
  at: number;
  /** Status of the answer, once sent. */
  status?: number;
}

export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string };
}

export interface ScriptedFailure {
  status: number;
  /** Sent as Retry-After (seconds). */
  retryAfter?: number;
  body?: unknown;
}

export interface FakeOpenAiServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Most requests in flight at once, per path. */
  maxInFlight: Record<string, number>;
  /** Most requests in flight at once, all paths together. */
  maxInFlightTotal: number;
  /** Requests being answered right now (a reply the client gave up on still counts until its delay ends). */
  inFlightNow(): number;
  /** Width of the fake embeddings. */
  dims: number;
  /** Delay before answering, in ms (to test concurrency and abort). */
  delayMs: number;
  /** Per-request delay (wins over delayMs when set): `index` counts requests to any path, from 0. */
  delayFor: ((req: RecordedRequest, index: number) => number) | null;
  /** Failures served (in order) before normal answers, per path. */
  failures: Record<string, ScriptedFailure[]>;
  /** Produces the assistant text of a chat completion; the default writes a valid cluster name. */
  chatReply: (body: ChatRequestBody, callIndex: number) => string;
  /** Return embedding `data` in reverse order (clients must use `index`). */
  shuffleEmbeddings: boolean;
  /** Forgets recorded requests and puts every scripted behaviour back to its default; call before each test. */
  reset(): void;
  close(): Promise<void>;
}

/** Deterministic unit vector of a text: words hashed into `dims` signed buckets. */
export function fakeEmbedding(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const w of text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)) {
    let h = 2166136261;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
    const slot = (h >>> 1) % dims;
    v[slot] = v[slot]! + (h & 1 ? 1 : -1);
  }
  if (!v.some((x) => x !== 0)) v[0] = 1;
  // Deliberately not unit length: the client must normalise.
  return v.map((x) => x * 3);
}

function defaultChatReply(body: ChatRequestBody): string {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  const kw = /Distinctive keywords: (.*)/.exec(user)?.[1]?.split(', ')[0] ?? 'misc';
  return JSON.stringify({
    name: `${kw} requests`.split(/\s+/).slice(0, 5).join(' '),
    description: `Prompts about ${kw}.`,
    include: `Prompts mainly about ${kw}.`,
    exclude: `Prompts about the neighbouring topics.`,
  });
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeOpenAiServer(opts: { dims?: number } = {}): Promise<FakeOpenAiServer> {
  const inFlight: Record<string, number> = {};
  let inFlightTotal = 0;
  let chatCalls = 0;
  const state: Omit<FakeOpenAiServer, 'baseUrl' | 'close'> = {
    requests: [],
    maxInFlight: {},
    maxInFlightTotal: 0,
    dims: opts.dims ?? 16,
    delayMs: 0,
    delayFor: null,
    failures: {},
    chatReply: defaultChatReply,
    shuffleEmbeddings: false,
    inFlightNow: () => inFlightTotal,
    reset() {
      state.requests.length = 0;
      state.maxInFlight = {};
      state.maxInFlightTotal = 0;
      state.delayMs = 0;
      state.delayFor = null;
      state.failures = {};
      state.chatReply = defaultChatReply;
      state.shuffleEmbeddings = false;
    },
  };
  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '').split('?')[0]!;
      const body = await readBody(req);
      const recorded: RecordedRequest = { path, body, authorization: req.headers.authorization, at: Date.now() };
      state.requests.push(recorded);
      res.on('finish', () => (recorded.status = res.statusCode));
      inFlight[path] = (inFlight[path] ?? 0) + 1;
      state.maxInFlight[path] = Math.max(state.maxInFlight[path] ?? 0, inFlight[path]!);
      state.maxInFlightTotal = Math.max(state.maxInFlightTotal, ++inFlightTotal);
      try {
        const delay = state.delayFor ? state.delayFor(recorded, state.requests.length - 1) : state.delayMs;
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        if (res.destroyed) return;
        const fail = state.failures[path]?.shift();
        if (fail) {
          send(res, fail.status, fail.body ?? { error: { message: `scripted ${fail.status}`, type: 'fake' } }, fail.retryAfter !== undefined ? { 'retry-after': String(fail.retryAfter) } : {});
          return;
        }
        if (path === '/v1/embeddings') {
          const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
          let data = input.map((t, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(t, state.dims) }));
          if (state.shuffleEmbeddings) data = data.reverse();
          const tokens = input.reduce((s, t) => s + t.split(/\s+/).filter(Boolean).length, 0);
          send(res, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
        } else if (path === '/v1/chat/completions') {
          const text = state.chatReply(body as unknown as ChatRequestBody, chatCalls++);
          const prompt = JSON.stringify(body.messages ?? []).length >> 2;
          const completion = text.length >> 2;
          send(res, 200, {
            id: `chatcmpl-${chatCalls}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: body.model,
            choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: text } }],
            usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
          });
        } else {
          send(res, 404, { error: { message: `no route ${path}` } });
        }
      } finally {
        inFlight[path]!--;
        inFlightTotal--;
      }
    })().catch((e: unknown) => {
      // A chatReply may throw { status, retryAfter? } to answer one model with an HTTP error (e.g. 400, 429).
      const scripted = e && typeof e === 'object' ? (e as { status?: number; retryAfter?: number }) : {};
      const headers: Record<string, string> = scripted.retryAfter !== undefined ? { 'retry-after': String(scripted.retryAfter) } : {};
      if (!res.headersSent) send(res, scripted.status ?? 500, { error: { message: String(e instanceof Error ? e.message : (scripted.status ?? e)) } }, headers);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake = state as FakeOpenAiServer;
  fake.baseUrl = `http://127.0.0.1:${port}/v1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
