// The import job: parses each file in a worker, writes complete batches transactionally with their
// resume point, counts what was imported, deduplicated, blank or rejected. Imports: repositories, parse, jobs.
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { emptyCounters, type FileCounters, type ImportRepository } from './import-repository.ts';
import type { TraceWriteRepository, TraceWriter } from './trace-write-repository.ts';
import { detectContainer } from './parse/detect-container.ts';
import { projectFileInWorker } from './parse/index.ts';
import type { ReadCheckpoint } from './parse/types.ts';
import { ImportParams } from '../../../shared/contract/index.ts';
import type { Transaction } from '../platform/db/transaction.ts';
import type { JobContext, JobHandler } from '../platform/jobs/job-runner.ts';
import type { ProjectedBatch, ProjectionOptions } from './import-projection.ts';

export interface ImportJobDeps {
  imports: ImportRepository;
  traces: TraceWriteRepository;
  transaction: Transaction;
  /** Pauses between batches while another process's writer waits for the lock (platform/db/write-queue.ts). */
  yieldToWriters: () => Promise<void>;
  now: () => number;
}

interface ImportCheckpoint {
  fileIndex: number;
  fileId: number;
  read: ReadCheckpoint;
}

export interface ImportResult {
  fileIds: number[];
  traces: number;
  rows: number;
}

/** Past this many bytes, indexes are dropped for the import and rebuilt after it (see platform/db/secondary-indexes.ts)... */
export const BULK_IMPORT_BYTES = 32 * 1024 * 1024;
/**
 * ...while the store is small next to the import: rebuilding costs in proportion to everything stored, keeping
 * the indexes in proportion to what comes in. At ~600 bytes a trace this allows about 2.5 stored traces per
 * incoming one, which also bounds the dedup keys a bulk import loads into memory.
 */
const MAX_STORED_TRACES_PER_IMPORTED_KB = 4;

function isBulkImport(traces: TraceWriteRepository, bytes: number): boolean {
  if (bytes < BULK_IMPORT_BYTES) return false;
  return traces.highestTraceId() <= (bytes / 1024) * MAX_STORED_TRACES_PER_IMPORTED_KB;
}

