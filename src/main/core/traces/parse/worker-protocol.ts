// Owns: the messages exchanged between the main side (parse-in-worker) and its parse worker.
// Imports: ingest types.

import type { ReadOptions, RecordBatch } from './types.ts';

/** Passed as workerData: an AbortSignal cannot cross threads, so the main side terminates the worker instead. */
export interface ParseWorkerInput {
  path: string;
  opts: Omit<ReadOptions, 'signal'>;
  /** Batches the worker may post before the consumer acknowledges one. */
  window: number;
  /** Module (file URL) whose `projectBatch(batch, options)` runs in the worker; its result is posted instead of the batch. */
  projection: { url: string; options: unknown } | null;
}

/** What a projection module exports. The result must survive structured cloning. */
export type ProjectBatch<T> = (batch: RecordBatch, options: unknown) => T;

export type WorkerMessage =
  | { type: 'batch'; batch: unknown }
  | { type: 'done' }
  | { type: 'error'; name: string; message: string; stack: string | undefined };

export type MainMessage = { type: 'ack' };
