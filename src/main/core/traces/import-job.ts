// The import job: parses each file in a worker, writes complete batches transactionally with their
// resume point, counts what was imported, deduplicated, blank or rejected. Imports: db repositories, ingest, jobs.
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { emptyCounters, type FileCounters, type ImportRepository } from './import-repository.ts';
import { dropSecondaryIndexes, ensureSecondaryIndexes } from './secondary-indexes.ts';
import { TraceWriter } from './trace-writer.ts';
import { detectContainer } from './parse/detect-container.ts';
import { projectFileInWorker } from './parse/index.ts';
import type { FormatChoice, MultiTurnMode, ReadCheckpoint } from './parse/types.ts';
import type { JobContext, JobHandler } from '../platform/jobs/job-runner.ts';
import type { ProjectedBatch, ProjectionOptions } from './import-projection.ts';

export interface ImportParams {
  paths: string[];
  format: FormatChoice;
  multiTurn: MultiTurnMode;
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

/** Past this many bytes, indexes are dropped for the import and rebuilt after it (see secondary-indexes.ts)... */
export const BULK_IMPORT_BYTES = 32 * 1024 * 1024;
/**
 * ...while the store is small next to the import: rebuilding costs in proportion to everything stored, keeping
 * the indexes in proportion to what comes in. At ~600 bytes a trace this allows about 2.5 stored traces per
 * incoming one, which also bounds the dedup keys a bulk import loads into memory.
 */
const MAX_STORED_TRACES_PER_IMPORTED_KB = 4;

function isBulkImport(db: Database, bytes: number): boolean {
  if (bytes < BULK_IMPORT_BYTES) return false;
  const stored = db.prepare('SELECT COALESCE(MAX(id), 0) FROM traces').pluck().get() as number;
  return stored <= (bytes / 1024) * MAX_STORED_TRACES_PER_IMPORTED_KB;
}

/** The projection module runs inside the parse worker: beside this file as .ts, or beside the bundle as .js. */
const projectionModule = new URL(`./import-projection${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export function createImportJob(db: Database, imports: ImportRepository, now: () => number): JobHandler<ImportParams> {
  return {
    kind: 'import',
    title: (p) => (p.paths.length === 1 ? `Import ${basename(p.paths[0] ?? '')}` : `Import ${p.paths.length} files`),
    run: async (ctx) => {
      const paths = ctx.params.paths.map((p) => resolve(p));
      const sizes = await Promise.all(paths.map((p) => stat(p).then((s) => s.size, () => 0)));
      const bulk = isBulkImport(db, sizes.reduce((a, b) => a + b, 0));
      if (bulk) dropSecondaryIndexes(db);
      try {
        return await runImport(ctx, paths, sizes, db, new TraceWriter(db), imports, now);
      } finally {
        if (bulk) {
          ctx.progress(0, null, 'Indexing');
          ensureSecondaryIndexes(db);
        }
      }
    },
  };
}

async function runImport(
  ctx: JobContext<ImportParams>,
  paths: string[],
  sizes: number[],
  db: Database,
  writer: TraceWriter,
  imports: ImportRepository,
  now: () => number,
): Promise<ImportResult> {
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const checkpoint = ctx.checkpoint as ImportCheckpoint | null;
  const result: ImportResult = { fileIds: [], traces: 0, rows: 0 };
  let bytesBefore = 0;

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
      imports.setStatus(fileId, 'failed', `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
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
        db.transaction(() => {
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
        })();
        ctx.progress(bytesBefore + batch.bytesRead, totalBytes);
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
  ctx.progress(totalBytes, totalBytes, 'Done');
  return result;
}
