// Owns: writing a file or a folder under a temporary name and renaming it into place only once it is complete.
// Imports: node:fs, node:path, node:crypto, node:buffer.

import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Buffer } from 'node:buffer';

/** Appends to an open file; buffers small writes so a million short lines cost a few hundred syscalls. */
export class FileSink {
  private readonly handle: FileHandle;
  private pending: string[] = [];
  private pendingLength = 0;
  bytes = 0;

  constructor(handle: FileHandle) {
    this.handle = handle;
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (typeof chunk === 'string') {
      this.pending.push(chunk);
      this.pendingLength += chunk.length;
      if (this.pendingLength >= 1 << 20) await this.flush();
      return;
    }
    await this.flush();
    await this.writeBytes(chunk);
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    await this.writeBytes(Buffer.from(text, 'utf8'));
  }

  private async writeBytes(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    }
    this.bytes += bytes.length;
  }
}

function tempName(path: string): string {
  return `${path}.tmp-${randomBytes(6).toString('hex')}`;
}

/** A file being written under a temporary name: `commit` puts it in place, `abort` removes it. */
export interface AtomicFile {
  sink: FileSink;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Opens `<path>.tmp-<random>` (never an existing file) for writing. */
export async function openAtomicFile(path: string): Promise<AtomicFile> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempName(path);
  const handle = await open(temp, 'wx');
  const sink = new FileSink(handle);
  return {
    sink,
    async commit() {
      await sink.flush();
      await handle.sync();
      await handle.close();
      await rename(temp, path);
    },
    async abort() {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
    },
  };
}

/**
 * Runs `fill` on a sink for `<path>.tmp-<random>`, then syncs and renames it to `path`. If `fill` throws, the
 * temporary file is removed and `path` is left as it was: a reader never sees half an export.
 */
export async function writeFileAtomically<T>(path: string, fill: (sink: FileSink) => Promise<T>): Promise<T> {
  const file = await openAtomicFile(path);
  try {
    const result = await fill(file.sink);
    await file.commit();
    return result;
  } catch (error) {
    await file.abort();
    throw error;
  }
}

/**
 * Runs `fill` on an empty `<dir>.tmp-<random>` folder, then renames it to `dir`. `dir` may be missing or an
 * empty folder; a folder with files in it is refused rather than merged with, so an export is never a mix.
 */
export async function writeFolderAtomically<T>(dir: string, fill: (tempDir: string) => Promise<T>): Promise<T> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing && existing.length > 0) throw new Error(`${dir} is not empty: choose a new or empty folder for the export`);
  await mkdir(dirname(dir), { recursive: true });
  const temp = tempName(dir);
  await mkdir(temp);
  try {
    const result = await fill(temp);
    if (existing) await rmdir(dir);
    await rename(temp, dir);
    return result;
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
