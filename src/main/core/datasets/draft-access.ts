// What the curate domain reads and writes of a dataset's draft: the draft itself (started from the latest
// frozen version when there is none, as an edit would), its rows a page at a time or by key, and rewritten
// rows (redaction, a reviewer's edit), inside one transaction with the caller's own writes.
// Imports: contract types, rpc errors, repository, lookup, fill service (draft start), row content, engine types.
import type { DatasetRowView } from '../../../shared/contract/index.ts';
import { CommandError } from '../platform/rpc/router.ts';
import type { DatasetRepository } from './dataset-repository.ts';
import { mustDataset } from './dataset-lookup.ts';
import type { DatasetKind, DatasetRow } from './engine/types.ts';
import type { FillService } from './fill-service.ts';
import { decodeRow, encodeRow, rowView } from './row-content.ts';

export interface DraftHandle {
  datasetId: number;
  dataset: string;
  versionId: number;
  rows: number;
  taskDescription: string;
}

export interface DraftRow {
  row: DatasetRow;
  view: DatasetRowView;
}

export interface DraftAccess {
  /** The dataset's draft, or null when it has none. Throws not_found for an unknown dataset. */
  find(dataset: string): { datasetId: number; dataset: string; draft: DraftHandle | null };
  /** The draft, started from the latest frozen version when there is none. */
  ensure(dataset: string): DraftHandle;
  /** Creates an empty dataset (rows made from scratch, such as generated ones, fill it); conflict when it exists. */
  create(dataset: string, kind: DatasetKind): DraftHandle;
  /** Adds rows made outside any trace (generated): their keys must be new. Call inside write(). */
  append(draft: DraftHandle, rows: readonly DatasetRow[]): void;
  /** Rows in row-key order, a page at a time. */
  pages(draft: DraftHandle, pageSize?: number): Generator<DatasetRow[]>;
  byKeys(draft: DraftHandle, rowKeys: readonly number[]): Map<number, DraftRow>;
  /** Rewrites rows in place (the row key is taken from each row). Call inside write(). */
  replace(draft: DraftHandle, rows: readonly DatasetRow[]): void;
  /** The stored canonical text of a row, so a caller can put it back exactly (undo). */
  content(draft: DraftHandle, rowKey: number): string | null;
  /** Puts back canonical text returned by content(). Call inside write(). */
  restore(draft: DraftHandle, rowKey: number, content: string): void;
  write<T>(fn: () => T): T;
}

function handle(d: { id: number; name: string; task_description: string }, v: { id: number; row_count: number }): DraftHandle {
  return { datasetId: d.id, dataset: d.name, versionId: v.id, rows: v.row_count, taskDescription: d.task_description };
}

export function draftAccess(repo: DatasetRepository, fill: FillService, now: () => number): DraftAccess {
  const mustDraftRow = (draft: DraftHandle, key: number): void => {
    if (!repo.hasRow(draft.versionId, key)) throw new CommandError('not_found', `row ${key} is not in the draft of "${draft.dataset}"`);
  };
  return {
    find(name) {
      const d = mustDataset(repo, name);
      const v = repo.draft(d.id);
      return { datasetId: d.id, dataset: d.name, draft: v ? handle(d, v) : null };
    },
    ensure(name) {
      const d = mustDataset(repo, name);
      const v = repo.draft(d.id) ?? repo.write(() => fill.ensureDraft(d));
      return handle(d, v);
    },
    create(name, kind) {
      fill.create({ name, kind, description: '', nearThreshold: 0.8, upToCap: false });
      const d = mustDataset(repo, name);
      return handle(d, repo.draft(d.id)!);
    },
    append(draft, rows) {
      for (const row of rows) {
        if (repo.hasRow(draft.versionId, Number(row.rowId))) throw new CommandError('conflict', `row ${String(row.rowId)} is already in the draft of "${draft.dataset}"`);
      }
      repo.insertRows(draft.versionId, rows.map(encodeRow));
      if (rows.length > 0) repo.touch(draft.datasetId, now());
    },
    *pages(draft, pageSize = 5000) {
      for (let after = -1; ; ) {
        const page = repo.contentPage(draft.versionId, after, pageSize);
        if (page.length > 0) yield page.map((r) => decodeRow(r.content_json));
        if (page.length < pageSize) return;
        after = page[page.length - 1]!.row_key;
      }
    },
    byKeys(draft, keys) {
      const out = new Map<number, DraftRow>();
      for (const key of keys) {
        const stored = repo.getRow(draft.versionId, key);
        if (!stored) continue;
        const row = decodeRow(stored.content_json, stored.split);
        out.set(key, { row, view: rowView(row) });
      }
      return out;
    },
    replace(draft, rows) {
      for (const row of rows) {
        const key = Number(row.rowId);
        mustDraftRow(draft, key);
        repo.updateRow(draft.versionId, key, encodeRow(row).content);
      }
      if (rows.length > 0) repo.touch(draft.datasetId, now());
    },
    content(draft, key) {
      return repo.getRow(draft.versionId, key)?.content_json ?? null;
    },
    restore(draft, key, content) {
      mustDraftRow(draft, key);
      repo.updateRow(draft.versionId, key, content);
    },
    write: (fn) => repo.write(fn),
  };
}
