// Freezing: the draft becomes the next numbered version in place (its rows are not copied), with the SHA-256
// over its canonical rows, the recipe with counts, and guardrail warnings that never block.
// Imports: rpc errors, contract types, repositories, lookup, engine hashing, fill-service recipe type.
import type { CommandOutput } from '../../../shared/contract/index.ts';
import { CommandError } from '../platform/rpc/router.ts';
import type { CurationGate } from './curation-gate.ts';
import type { DatasetRecord, DatasetRepository } from './dataset-repository.ts';
import { mustDataset } from './dataset-lookup.ts';
import { RowHasher } from './engine/canonical-json.ts';
import type { Recipe } from './fill-service.ts';
import type { SourceRepository } from './source-repository.ts';

/** Fewer rows than this rarely teach a model a task; the guardrail. */
export const MIN_TRAINING_ROWS = 200;
/**
 * "Rows spread over several unrelated clusters": more than this many clusters, coming from at least
 * SPREAD_GROUPS different top-level groups. Clusters under one group are related by construction.
 */
export const SPREAD_CLUSTERS = 5;
export const SPREAD_GROUPS = 3;
const PAGE = 10_000;

/** The content hash of a stored version, fed from its canonical text in row-key order (less any left-out rows). */
export function hashVersion(repo: DatasetRepository, versionId: number, leaveOut: ReadonlySet<number> = new Set()): string {
  const hasher = new RowHasher();
  for (let after = -1; ; ) {
    const page = repo.contentPage(versionId, after, PAGE);
    for (const r of page) if (!leaveOut.has(r.row_key)) hasher.addCanonical(r.row_key, r.content_json);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.row_key;
  }
  return hasher.digest();
}

/**
 * Rows curation dropped leave the draft as it becomes the version (the traces keep them, and the recipe counts
 * them), so a frozen version holds exactly the curated rows and the next draft starts from those.
 */
export function freezeDataset(repo: DatasetRepository, sources: SourceRepository, name: string, now: number, gate: CurationGate): CommandOutput<'datasets.freeze'> {
  const dataset = mustDataset(repo, name);
  return repo.write(() => {
    const draft = repo.draft(dataset.id);
    if (!draft) throw new CommandError('conflict', `"${dataset.name}" has no draft to freeze: add rows or edit a row first`);
    if (draft.row_count === 0) throw new CommandError('invalid_input', `the draft of "${dataset.name}" has no rows: add rows before freezing`);
    const dropped = gate.droppedKeys(dataset.id, draft.id);
    const rows = draft.row_count - repo.deleteRows(draft.id, dropped);
    if (rows === 0) throw new CommandError('invalid_input', `curation dropped every row of the draft of "${dataset.name}": keep some rows (override or accept in review) before freezing`);
    const number = (repo.latestFrozen(dataset.id)?.number ?? 0) + 1;
    const hash = hashVersion(repo, draft.id);
    const spread = clusterSpread(repo, sources, draft.id);
    const curation = gate.recipe(dataset.id);
    const recipe = { ...(JSON.parse(draft.recipe_json) as Recipe), ...(curation ?? {}) };
    const full = { ...recipe, counts: { rows, clusters: spread.clusters, groups: spread.groups, unclustered: spread.unclustered } };
    const warnings = guardrails(dataset, rows, spread, recipe);
    if (!repo.freeze(draft.id, number, hash, full, warnings, now)) throw new CommandError('conflict', 'the draft changed while freezing: try again');
    repo.touch(dataset.id, now);
    return { dataset: dataset.name, version: `v${number}`, number, rows, hash, warnings };
  });
}

export interface Spread {
  clusters: number;
  groups: number;
  unclustered: number;
}

function clusterSpread(repo: DatasetRepository, sources: SourceRepository, versionId: number): Spread {
  const counts = repo.clusterCounts(versionId);
  const ids = counts.filter((c) => c.cluster_id !== null).map((c) => c.cluster_id as number);
  const groups = new Set(sources.groupsOf(ids).values());
  return { clusters: ids.length, groups: groups.size, unclustered: counts.find((c) => c.cluster_id === null)?.n ?? 0 };
}

export function guardrails(dataset: Pick<DatasetRecord, 'kind'>, rows: number, spread: Spread, recipe: Recipe): string[] {
  if (dataset.kind !== 'training') return [];
  const warnings: string[] = [];
  if (rows < MIN_TRAINING_ROWS) warnings.push(`only ${rows} rows: a training set usually needs at least ${MIN_TRAINING_ROWS} to teach a task`);
  if (spread.clusters > SPREAD_CLUSTERS && spread.groups >= SPREAD_GROUPS) {
    warnings.push(`rows come from ${spread.clusters} clusters in ${spread.groups} unrelated groups: a training set for one task is usually narrower`);
  }
  if ((recipe.filters ?? []).length === 0 && (recipe.judge ?? null) === null) {
    warnings.push('no curation run yet: no filter or judge has checked these rows');
  }
  return warnings;
}
