// The datasets.* commands except export (the export module answers those): create and fill, list, get, rows,
// edits, freeze, diff, split, leakage report. Imports: contract types, rpc cursor/errors, this domain's services.
import type { Handlers } from '../platform/rpc/router.ts';
import { CommandError } from '../platform/rpc/router.ts';
import type { CurationGate } from './curation-gate.ts';
import type { DatasetRepository } from './dataset-repository.ts';
import { mustDataset, resolveVersion, versionLabel } from './dataset-lookup.ts';
import { datasetDetail, datasetSummary } from './dataset-views.ts';
import { diffDataset } from './diff-service.ts';
import type { FillService, LeakageSummary } from './fill-service.ts';
import { freezeDataset } from './freeze.ts';
import { decodeRow, rowView } from './row-content.ts';
import type { SourceRepository } from './source-repository.ts';
import { splitDataset } from './split-service.ts';

type DatasetChannels =
  | 'datasets.create'
  | 'datasets.list'
  | 'datasets.get'
  | 'datasets.rows'
  | 'datasets.addRows'
  | 'datasets.updateRow'
  | 'datasets.freeze'
  | 'datasets.diff'
  | 'datasets.split'
  | 'datasets.leakage';

function keyCursor(cursor: string | undefined): number {
  if (cursor === undefined) return -1;
  const m = /^k:(\d+)$/.exec(cursor);
  if (!m) throw new CommandError('invalid_input', `"${cursor}" is not a cursor returned by a previous page`);
  return Number(m[1]);
}

export function datasetHandlers(repo: DatasetRepository, sources: SourceRepository, fill: FillService, now: () => number, gate: CurationGate): Pick<Handlers, DatasetChannels> {
  return {
    'datasets.create': (input) => fill.create(input),
    'datasets.list': () => repo.list().map((d) => datasetSummary(repo, d)),
    'datasets.get': ({ dataset }) => datasetDetail(repo, mustDataset(repo, dataset)),
    'datasets.rows': ({ dataset, version, split, cursor, limit }) => {
      const d = mustDataset(repo, dataset);
      const v = resolveVersion(repo, d, version);
      const records = repo.page(v.id, keyCursor(cursor), limit, split);
      const last = records[records.length - 1];
      return {
        version: versionLabel(v),
        total: split ? (JSON.parse(repo.getSplit(v.id)?.counts_json ?? '{}') as Record<string, number>)[split] ?? 0 : v.row_count,
        items: records.map((r) => rowView(decodeRow(r.content_json, r.split))),
        nextCursor: records.length === limit && last ? `k:${last.row_key}` : null,
      };
    },
    'datasets.addRows': (input) => fill.addRows(input),
    'datasets.updateRow': (input) => fill.updateRow(input),
    'datasets.freeze': ({ dataset }) => freezeDataset(repo, sources, dataset, now(), gate),
    'datasets.diff': (input) => diffDataset(repo, input),
    'datasets.split': (input) => splitDataset(repo, input, now()),
    'datasets.leakage': ({ dataset, rule, cursor, limit }) => {
      const d = mustDataset(repo, dataset);
      const summary: LeakageSummary = d.leakage_json
        ? (JSON.parse(d.leakage_json) as LeakageSummary)
        : { candidates: 0, counts: { exact: 0, conversation: 0, normalized: 0, near: 0 }, warning: null };
      const excluded = Object.values(summary.counts).reduce((a, b) => a + b, 0);
      const records = repo.exclusions(d.id, rule, keyCursor(cursor), limit);
      const last = records[records.length - 1];
      return {
        excludes: datasetSummary(repo, d).excludes,
        candidates: summary.candidates,
        counts: summary.counts,
        overlap: summary.candidates === 0 ? 0 : excluded / summary.candidates,
        threshold: d.near_threshold,
        warning: summary.warning,
        total: repo.exclusionCount(d.id, rule),
        items: records.map((r) => {
          // The eval side is read from the frozen version (a page of ≤ limit point lookups), not stored twice.
          const evalRow = d.exclude_version_id === null ? undefined : repo.getRow(d.exclude_version_id, r.eval_row_key);
          const evalPrompt = evalRow ? rowView(decodeRow(evalRow.content_json)).prompt : null;
          return { rowKey: r.row_key, sourceTraceId: r.source_trace_id, rule: r.rule, evalRowKey: r.eval_row_key, similarity: r.similarity, prompt: r.prompt, evalPrompt };
        }),
        nextCursor: records.length === limit && last ? `k:${last.id}` : null,
      };
    },
  };
}
