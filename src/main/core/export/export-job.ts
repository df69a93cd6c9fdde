// The export job (io lane): writes one version of a dataset in a format, with manifest.json beside the data,
// under temporary names renamed when complete; reports progress, stops on cancel, records the version used.
// Imports: zod, node:path, contract schemas, jobs types, datasets index (version access), writers.
import { join } from 'node:path';
import { z } from 'zod';
import { DatasetName, ExportFormat, ExportPiiPolicy, VersionRef, type DatasetSplit } from '../../../shared/contract/index.ts';
import type { DatasetRow, VersionAccess, VersionHandle } from '../datasets/index.ts';
import type { JobContext, JobHandler } from '../platform/jobs/job-runner.ts';
import { writeFolderAtomically } from './writers/atomic-output.ts';
import { writeCsv } from './writers/csv.ts';
import { writeDistilFolder } from './writers/distil-folder.ts';
import { writeHfFolder } from './writers/hf-folder.ts';
import { writeManifest, type ManifestFile, type ManifestInput } from './writers/manifest.ts';
import { writeOpenAiJsonl } from './writers/openai-jsonl.ts';
import { writeParquet } from './writers/parquet.ts';
import type { CanonicalRowSource, ExportRow, FileResult, RowSource, SplitCounts } from './writers/types.ts';
import { writeWinnowJsonl, writeWinnowJsonlCanonical } from './writers/winnow-jsonl.ts';

export const ExportParams = z.object({ dataset: DatasetName, version: VersionRef, format: ExportFormat, out: z.string().min(1), pii: ExportPiiPolicy.default('warn') });
export type ExportParams = z.infer<typeof ExportParams>;

export interface ExportResult {
  exportId: number;
  dataset: string;
  version: string;
  format: ExportFormat;
  dir: string;
  files: string[];
  rows: number;
  rowsPerSplit: SplitCounts;
  sha256: string;
  warning: string | null;
}

type FileWriter = (rows: RowSource, path: string) => Promise<FileResult>;
type CanonicalWriter = (rows: CanonicalRowSource, path: string) => Promise<FileResult>;

/** Counts PII spans in rows (the curate domain's detectors, handed in by the core). */
export interface PiiCounterLike {
  add(row: DatasetRow): number;
  readonly counts: { rowsWithPii: number; spans: number; byType: Record<string, number> };
}

export interface ExportDeps {
  now: () => number;
  winnowVersion: string;
  /** Without it the export does not re-scan for PII. */
  piiCounter?: () => PiiCounterLike;
  /**
   * The response each row trains on, when the dataset chose another than the stored one (a relabelling
   * committee's winner); null or absent: the stored responses, as they are.
   */
  responses?: (handle: VersionHandle) => TrainingTarget | null;
}

/** A dataset's choice of training target: its name (for the manifest) and the row with that response. */
export interface TrainingTarget {
  name: string;
  apply(row: DatasetRow): DatasetRow;
}

/**
 * Single-file formats: one file per split when the version is split, else one `data` file. A format with a
 * canonical writer reads the stored JSON as it is instead of parsing each row (Winnow JSONL re-frames it).
 */
const FILE_FORMATS: Partial<Record<ExportFormat, { ext: string; manifestFormat: string; write: FileWriter; writeCanonical?: CanonicalWriter }>> = {
  openai: { ext: 'jsonl', manifestFormat: 'openai-jsonl', write: writeOpenAiJsonl },
  jsonl: { ext: 'jsonl', manifestFormat: 'winnow-jsonl', write: writeWinnowJsonl, writeCanonical: writeWinnowJsonlCanonical },
  csv: { ext: 'csv', manifestFormat: 'csv', write: writeCsv },
  parquet: { ext: 'parquet', manifestFormat: 'parquet', write: writeParquet },
};
const SPLITS: readonly DatasetSplit[] = ['train', 'validation', 'test'];

export function draftWarning(handle: Pick<VersionHandle, 'dataset' | 'frozen'>): string | null {
  return handle.frozen ? null : `exported from the unfrozen draft of "${handle.dataset}": it can still change, so this export has no fixed version; freeze the dataset for a reproducible export`;
}

export function createExportJob(versions: VersionAccess, deps: ExportDeps): JobHandler<ExportParams> {
  return {
    kind: 'export',
    lane: 'io',
    params: ExportParams,
    changes: ['datasets'],
    title: (p) => `Export ${p.dataset}@${p.version === 'draft' ? 'draft' : `v${p.version}`} as ${p.format}`,
    run: (ctx) => runExport(versions, ctx, deps),
  };
}

