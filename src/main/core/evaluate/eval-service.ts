// Starting evaluation runs and what they need: the frozen eval version, the models and judge chosen through
// the llm domain, the estimate, the evaluators of a dataset and its rows, and a stored run made ready for the
// runner. Imports: node:crypto, contract schemas, rpc errors, datasets/curate/judge/llm indexes, this domain's modules.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Evaluator, MetricOptions, type EvalEstimate, type EvalModel, type EvaluatorSet, type ModelRef, type VersionRef } from '../../../shared/contract/index.ts';
import type { TraceFactsRepository } from '../curate/index.ts';
import type { VersionAccess, VersionHandle } from '../datasets/index.ts';
import type { ChosenModel, LlmModule } from '../llm/index.ts';
import { CommandError } from '../platform/rpc/router.ts';
import { callUsd } from './engine/eval-cost.ts';
import { DEFAULT_EVAL_RUBRIC } from './engine/eval-judge.ts';
import { evalTokens, judgeTokens } from './engine/eval-tokens.ts';
import { loadItems, type EvalItem } from './eval-items.ts';
import type { EvalRepository, RunModel } from './eval-repository.ts';
import type { PreparedRun } from './eval-runner.ts';

/** The dataset's saved judge model (the judge's settings), the default of the judge metric. */
export interface JudgeModelSetting {
  settings(dataset: string): { model: ModelRef | null };
}

export interface EvalServiceDeps {
  repo: EvalRepository;
  versions: VersionAccess;
  facts: Pick<TraceFactsRepository, 'facts'>;
  llm: Pick<LlmModule, 'chooseModel' | 'service'>;
  judge: JudgeModelSetting;
  now: () => number;
}

export interface RunRequest {
  dataset: string;
  version: VersionRef;
  models: EvalModel[];
  metric: string;
  metricOptions?: z.input<typeof MetricOptions> | undefined;
  systemPrompt?: string | undefined;
}

