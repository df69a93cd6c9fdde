// Creates datasets and fills their draft from a source: collect the rows, admit them (duplicates, leakage,
// columns, cap), then write rows, exclusions, columns and the recipe in one transaction. Edits rows of the draft.
// Imports: rpc errors, contract types, repositories, collect, admit, lookup, row content, engine types.
import type { AddReport, CommandArgs, CommandOutput, DatasetRowView, RowPatch, RowSource } from '../../../shared/contract/index.ts';
import { CommandError } from '../platform/rpc/router.ts';
import { admit, leftOutNotes } from './admit.ts';
import { collectRows } from './collect.ts';
import type { DatasetRecord, DatasetRepository, VersionRecord } from './dataset-repository.ts';
import { mustDataset, versionLabel } from './dataset-lookup.ts';
import type { LeakageRow } from './engine/leakage.ts';
import type { DatasetRow } from './engine/types.ts';
import { datasetSummary } from './dataset-views.ts';
import { decodeRow, encodeRow, rowView } from './row-content.ts';
import type { SourceRepository } from './source-repository.ts';

export interface Recipe {
  sources: Record<string, unknown>[];
  clustering: { runId: number; embedder: string; params: unknown } | null;
  excludes: string | null;
  nearThreshold: number | null;
  filters: unknown[];
  judge: unknown;
  [more: string]: unknown;
}

export function emptyRecipe(excludes: string | null, nearThreshold: number | null): Recipe {
  return { sources: [], clustering: null, excludes, nearThreshold, filters: [], judge: null };
}

export interface LeakageSummary {
  candidates: number;
  counts: { exact: number; conversation: number; normalized: number; near: number };
  warning: string | null;
}

export class FillService {
  private readonly repo: DatasetRepository;
  private readonly sources: SourceRepository;
  private readonly now: () => number;

  constructor(repo: DatasetRepository, sources: SourceRepository, now: () => number) {
    this.repo = repo;
    this.sources = sources;
    this.now = now;
  }

  create(input: CommandArgs<'datasets.create'>): CommandOutput<'datasets.create'> {
    if (this.repo.byName(input.name)) throw new CommandError('conflict', `a dataset named "${input.name}" already exists: pick another name, or add rows to it`);
    let excluded: { dataset: DatasetRecord; version: VersionRecord } | null = null;
    if (input.excludeEval) {
      if (input.kind !== 'training') throw new CommandError('invalid_input', 'only a training dataset excludes an eval version');
      excluded = this.evalVersion(input.excludeEval.dataset, input.excludeEval.version);
    }
    const excludes = excluded ? `${excluded.dataset.name}@${versionLabel(excluded.version)}` : null;
    const now = this.now();
    const draft: DatasetRecord = {
      id: 0,
      name: input.name,
      kind: input.kind,
      description: input.description,
      task_description: input.taskDescription ?? '',
      columns_json: null,
      exclude_version_id: excluded?.version.id ?? null,
      near_threshold: input.nearThreshold,
      leakage_json: null,
      created_at: now,
      updated_at: now,
    };
    const plan = input.source ? this.plan(draft, null, input.source, input.upToCap) : null;
    const report = this.repo.write(() => {
      const id = this.repo.createDataset({
        name: input.name,
        kind: input.kind,
        description: input.description,
        taskDescription: input.taskDescription ?? plan?.taskDescription ?? '',
        excludeVersionId: draft.exclude_version_id,
        nearThreshold: input.nearThreshold,
        now,
      });
      const version = this.repo.createDraft(id, null, emptyRecipe(excludes, excluded ? input.nearThreshold : null), now);
      return plan ? this.apply({ ...draft, id }, version, plan) : emptyReport(input.name);
    });
    return { dataset: datasetSummary(this.repo, this.repo.byName(input.name)!), report };
  }