async function runExport(versions: VersionAccess, ctx: JobContext<ExportParams>, deps: ExportDeps): Promise<ExportResult> {
  const { params, signal } = ctx;
  // A draft exports as it would freeze: without the rows curation dropped.
  const handle = versions.resolve(params.dataset, params.version, { curated: true });
  const pii = deps.piiCounter ? await scanPii(versions, handle, deps.piiCounter(), ctx) : null;
  if (pii && pii.spans > 0 && params.pii === 'refuse') {
    throw new Error(`${pii.rowsWithPii} rows still hold PII (${describePii(pii.byType)}): redact the draft first (winnow pii ${handle.dataset} --redact), or export with the PII policy "warn"`);
  }
  const piiWarning = pii && pii.spans > 0 ? `${pii.rowsWithPii} rows hold unredacted PII (${describePii(pii.byType)})` : null;
  const warning = [draftWarning(handle), piiWarning].filter((w): w is string => w !== null).join('; ') || null;
  ctx.progress(0, handle.rows, 'hashing');
  const sha256 = versions.hash(handle);
  let done = 0;
  ctx.progress(0, handle.rows, 'writing');
  async function* paged<T>(pages: Iterable<T[]>): AsyncGenerator<T> {
    for (const page of pages) {
      signal.throwIfAborted();
      yield* page;
      done += page.length;
      ctx.progress(done, handle.rows);
      // Let the progress event and a cancel request through between pages.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  const target = deps.responses?.(handle) ?? null;
  const rowPages = (split?: DatasetSplit): Iterable<DatasetRow[]> => {
    const pages = versions.rows(handle, split);
    return target ? (function* () {
      for (const page of pages) yield page.map((r) => target.apply(r));
    })() : pages;
  };
  const source = (split?: DatasetSplit): AsyncGenerator<ExportRow> => paged(rowPages(split) as Iterable<ExportRow[]>);
  const manifest: ManifestInput = {
    dataset: handle.dataset,
    version: handle.label,
    kind: handle.kind,
    sha256,
    rowsPerSplit: {},
    recipe: { ...handle.recipe, split: handle.split ? { seed: handle.split.seed, fractions: handle.split.fractions } : null, ...(target ? { trainingTarget: target.name } : {}) },
    winnowVersion: deps.winnowVersion,
    format: params.format,
    ...(warning ? { warning } : {}),
    ...(pii ? { pii: { policy: params.pii, rowsWithPii: pii.rowsWithPii, spans: pii.spans, byType: pii.byType } } : {}),
  };

  let files: string[];
  let rows = 0;
  const rowsPerSplit: SplitCounts = {};
  const fileFormat = FILE_FORMATS[params.format];
  if (fileFormat) {
    manifest.format = fileFormat.manifestFormat;
    files = await writeFolderAtomically(params.out, async (temp) => {
      const written: ManifestFile[] = [];
      const parts = handle.split ? SPLITS.filter((s) => (handle.split?.rows[s] ?? 0) > 0) : [undefined];
      for (const split of parts) {
        const name = `${split ?? 'data'}.${fileFormat.ext}`;
        const path = join(temp, name);
        // The stored JSON as it is only when the export trains on the stored responses.
        const result = fileFormat.writeCanonical && !target ? await fileFormat.writeCanonical(paged(versions.canonicalRows(handle, split)), path) : await fileFormat.write(source(split), path);
        rows += result.rows;
        for (const [k, n] of Object.entries(result.rowsPerSplit)) rowsPerSplit[k as keyof SplitCounts] = (rowsPerSplit[k as keyof SplitCounts] ?? 0) + (n ?? 0);
        written.push({ path: name, sha256: result.sha256, bytes: result.bytes });
      }
      manifest.rowsPerSplit = rowsPerSplit;
      // The writers hashed each file as it went out: the manifest never reads a large export back.
      await writeManifest(temp, manifest, written);
      return written.map((f) => f.path);
    });
  } else {
    const result =
      params.format === 'hf'
        ? await writeHfFolder(source(), params.out, { name: handle.dataset, version: handle.label, kind: handle.kind, description: handle.description, sha256, recipe: manifest.recipe })
        : await writeDistilFolder(source(), params.out, { taskDescription: handle.taskDescription || handle.description || handle.dataset });
    manifest.format = params.format === 'hf' ? 'hf-folder' : 'distil-folder';
    manifest.rowsPerSplit = result.rowsPerSplit;
    rows = result.rows;
    Object.assign(rowsPerSplit, result.rowsPerSplit);
    files = result.files;
    await writeManifest(params.out, manifest, files);
  }
  ctx.progress(rows, handle.rows, 'done');
  const exportId = versions.recordExport({ handle, format: params.format, path: params.out, rows, sha256, warning, jobId: ctx.jobId, now: deps.now() });
  return { exportId, dataset: handle.dataset, version: handle.label, format: params.format, dir: params.out, files: [...files, 'manifest.json'].sort(), rows, rowsPerSplit, sha256, warning };
}

function describePii(byType: Record<string, number>): string {
  return Object.entries(byType)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${n} ${type}`)
    .join(', ');
}

/** Reads every row once before writing, so a refusal leaves nothing behind. */
async function scanPii(versions: VersionAccess, handle: VersionHandle, counter: PiiCounterLike, ctx: JobContext<ExportParams>): Promise<PiiCounterLike['counts']> {
  let done = 0;
  ctx.progress(0, handle.rows, 'scanning for PII');
  for (const page of versions.rows(handle)) {
    ctx.signal.throwIfAborted();
    for (const row of page) counter.add(row);
    done += page.length;
    ctx.progress(done, handle.rows, 'scanning for PII');
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return counter.counts;
}
