// What the window and CLI read about datasets: summaries for the list, details with versions and splits.
// Imports: contract types, the dataset repository, lookup.
import type { DatasetDetail, DatasetSummary, VersionInfo } from '../../../shared/contract/index.ts';
import type { DatasetRecord, DatasetRepository, VersionRecord } from './dataset-repository.ts';
import { versionLabel } from './dataset-lookup.ts';

export function datasetSummary(repo: DatasetRepository, d: DatasetRecord): DatasetSummary {
  const draft = repo.draft(d.id);
  const latest = repo.latestFrozen(d.id);
  let excludes: string | null = null;
  if (d.exclude_version_id !== null) {
    const v = repo.versionById(d.exclude_version_id);
    const evalSet = v ? repo.byId(v.dataset_id) : undefined;
    excludes = v && evalSet ? `${evalSet.name}@${versionLabel(v)}` : null;
  }
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    description: d.description,
    taskDescription: d.task_description,
    columns: d.columns_json === null ? null : (JSON.parse(d.columns_json) as string[]),
    excludes,
    latestVersion: latest?.number ?? null,
    draftRows: draft?.row_count ?? null,
    latestRows: latest?.row_count ?? null,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
  };
}

export function versionInfo(repo: DatasetRepository, v: VersionRecord): VersionInfo {
  const split = repo.getSplit(v.id);
  return {
    id: v.id,
    number: v.number,
    label: versionLabel(v),
    status: v.status,
    rows: v.row_count,
    sha256: v.sha256,
    recipe: JSON.parse(v.recipe_json) as Record<string, unknown>,
    warnings: JSON.parse(v.warnings_json) as string[],
    createdAt: v.created_at,
    frozenAt: v.frozen_at,
    split: split
      ? {
          seed: split.seed,
          fractions: JSON.parse(split.fractions_json) as { train: number; validation: number; test: number },
          rows: JSON.parse(split.counts_json) as Record<string, number>,
        }
      : null,
  };
}

export function datasetDetail(repo: DatasetRepository, d: DatasetRecord): DatasetDetail {
  return { ...datasetSummary(repo, d), versions: repo.versions(d.id).map((v) => versionInfo(repo, v)), exports: repo.exports(d.id).length };
}
