// What other domains (export, later evaluate) read of a dataset version: its identity, hash, recipe and split,
// its rows a page at a time, and a record of each export that used it. Imports: contract types, rpc errors,
// repository, lookup, freeze hashing, row content, engine types.
import type { DatasetSplit, ExportRecord, VersionRef } from '../../../shared/contract/index.ts';
import type { CurationGate } from './curation-gate.ts';
import type { DatasetRepository } from './dataset-repository.ts';
import { mustDataset, resolveVersion, versionLabel } from './dataset-lookup.ts';
import type { DatasetKind, DatasetRow } from './engine/types.ts';
import { hashVersion } from './freeze.ts';
import { decodeRow } from './row-content.ts';

export interface VersionHandle {
  datasetId: number;
  dataset: string;
  kind: DatasetKind;
  description: string;
  taskDescription: string;
  versionId: number;
  /** `v3` or `draft`. */
  label: string;
  frozen: boolean;
  /** Rows it holds (for a curated draft, less the rows curation dropped). */
  rows: number;
  /** Draft rows left out of rows() and hash(): curation's drops, when resolved with `curated` (export). */
  leftOut: ReadonlySet<number>;
  recipe: Record<string, unknown>;
  split: { seed: number; fractions: Record<string, number>; rows: Partial<Record<DatasetSplit, number>> } | null;
}

export interface VersionAccess {
  /** `curated`: read a draft as it would freeze, without the rows curation dropped (export does; the judge does not). */
  /** `version` undefined: the draft, else the latest frozen version. */
  resolve(dataset: string, version: VersionRef | undefined, opts?: { curated?: boolean }): VersionHandle;
  /** The stored hash of a frozen version; for a draft, computed now over its rows. */
  hash(handle: VersionHandle): string;
  /** Rows in row-key order (only one split's when given), a page at a time so the store is never held busy. */
  rows(handle: VersionHandle, split?: DatasetSplit, pageSize?: number): Generator<DatasetRow[]>;
  /** The same rows as stored (canonical JSON of the content, split apart), for writers that need no parse. */
  canonicalRows(handle: VersionHandle, split?: DatasetSplit, pageSize?: number): Generator<{ content: string; split: DatasetSplit | null }[]>;
  recordExport(e: { handle: VersionHandle; format: string; path: string; rows: number; sha256: string; warning: string | null; jobId: number | null; now: number }): number;
  exports(dataset: string): ExportRecord[];
}

/** Stored rows of a version in row-key order, a page at a time, less the rows the handle leaves out. */
function* keptPages(repo: DatasetRepository, handle: VersionHandle, split: DatasetSplit | undefined, pageSize: number) {
  const skip = handle.leftOut;
  for (let after = -1; ; ) {
    const page = repo.page(handle.versionId, after, pageSize, split);
    const kept = skip.size === 0 ? page : page.filter((r) => !skip.has(r.row_key));
    if (kept.length > 0) yield kept;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.row_key;
  }
}

export function versionAccess(repo: DatasetRepository, gate: CurationGate): VersionAccess {
  return {
    resolve(name, ref, opts) {
      const d = mustDataset(repo, name);
      const v = resolveVersion(repo, d, ref);
      const split = repo.getSplit(v.id);
      const frozen = v.status === 'frozen';
      const leftOut: ReadonlySet<number> = !frozen && opts?.curated ? gate.droppedKeys(d.id, v.id) : new Set();
      return {
        datasetId: d.id,
        dataset: d.name,
        kind: d.kind,
        description: d.description,
        taskDescription: d.task_description,
        versionId: v.id,
        label: versionLabel(v),
        frozen,
        rows: v.row_count - leftOut.size,
        leftOut,
        recipe: JSON.parse(v.recipe_json) as Record<string, unknown>,
        split: split ? { seed: split.seed, fractions: JSON.parse(split.fractions_json) as Record<string, number>, rows: JSON.parse(split.counts_json) as Partial<Record<DatasetSplit, number>> } : null,
      };
    },
    hash(handle) {
      const v = repo.versionById(handle.versionId);
      return v?.sha256 ?? hashVersion(repo, handle.versionId, handle.leftOut);
    },
    *rows(handle, split, pageSize = 2000) {
      for (const page of keptPages(repo, handle, split, pageSize)) yield page.map((r) => decodeRow(r.content_json, r.split));
    },
    *canonicalRows(handle, split, pageSize = 2000) {
      for (const page of keptPages(repo, handle, split, pageSize)) yield page.map((r) => ({ content: r.content_json, split: r.split }));
    },
    recordExport(e) {
      return repo.write(() =>
        repo.insertExport({ datasetId: e.handle.datasetId, versionId: e.handle.versionId, format: e.format, path: e.path, rows: e.rows, sha256: e.sha256, warning: e.warning, jobId: e.jobId, now: e.now }),
      );
    },
    exports(name) {
      const d = mustDataset(repo, name);
      return repo.exports(d.id).map((r) => {
        const v = repo.versionById(r.version_id);
        return {
          id: r.id,
          dataset: d.name,
          version: v ? versionLabel(v) : '?',
          format: r.format as ExportRecord['format'],
          path: r.path,
          rows: r.rows,
          sha256: r.sha256,
          warning: r.warning,
          jobId: r.job_id,
          createdAt: r.created_at,
        };
      });
    },
  };
}
