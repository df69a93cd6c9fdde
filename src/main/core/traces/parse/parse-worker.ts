// Owns: the worker-thread side of parseFileInWorker: read the file and post batches (or their projection),
// never more than the window ahead of the consumer.
// Imports: node:worker_threads, ingest reader and protocol.

import { parentPort, workerData } from 'node:worker_threads';
import type { RecordBatch } from './types.ts';
import type { MainMessage, ParseWorkerInput, ProjectBatch, WorkerMessage } from './worker-protocol.ts';
import { readTraceFile } from './read-trace-file.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker must run as a worker thread');
const input = workerData as ParseWorkerInput;

let credits = input.window;
let wake: (() => void) | null = null;
port.on('message', (message: MainMessage) => {
  if (message.type !== 'ack') return;
  credits++;
  wake?.();
  wake = null;
});

const post = (message: WorkerMessage): void => port.postMessage(message);

async function loadProjection(): Promise<(batch: RecordBatch) => unknown> {
  if (!input.projection) return (batch) => batch;
  const { url, options } = input.projection;
  const module = (await import(url)) as { projectBatch?: ProjectBatch<unknown> };
  const project = module.projectBatch;
  if (typeof project !== 'function') throw new Error(`${url} does not export a projectBatch function`);
  return (batch) => project(batch, options);
}

try {
  const project = await loadProjection();
  for await (const batch of readTraceFile(input.path, input.opts)) {
    const payload = project(batch);
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    post({ type: 'batch', batch: payload });
  }
  post({ type: 'done' });
} catch (e) {
  const error = e instanceof Error ? e : new Error(String(e));
  post({ type: 'error', name: error.name, message: error.message, stack: error.stack });
}
