// The fake OpenAI-compatible server on a thread of its own, so a benchmark measures the client side alone (the
// server's JSON and HTTP work would otherwise share the measured event loop). Replies are judge-shaped JSON.
// Imports: node:worker_threads, the fake server.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { startFakeOpenAiServer } from '../../tests/support/fake-openai-server.ts';

export interface ServerThread {
  baseUrl: string;
  setDelay(ms: number): Promise<void>;
  /** Requests answered since the last call, then forgets them. */
  takeCount(): Promise<number>;
  /** Most requests in flight at once since the last call, then forgets it: the concurrency the client reached. */
  takePeak(): Promise<number>;
  close(): Promise<void>;
}

type Msg = { id: number; op: 'delay'; ms: number } | { id: number; op: 'count' } | { id: number; op: 'peak' } | { id: number; op: 'close' };

if (!isMainThread && (workerData as { fakeServer?: boolean } | null)?.fakeServer) {
  const server = await startFakeOpenAiServer();
  server.chatReply = (body) => {
    const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
    const k = Number(/request (\d+)/.exec(user)?.[1] ?? 0) % 100;
    return JSON.stringify({ helpfulness: k / 100, relevance: 0.9, format: 1, overall: k / 100, rationale: 'A fixed rationale sentence for the benchmark.' });
  };
  parentPort!.postMessage({ baseUrl: server.baseUrl });
  parentPort!.on('message', (m: Msg) => {
    void (async () => {
      if (m.op === 'delay') server.delayMs = m.ms;
      let value: unknown = null;
      if (m.op === 'count') {
        value = server.requests.length;
        server.requests.length = 0;
      }
      if (m.op === 'peak') {
        value = server.maxInFlightTotal;
        server.maxInFlightTotal = 0;
      }
      if (m.op === 'close') await server.close();
      parentPort!.postMessage({ id: m.id, value });
      if (m.op === 'close') parentPort!.close();
    })();
  });
}

export async function startServerThread(): Promise<ServerThread> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { fakeServer: true } });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    worker.once('message', (m: { baseUrl: string }) => resolve(m.baseUrl));
    worker.once('error', reject);
  });
  let seq = 0;
  const ask = (m: Record<string, unknown>): Promise<unknown> =>
    new Promise((resolve) => {
      const id = ++seq;
      const on = (r: { id?: number; value: unknown }): void => {
        if (r.id !== id) return;
        worker.off('message', on);
        resolve(r.value);
      };
      worker.on('message', on);
      worker.postMessage({ ...m, id });
    });
  return {
    baseUrl,
    setDelay: async (ms) => void (await ask({ op: 'delay', ms })),
    takeCount: async () => (await ask({ op: 'count' })) as number,
    takePeak: async () => (await ask({ op: 'peak' })) as number,
    close: async () => {
      await ask({ op: 'close' });
      await worker.terminate();
    },
  };
}
