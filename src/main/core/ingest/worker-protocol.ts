// Owns: the messages exchanged between parseFileInWorker and its parse worker.
// Imports: ingest types.

import type { ReadOptions, RecordBatch } from './types.ts';

/** Passed as workerData: an AbortSignal cannot cross threads, so the main side terminates the worker instead. */
export interface ParseWorkerInput {
  path: string;
  opts: Omit<ReadOptions, 'signal'>;
  /** Batches the worker may post before the consumer acknowledges one. */
  window: number;
}

export type WorkerMessage =
  | { type: 'batch'; batch: RecordBatch }
  | { type: 'done' }
  | { type: 'error'; name: string; message: string; stack: string | undefined };

export type MainMessage = { type: 'ack' };