/** The projection module runs inside the parse worker: beside this file as .ts, or beside the bundle as .js. */
const projectionModule = new URL(`./import-projection${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export function createImportJob(deps: ImportJobDeps): JobHandler<ImportParams> {
  const { traces } = deps;
  return {
    kind: 'import',
    lane: 'io',
    params: ImportParams,
    changes: ['traces', 'imports'],
    title: (p) => (p.paths.length === 1 ? `Import ${basename(p.paths[0] ?? '')}` : `Import ${p.paths.length} files`),
    run: async (ctx) => {
      const paths = ctx.params.paths.map((p) => resolve(p));
      const sizes = await Promise.all(paths.map((p) => stat(p).then((s) => s.size, () => 0)));
      const total = sizes.reduce((a, b) => a + b, 0);
      // Another process's bulk import holds the indexes dropped: writing beside it would either scan the
      // table for every duplicate lookup or miss the keys it is adding, so this import waits its turn.
      await waitForIndexes(ctx, traces);
      const bulk = isBulkImport(traces, total) && traces.dropSecondaryIndexes(ctx.jobId);
      try {
        return await runImport(ctx, paths, sizes, traces.writer(), deps);
      } finally {
        if (bulk) {
          traces.releaseSecondaryIndexes(ctx.jobId);
          ctx.progress(0, null, 'Indexing');
          traces.ensureSecondaryIndexes(ctx.jobId, (built, of) => ctx.progress(built, of, 'Indexing'));
          // The job's last word is its outcome, not the step that happened to run last.
          ctx.progress(total, total, 'Done');
        }
      }
    },
  };
}

const INDEX_WAIT_MS = 500;

async function waitForIndexes(ctx: JobContext<ImportParams>, traces: TraceWriteRepository): Promise<void> {
  while (!traces.ensureSecondaryIndexes(ctx.jobId)) {
    ctx.progress(0, null, 'Waiting for another import to finish');
    await new Promise((r) => setTimeout(r, INDEX_WAIT_MS));
    ctx.signal.throwIfAborted();
  }
}

async function runImport(
  ctx: JobContext<ImportParams>,
  paths: string[],
  sizes: number[],
  writer: TraceWriter,
  { imports, transaction, yieldToWriters, now }: ImportJobDeps,
): Promise<ImportResult> {
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const checkpoint = ctx.checkpoint as ImportCheckpoint | null;
  const result: ImportResult = { fileIds: [], traces: 0, rows: 0 };
  let bytesBefore = 0;
  const unreadable: string[] = [];

  for (let fileIndex = 0; fileIndex < paths.length; fileIndex++) {
    const path = paths[fileIndex]!;
    const size = sizes[fileIndex]!;
    if (checkpoint && fileIndex < checkpoint.fileIndex) {
      result.fileIds.push(imports.fileIdOf(path) ?? 0);
      bytesBefore += size;
      continue;
    }
    const resuming = checkpoint?.fileIndex === fileIndex;
    let fileFormat: string;
    try {
      fileFormat = (await detectContainer(path, undefined)).fileFormat;
    } catch (error) {
      const fileId = imports.begin(path, 'unknown', size, ctx.jobId, now());
      const reason = `${path}: cannot be read (${describeReadError(error)})`;
      imports.setStatus(fileId, 'failed', reason);
      unreadable.push(reason);
      result.fileIds.push(fileId);
      bytesBefore += size;
      continue;
    }
    const fileId = resuming ? checkpoint.fileId : imports.begin(path, fileFormat, size, ctx.jobId, now());
    if (resuming) imports.setStatus(fileId, 'importing');
    result.fileIds.push(fileId);
    const counters: FileCounters = resuming ? imports.counters(fileId) : emptyCounters();

    try {
      const projection: ProjectionOptions = { multiTurn: ctx.params.multiTurn, storeNormalized: fileFormat === 'csv' || fileFormat === 'parquet' };
      const batches = projectFileInWorker<ProjectedBatch>(
        path,
        { format: ctx.params.format, resumeFrom: resuming ? checkpoint.read : undefined, signal: ctx.signal },
        projectionModule,
        projection,
      );
      ctx.progress(bytesBefore, totalBytes, `Importing ${basename(path)}`);
      for await (const batch of batches) {
        if (ctx.signal.aborted) break;
        transaction(() => {
          counters.blankLines += batch.blankLines;
          for (const r of batch.rejected) imports.reject(fileId, r.line, r.code, r.message, r.raw);
          counters.rejected += batch.rejected.length;
          const written = writer.write(fileId, batch.traces);
          batch.traces.forEach((trace, i) => {
            if (!written[i]) {
              counters.duplicates++;
              return;
            }
            counters.traces++;
            counters.rows += trace.rows.length / 3;
            for (const n of trace.notices) imports.notice(fileId, trace.line, n.code, n.message, counters);
            counters.formats[trace.format] = (counters.formats[trace.format] ?? 0) + 1;
          });
          imports.saveCounters(fileId, counters);
          ctx.saveCheckpoint({ fileIndex, fileId, read: batch.checkpoint } satisfies ImportCheckpoint);
        });
        ctx.progress(bytesBefore + batch.bytesRead, totalBytes);
        await yieldToWriters();
      }
      if (ctx.signal.aborted) {
        imports.setStatus(fileId, 'cancelled');
        return result;
      }
      imports.setStatus(fileId, 'complete');
    } catch (error) {
      if (ctx.signal.aborted) {
        imports.setStatus(fileId, 'cancelled');
        return result;
      }
      imports.setStatus(fileId, 'failed', `${path}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    result.traces += counters.traces;
    result.rows += counters.rows;
    bytesBefore += size;
  }
  // Nothing imported because nothing could be read is a failure, not "0 traces, nothing rejected".
  if (unreadable.length > 0 && unreadable.length === paths.length) throw new Error(unreadable.join('; '));
  ctx.progress(totalBytes, totalBytes, 'Done');
  return result;
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (error instanceof Error ? error.message : String(error));
}
