// Scores one answer to one row the way the run says: its metric (the judge through the llm client's structured
// output) and every evaluator of the dataset and of the row. Used alike for the models and the baseline.
// Imports: contract types, the llm index, this domain's engine and items.
import type { Evaluator, MetricOptions } from '../../../shared/contract/index.ts';
import { structured, type ChatCaller, type ChatResult } from '../llm/index.ts';
import { applyRule } from './engine/eval-evaluators.ts';
import { DEFAULT_EVAL_RUBRIC, EvalJudgeReply, evalJudgeMessages, JUDGE_MAX_TOKENS, judgeVerdict } from './engine/eval-judge.ts';
import { scoreAnswer, type DeterministicMetric, type Verdict } from './engine/eval-metrics.ts';
import { displayText, type Answer } from './engine/eval-output.ts';
import type { EvalItem } from './eval-items.ts';

export interface EvaluatorOutcome {
  name: string;
  scope: 'dataset' | 'row';
  pass: boolean;
  detail: string | null;
}

export interface Scored extends Verdict {
  evaluators: EvaluatorOutcome[];
  /** The judge's calls this scoring made (cost and tokens add to the run's). */
  judgeCalls: ChatResult[];
}

export interface ScoringPlan {
  metric: string;
  options: MetricOptions;
  datasetEvaluators: readonly Evaluator[];
  rowEvaluators: ReadonlyMap<number, readonly Evaluator[]>;
  /** Needed when the metric is `judge` or a rubric evaluator applies; null otherwise. */
  judge: ChatCaller | null;
}

async function judged(plan: ScoringPlan, rubric: string, passMark: number, item: EvalItem, out: Answer, signal?: AbortSignal): Promise<Verdict & { calls: ChatResult[] }> {
  if (!plan.judge) throw new Error('no judge model is available for this run');
  const messages = evalJudgeMessages(rubric, item.prompt, displayText(item.expected), displayText(out));
  const r = await structured(plan.judge, EvalJudgeReply, messages, { signal, maxTokens: JUDGE_MAX_TOKENS, temperature: 0 });
  // A judge that replied malformed JSON twice gives no verdict: the row fails with the reason, never a guess.
  if (!r.ok) return { pass: false, score: 0, detail: `the judge's reply was unusable: ${r.error}`, calls: r.calls };
  return { ...judgeVerdict(r.value, passMark), calls: r.calls };
}

export async function scoreItem(plan: ScoringPlan, item: EvalItem, out: Answer, signal?: AbortSignal): Promise<Scored> {
  const judgeCalls: ChatResult[] = [];
  let main: Verdict;
  if (plan.metric === 'judge') {
    const v = await judged(plan, plan.options.rubric ?? DEFAULT_EVAL_RUBRIC, plan.options.passMark, item, out, signal);
    judgeCalls.push(...v.calls);
    main = { pass: v.pass, score: v.score, detail: v.detail };
  } else {
    main = scoreAnswer(plan.metric as DeterministicMetric, out, item.expected, {
      ...(plan.options.pattern !== undefined ? { pattern: plan.options.pattern } : {}),
      ...(plan.options.flags !== undefined ? { flags: plan.options.flags } : {}),
      ...(plan.options.schema !== undefined ? { schema: plan.options.schema } : {}),
    });
  }
  const evaluators: EvaluatorOutcome[] = [];
  const all: [Evaluator, 'dataset' | 'row'][] = [
    ...plan.datasetEvaluators.map((e): [Evaluator, 'dataset'] => [e, 'dataset']),
    ...(plan.rowEvaluators.get(item.rowKey) ?? []).map((e): [Evaluator, 'row'] => [e, 'row']),
  ];
  for (const [e, scope] of all) {
    let v = applyRule(e.rule, out);
    if (v === null && e.rule.type === 'rubric') {
      const j = await judged(plan, e.rule.rubric, e.rule.passMark, item, out, signal);
      judgeCalls.push(...j.calls);
      v = j;
    }
    if (v) evaluators.push({ name: e.name, scope, pass: v.pass, detail: v.detail });
  }
  // A row passes when the metric and every evaluator that applies to it pass (a regression row's own rule counts).
  const failedRule = evaluators.find((e) => !e.pass);
  const pass = main.pass && !failedRule;
  const detail = main.detail ?? (failedRule ? `evaluator "${failedRule.name}" failed${failedRule.detail ? `: ${failedRule.detail}` : ''}` : null);
  return { pass, score: main.score, detail, evaluators, judgeCalls };
}