  addRows(input: CommandArgs<'datasets.addRows'>): AddReport {
    const dataset = mustDataset(this.repo, input.dataset);
    const existing = this.repo.draft(dataset.id);
    const plan = this.plan(dataset, existing ?? this.repo.latestFrozen(dataset.id) ?? null, input.source, input.upToCap);
    return this.repo.write(() => {
      const draft = this.ensureDraft(dataset);
      const report = this.apply(dataset, draft, plan);
      if (!dataset.task_description && plan.taskDescription) this.repo.setTaskDescription(dataset.id, plan.taskDescription);
      return report;
    });
  }

  updateRow(input: { dataset: string; rowKey: number; patch: RowPatch }): DatasetRowView {
    const dataset = mustDataset(this.repo, input.dataset);
    return this.repo.write(() => {
      const draft = this.ensureDraft(dataset);
      const stored = this.repo.getRow(draft.id, input.rowKey);
      if (!stored) throw new CommandError('not_found', `row ${input.rowKey} is not in the draft of "${dataset.name}"`);
      const row = decodeRow(stored.content_json);
      const patch = input.patch;
      if (patch.labels !== undefined) row.labels = [...new Set(patch.labels)].sort();
      if ('expectedOutput' in patch) row.expectedOutput = patch.expectedOutput ?? null;
      if (patch.note !== undefined) row.note = patch.note;
      if (patch.response !== undefined) row.response = patch.response as DatasetRow['response'];
      this.repo.updateRow(draft.id, input.rowKey, encodeRow(row).content);
      this.repo.touch(dataset.id, this.now());
      return rowView(decodeRow(encodeRow(row).content, stored.split));
    });
  }

  /** The draft, or a new one holding the latest frozen version's rows. Call inside a write transaction. */
  ensureDraft(dataset: DatasetRecord): VersionRecord {
    const draft = this.repo.draft(dataset.id);
    if (draft) return draft;
    const latest = this.repo.latestFrozen(dataset.id) ?? null;
    const recipe = latest ? { ...(JSON.parse(latest.recipe_json) as Recipe), basedOn: versionLabel(latest), counts: undefined } : emptyRecipe(null, null);
    return this.repo.createDraft(dataset.id, latest, recipe, this.now());
  }

  private evalVersion(name: string, number: number): { dataset: DatasetRecord; version: VersionRecord } {
    const dataset = mustDataset(this.repo, name);
    if (dataset.kind !== 'eval') throw new CommandError('invalid_input', `"${dataset.name}" is a ${dataset.kind} dataset: a training set can only exclude an eval dataset`);
    const version = this.repo.frozen(dataset.id, number);
    if (!version) {
      const have = this.repo.versions(dataset.id).filter((v) => v.status === 'frozen').map(versionLabel);
      throw new CommandError('not_found', `"${dataset.name}" has no frozen version v${number}${have.length ? ` (it has ${have.join(', ')})` : ': freeze it first'}`);
    }
    return { dataset, version };
  }

  /** Everything that can refuse happens here, before the write transaction. */
  private plan(dataset: DatasetRecord, base: VersionRecord | null, source: RowSource, upToCap: boolean): Plan {
    const collected = collectRows(this.sources, source);
    const evalRows = dataset.exclude_version_id === null ? null : this.loadEvalRows(dataset.exclude_version_id);
    const admitted = admit(collected.rows, {
      kind: dataset.kind,
      declaredColumns: dataset.columns_json === null ? null : (JSON.parse(dataset.columns_json) as string[]),
      current: base?.row_count ?? 0,
      inDraft: base ? (key) => this.repo.hasRow(base.id, key) : () => false,
      evalRows,
      nearThreshold: dataset.near_threshold,
      upToCap,
    });
    return { collected, admitted, taskDescription: collected.taskDescription };
  }

