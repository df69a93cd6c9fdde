// Owns: reading a file sequentially in fixed-size chunks from a byte offset, checking for abort between reads,
// and feeding them to a byte-level reader. Imports: node:fs/promises, ingest types.

import { open } from 'node:fs/promises';
import type { RecordBatch } from './types.ts';

export const CHUNK_BYTES = 1 << 20;

export interface FileChunk {
  /** Valid only until the next iteration: the buffer is reused so memory stays flat. */
  bytes: Buffer;
  /** File offset of bytes[0]. */
  offset: number;
}

export async function* fileChunks(path: string, start: number, signal: AbortSignal | undefined, chunkBytes = CHUNK_BYTES): AsyncGenerator<FileChunk> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let offset = start;
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, offset);
      if (bytesRead === 0) return;
      yield { bytes: buffer.subarray(0, bytesRead), offset };
      offset += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Pushes every chunk from `start` into a reader (line splitter, JSON scanner) and yields the batches it queued
 * in `ready` as soon as they are, so a reader never runs more than a chunk ahead. Returns the end-of-file offset.
 */
export async function* feedChunks(
  path: string,
  start: number,
  signal: AbortSignal | undefined,
  push: (bytes: Buffer, offset: number) => void,
  ready: RecordBatch[],
): AsyncGenerator<RecordBatch, number> {
  let eof = start;
  for await (const chunk of fileChunks(path, start, signal)) {
    push(chunk.bytes, chunk.offset);
    eof = chunk.offset + chunk.bytes.length;
    while (ready.length > 0) {
      signal?.throwIfAborted();
      yield ready.shift() as RecordBatch;
    }
  }
  return eof;
}
