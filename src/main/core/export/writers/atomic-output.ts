// Owns: writing a file or a folder under a temporary name and renaming it into place only once it is complete.
// Imports: node:fs, node:path, node:crypto, node:buffer.

import { createHash, randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Buffer } from 'node:buffer';

/** What was written to a file: its SHA-256 (`sha256:<hex>`) and size, known without reading it back. */
export interface WrittenFile {
  sha256: string;
  bytes: number;
}

// Bytes gathered before a write; two buffers so the next one fills while the previous one is being written.
const CHUNK = 4 << 20;

/**
 * Appends to an open file. Strings are encoded straight into a 4 MiB buffer (no joined copy); a full buffer is
 * handed to the file while the other one fills, so encoding the next rows overlaps the disk write. The bytes are
 * hashed on the way out, so the manifest never reads a large export back.
 */
export class FileSink {
  private readonly handle: FileHandle;
  private buffer = Buffer.allocUnsafe(CHUNK);
  private spare = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  /** The write of `spare`, if one is under way. */
  private inflight: Promise<void> | null = null;
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(handle: FileHandle) {
    this.handle = handle;
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (typeof chunk === 'string') {
      // UTF-8 takes at most 3 bytes per UTF-16 code unit, so a string that passes this check always fits whole.
      if (chunk.length * 3 > CHUNK - this.used) {
        await this.flush();
        if (chunk.length * 3 > CHUNK) return this.writeNow(Buffer.from(chunk, 'utf8'));
      }
      this.used += this.buffer.write(chunk, this.used, 'utf8');
      return;
    }
    // The caller may reuse its bytes once this resolves (Parquet's writer does), so they are written now.
    await this.flush();
    await this.writeNow(chunk);
  }

  /** Starts writing what is buffered; resolves once the write before it has finished. */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    const full = this.buffer.subarray(0, this.used);
    this.hash.update(full);
    this.bytes += full.length;
    await this.settle();
    [this.buffer, this.spare] = [this.spare, this.buffer];
    this.used = 0;
    const writing = this.writeAll(full);
    // Awaited by the next flush or by finish; the catch only keeps a failure from counting as unhandled meanwhile.
    writing.catch(() => undefined);
    this.inflight = writing;
  }

  /** Writes everything buffered and waits for it; the digest is final afterwards. */
  async finish(): Promise<WrittenFile> {
    await this.flush();
    await this.settle();
    return { sha256: `sha256:${this.hash.copy().digest('hex')}`, bytes: this.bytes };
  }

  /** Drops what is buffered and waits out a write under way (its failure too): the file is being thrown away. */
  async discard(): Promise<void> {
    this.used = 0;
    await this.settle().catch(() => undefined);
  }

  private async settle(): Promise<void> {
    const writing = this.inflight;
    this.inflight = null;
    if (writing) await writing;
  }

  private async writeNow(bytes: Uint8Array): Promise<void> {
    await this.settle();
    this.hash.update(bytes);
    this.bytes += bytes.length;
    await this.writeAll(bytes);
  }

  private async writeAll(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    }
  }
}

function tempName(path: string): string {
  return `${path}.tmp-${randomBytes(6).toString('hex')}`;
}

/** A file being written under a temporary name: `commit` puts it in place, `abort` removes it. */
export interface AtomicFile {
  sink: FileSink;
  /** Finishes the writes, syncs, renames into place; gives the file's hash and size. */
  commit(): Promise<WrittenFile>;
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
      const written = await sink.finish();
      await handle.sync();
      await handle.close();
      await rename(temp, path);
      return written;
    },
    async abort() {
      await sink.discard();
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
    },
  };
}

/**
 * Runs `fill` on a sink for `<path>.tmp-<random>`, then syncs and renames it to `path`; the result carries the
 * file's hash and size. If `fill` throws, the temporary file is removed and `path` is left as it was: a reader
 * never sees half an export.
 */
export async function writeFileAtomically<T extends object>(path: string, fill: (sink: FileSink) => Promise<T>): Promise<T & WrittenFile> {
  const file = await openAtomicFile(path);
  try {
    const result = await fill(file.sink);
    const written = await file.commit();
    return { ...result, ...written };
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
