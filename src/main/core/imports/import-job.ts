// The import job: parses each file in a worker, writes complete batches transactionally with their
// resume point, counts what was imported, deduplicated, blank or rejected. Imports: db repositories, ingest, jobs.
import { stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { emptyCounters, type FileCounters, type ImportRepository } from '../db/import-repository.ts';
import type { TraceRepository } from '../db/trace-repository.ts';
import { contentHash, parseFileInWorker, toRows } from '../ingest/index.ts';
import type { FormatChoice, MultiTurnMode, ReadCheckpoint } from '../ingest/types.ts';
import type { JobContext, JobHandler } from '../jobs/job-runner.ts';

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

function fileFormatOf(path: string): string {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.parquet') return 'parquet';
  if (ext === '.json') return 'json';
  return 'jsonl';
}

export function createImportJob(db: Database, traces: TraceRepository, imports: ImportRepository, now: () => number): JobHandler<ImportParams> {
  return {
    kind: 'import',
    title: (p) => (p.paths.length === 1 ? `Import ${basename(p.paths[0] ?? '')}` : `Import ${p.paths.length} files`),
    run: (ctx) => runImport(ctx, db, traces, imports, now),
  };
}

async function runImport(
  ctx: JobContext<ImportParams>,
  db: Database,
  traces: TraceRepository,
  imports: ImportRepository,
  now: () => number,
): Promise<ImportResult> {
  const paths = ctx.params.paths.map((p) => resolve(p));
  const sizes = await Promise.all(paths.map((p) => stat(p).then((s) => s.size, () => 0)));
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
    const fileId = resuming ? checkpoint.fileId : imports.begin(path, fileFormatOf(path), size, ctx.jobId, now());
    if (resuming) imports.setStatus(fileId, 'importing');
    result.fileIds.push(fileId);
    const counters: FileCounters = resuming ? imports.counters(fileId) : emptyCounters();

    try {
      await stat(path);
    } catch (error) {
      imports.setStatus(fileId, 'failed', `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      bytesBefore += size;
      continue;
    }

    try {
      const batches = parseFileInWorker(path, {
        format: ctx.params.format,
        resumeFrom: resuming ? checkpoint.read : undefined,
        signal: ctx.signal,
      });
      ctx.progress(bytesBefore, totalBytes, `Importing ${basename(path)}`);
      for await (const batch of batches) {
        if (ctx.signal.aborted) break;
        db.transaction(() => {
          counters.blankLines += batch.blankLines;
          for (const record of batch.records) {
            if (!record.result.ok) {
              counters.rejected++;
              imports.reject(fileId, record.line, record.result.error.code, record.result.error.message, record.raw);
              continue;
            }
            const trace = record.result.trace;
            const rows = toRows(trace, ctx.params.multiTurn);
            const written = traces.insert({ fileId, line: record.line, raw: record.raw, contentHash: contentHash(record.raw), trace, rows });
            if (written === null) {
              counters.duplicates++;
              continue;
            }
            counters.traces++;
            counters.rows += written;
            counters.notices += trace.notices.length;
            counters.formats[trace.format] = (counters.formats[trace.format] ?? 0) + 1;
          }
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