const DATASET_SCOPE = 0;
const Evaluators = z.array(Evaluator);

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export class EvalService {
  readonly #d: EvalServiceDeps;

  constructor(deps: EvalServiceDeps) {
    this.#d = deps;
  }

  get repo(): EvalRepository {
    return this.#d.repo;
  }

  /** The version to evaluate: frozen, of an eval dataset; anything else is refused with what to do. */
  frozenEvalVersion(dataset: string, version: VersionRef): VersionHandle {
    const h = this.#d.versions.resolve(dataset, version);
    if (!h.frozen) throw new CommandError('invalid_input', `${h.dataset}@${h.label} is a draft: only a frozen version can be evaluated (freeze it first, then evaluate ${h.dataset}@vN)`);
    if (h.kind !== 'eval') throw new CommandError('invalid_input', `${h.dataset} is a training dataset: evaluation runs use an eval dataset's frozen version`);
    return h;
  }

  #checkRequest(r: RunRequest): MetricOptions {
    const options = MetricOptions.parse(r.metricOptions ?? {});
    if (r.metric === 'regex') {
      if (!options.pattern) throw new CommandError('invalid_input', 'the regex metric needs a pattern (metricOptions.pattern, or --pattern)');
      try {
        new RegExp(options.pattern, options.flags ?? '');
      } catch (e) {
        throw new CommandError('invalid_input', `the regex pattern is not valid: ${(e as Error).message}`);
      }
    }
    if (r.metric === 'schema' && !options.schema) throw new CommandError('invalid_input', 'the schema metric needs a JSON schema (metricOptions.schema, or --schema FILE)');
    const labels = r.models.map((m) => m.alias ?? m.model);
    const twice = labels.find((l, i) => labels.indexOf(l) !== i);
    if (twice) throw new CommandError('invalid_input', `two models are labelled "${twice}": give one of them an alias`);
    return options;
  }

  #judgeModel(dataset: string, options: MetricOptions, evaluators: readonly Evaluator[]): ChosenModel | null {
    const needs = options.judgeModel !== undefined || evaluators.some((e) => e.rule.type === 'rubric');
    return needs ? this.#chooseJudge(dataset, options.judgeModel) : null;
  }

  #chooseJudge(dataset: string, ref: ModelRef | undefined): ChosenModel {
    return this.#d.llm.chooseModel(ref ?? this.#savedJudgeModel(dataset) ?? undefined);
  }

  /** The dataset's judge model (its judge settings, kept with the dataset whether or not it has a draft). */
  #savedJudgeModel(dataset: string): ModelRef | null {
    return this.#d.judge.settings(dataset).model;
  }

  #evaluatorsOf(datasetId: number): { dataset: Evaluator[]; rows: Map<number, Evaluator[]> } {
    const rows = new Map<number, Evaluator[]>();
    let dataset: Evaluator[] = [];
    for (const [rowKey, list] of this.#d.repo.allEvaluators(datasetId)) {
      const parsed = Evaluators.parse(list);
      if (rowKey === DATASET_SCOPE) dataset = parsed;
      else rows.set(rowKey, parsed);
    }
    return { dataset, rows };
  }

  estimate(r: RunRequest): EvalEstimate {
    const options = this.#checkRequest(r);
    const h = this.frozenEvalVersion(r.dataset, r.version);
    const items = loadItems(this.#d.versions, this.#d.facts, h, r.systemPrompt ?? null);
    const ev = this.#evaluatorsOf(h.datasetId);
    // One judgement per answer under each rubric: the judge metric's, then every dataset-wide rubric evaluator's.
    const rubrics = [...(r.metric === 'judge' ? [options.rubric ?? DEFAULT_EVAL_RUBRIC] : []), ...ev.dataset.flatMap((e) => (e.rule.type === 'rubric' ? [e.rule.rubric] : []))];
    const judge = rubrics.length > 0 ? this.#chooseJudge(r.dataset, options.judgeModel) : null;
    const { input, output, exact } = evalTokens(items);
    const models = r.models.map((m) => {
      const chosen = this.#d.llm.chooseModel(m);
      return { model: m.alias ?? chosen.endpoint.model, provider: chosen.providerName, calls: items.length, inputTokens: input, outputTokens: output, usd: callUsd(input, output, chosen.price), pricePer1M: chosen.price };
    });
    // Every model's answers and the baseline's are judged.
    const answers = r.models.length + 1;
    const judgeCalls = rubrics.length * items.length * answers;
    const judged = judge ? judgeTokens(items, rubrics) : null;
    const judgeUsd = judge && judged ? callUsd(judged.input * answers, judged.output * answers, judge.price) : 0;
    const parts = [...models.map((m) => m.usd), judgeUsd];
    return {
      dataset: h.dataset,
      version: h.label,
      rows: items.length,
      models,
      judge: judge ? { model: judge.endpoint.model, provider: judge.providerName, calls: judgeCalls, usd: judgeUsd } : null,
      totalUsd: parts.some((u) => u === null) ? null : parts.reduce<number>((s, u) => s + (u ?? 0), 0),
      exact: exact && (judged?.exact ?? true),
    };
  }

  /** Stores a new run (its settings, the prompt and the evaluators as they are now); the job is started by the caller. */
  createRun(r: RunRequest & { budgetUsd?: number | undefined; concurrency: number }): number {
    const options = this.#checkRequest(r);
    const h = this.frozenEvalVersion(r.dataset, r.version);
    const ev = this.#evaluatorsOf(h.datasetId);
    const models: RunModel[] = r.models.map((m) => {
      const chosen = this.#d.llm.chooseModel(m);
      return { model: chosen.endpoint.model, provider: chosen.providerName, alias: m.alias ?? null, label: m.alias ?? chosen.endpoint.model };
    });
    if (r.metric === 'judge' || ev.dataset.some((e) => e.rule.type === 'rubric')) this.#chooseJudge(r.dataset, options.judgeModel);
    const priced = models.every((m) => this.#d.llm.chooseModel({ model: m.model, provider: m.provider }).price !== null);
    if (r.budgetUsd !== undefined && !priced) {
      throw new CommandError('invalid_input', 'a model of this run has no price, so a budget cannot be kept: set its price per 1M tokens in Settings → Model providers');
    }
    const systemPrompt = r.systemPrompt ?? null;
    return this.#d.repo.createRun({
      datasetId: h.datasetId,
      versionId: h.versionId,
      dataset: h.dataset,
      versionNumber: Number(h.label.slice(1)),
      metric: r.metric,
      metricOptions: options,
      models,
      systemPrompt,
      systemPromptHash: systemPrompt === null ? null : sha256(systemPrompt),
      evaluators: { dataset: ev.dataset, rows: Object.fromEntries(ev.rows) },
      budgetUsd: r.budgetUsd ?? null,
      concurrency: r.concurrency,
      rowCount: h.rows,
      now: this.#d.now(),
    });
  }

  /** The dataset id runs are listed by (any dataset name that exists). */
  datasetIdOf(dataset: string): number {
    return this.#d.versions.resolve(dataset, undefined).datasetId;
  }

  mustRun(runId: number): NonNullable<ReturnType<EvalRepository['run']>> {
    const run = this.#d.repo.run(runId);
    if (!run) throw new CommandError('not_found', `there is no evaluation run ${runId} (winnow eval list shows them)`);
    return run;
  }

  /** The run's rows as they are sent (the version is frozen, so they are the rows the run started with). */
  items(runId: number): { run: ReturnType<EvalService['mustRun']>; items: EvalItem[] } {
    const run = this.mustRun(runId);
    const h = this.#d.versions.resolve(run.dataset, run.versionNumber);
    return { run, items: loadItems(this.#d.versions, this.#d.facts, h, run.systemPrompt) };
  }

  prepare(runId: number): PreparedRun {
    const { run, items } = this.items(runId);
    const options = MetricOptions.parse(run.metricOptions);
    const datasetEvaluators = Evaluators.parse(run.evaluators.dataset);
    const rowEvaluators = new Map(Object.entries(run.evaluators.rows).map(([k, v]) => [Number(k), Evaluators.parse(v)]));
    const allRules = [...datasetEvaluators, ...[...rowEvaluators.values()].flat()];
    const judge = run.metric === 'judge' ? this.#chooseJudge(run.dataset, options.judgeModel) : this.#judgeModel(run.dataset, options, allRules);
    return { run, items, options, datasetEvaluators, rowEvaluators, judge };
  }

  evaluators(dataset: string, rowKey: number | undefined): EvaluatorSet {
    const h = this.#d.versions.resolve(dataset, undefined);
    const all = this.#d.repo.allEvaluators(h.datasetId);
    return {
      dataset: h.dataset,
      rowKey: rowKey ?? null,
      evaluators: Evaluators.parse(all.get(rowKey ?? DATASET_SCOPE) ?? []),
      rowsWithEvaluators: [...all.keys()].filter((k) => k !== DATASET_SCOPE),
    };
  }

  setEvaluators(dataset: string, rowKey: number | undefined, evaluators: readonly Evaluator[]): EvaluatorSet {
    const names = evaluators.map((e) => e.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) throw new CommandError('invalid_input', `two evaluators are named "${twice}": names must differ`);
    for (const e of evaluators) {
      if (e.rule.type !== 'regex') continue;
      try {
        new RegExp(e.rule.pattern, e.rule.flags);
      } catch (err) {
        throw new CommandError('invalid_input', `evaluator "${e.name}": the regex is not valid: ${(err as Error).message}`);
      }
    }
    const h = this.#d.versions.resolve(dataset, undefined);
    this.#d.repo.setEvaluators(h.datasetId, rowKey ?? DATASET_SCOPE, evaluators);
    return this.evaluators(dataset, rowKey);
  }
}
