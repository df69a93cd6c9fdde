// Owns: the worker-thread side of parseFileInWorker: read the file and post batches, never more than the window ahead.
// Imports: node:worker_threads, ingest reader and protocol.

import { parentPort, workerData } from 'node:worker_threads';
import type { MainMessage, ParseWorkerInput, WorkerMessage } from './worker-protocol.ts';
import { readTraceFile } from './read-trace-file.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts must run as a worker thread');
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

try {
  for await (const batch of readTraceFile(input.path, input.opts)) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    post({ type: 'batch', batch });
  }
  post({ type: 'done' });
} catch (e) {
  const error = e instanceof Error ? e : new Error(String(e));
  post({ type: 'error', name: error.name, message: error.message, stack: error.stack });
}
