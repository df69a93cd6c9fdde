// Owns: reading a file sequentially in fixed-size chunks from a byte offset, checking for abort between reads.
// Imports: node:fs/promises.

import { open } from 'node:fs/promises';

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