  private apply(dataset: DatasetRecord, draft: VersionRecord, plan: Plan): AddReport {
    const { collected, admitted } = plan;
    const now = this.now();
    const added = this.repo.insertRows(draft.id, admitted.rows.map(encodeRow));
    if (dataset.columns_json === null && added > 0) this.repo.setColumns(dataset.id, admitted.columns, now);
    else this.repo.touch(dataset.id, now);
    if (admitted.leakage) {
      this.repo.insertExclusions(
        dataset.id,
        admitted.leakage.rows.map((e) => ({
          rowKey: Number(e.row.rowId),
          sourceTraceId: e.row.sourceTraceId,
          rule: e.rule,
          evalRowKey: Number(e.evalRowId),
          similarity: e.similarity,
          prompt: rowView(e.row).prompt,
        })),
      );
      const prior: LeakageSummary = dataset.leakage_json ? (JSON.parse(dataset.leakage_json) as LeakageSummary) : { candidates: 0, counts: { exact: 0, conversation: 0, normalized: 0, near: 0 }, warning: null };
      const c = admitted.leakage.excluded;
      this.repo.setLeakage(dataset.id, {
        candidates: prior.candidates + admitted.leakage.candidates,
        counts: { exact: prior.counts.exact + c.exact, conversation: prior.counts.conversation + c.conversation, normalized: prior.counts.normalized + c.normalized, near: prior.counts.near + c.near },
        warning: admitted.leakage.warning ?? prior.warning,
      } satisfies LeakageSummary);
    }
    const recipe = JSON.parse(this.repo.versionById(draft.id)!.recipe_json) as Recipe;
    recipe.sources = [...(recipe.sources ?? []), { ...collected.recipe, added }];
    if (collected.run) recipe.clustering = { runId: collected.run.id, embedder: collected.run.embedder, params: collected.run.params };
    this.repo.setRecipe(draft.id, recipe);
    const leaked = admitted.leakage ? admitted.leakage.rows.length : 0;
    const leftOut = {
      failed: collected.failed,
      emptyResponse: collected.emptyResponse,
      duplicate: admitted.duplicate,
      leaked,
      missingColumns: admitted.missingColumns,
      overCap: admitted.overCap,
    };
    const notes = leftOutNotes(leftOut);
    if (admitted.leakage?.warning) notes.push(admitted.leakage.warning);
    return {
      dataset: dataset.name,
      offered: collected.offered,
      added,
      draftRows: this.repo.versionById(draft.id)!.row_count,
      leftOut,
      missingColumnMessages: admitted.missingColumnMessages,
      columns: dataset.columns_json === null ? admitted.columns : (JSON.parse(dataset.columns_json) as string[]),
      leakage: admitted.leakage ? { candidates: admitted.leakage.candidates, excluded: admitted.leakage.excluded, overlap: admitted.leakage.overlap, warning: admitted.leakage.warning, threshold: admitted.leakage.threshold } : null,
      notes,
    };
  }

  /** The rows leakage compares against: ids, conversation and prompt of every row of the eval version. */
  loadEvalRows(versionId: number): LeakageRow[] {
    const rows: LeakageRow[] = [];
    for (let after = -1; ; ) {
      const page = this.repo.contentPage(versionId, after, 5000);
      for (const r of page) {
        const row = decodeRow(r.content_json);
        rows.push({ rowId: row.rowId, sourceTraceId: row.sourceTraceId, conversationId: row.conversationId, messages: row.messages });
      }
      if (page.length < 5000) break;
      after = page[page.length - 1]!.row_key;
    }
    return rows;
  }
}

interface Plan {
  collected: ReturnType<typeof collectRows>;
  admitted: ReturnType<typeof admit>;
  taskDescription: string | null;
}

function emptyReport(name: string): AddReport {
  return {
    dataset: name,
    offered: 0,
    added: 0,
    draftRows: 0,
    leftOut: { failed: 0, emptyResponse: 0, duplicate: 0, leaked: 0, missingColumns: 0, overCap: 0 },
    missingColumnMessages: [],
    columns: [],
    leakage: null,
    notes: [],
  };
}
