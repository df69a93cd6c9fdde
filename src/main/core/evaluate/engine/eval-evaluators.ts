// Owns: applying a dataset's or a row's pass rules (exact, contains, regex, JSON schema) to an answer; rubric
// rules are judged by the service and arrive here as a verdict. Imports: this folder's metrics (pure).
import type { Answer } from './eval-output.ts';
import { normalizeText, parseJsonText, schemaCheck, type Verdict } from './eval-metrics.ts';

export type EvaluatorRuleIn =
  | { type: 'exact'; value: string; normalized: boolean }
  | { type: 'contains'; value: string; caseSensitive: boolean }
  | { type: 'regex'; pattern: string; flags: string }
  | { type: 'schema'; schema: Record<string, unknown> }
  | { type: 'rubric'; rubric: string; passMark: number };

const v = (pass: boolean, why: string): Verdict => ({ pass, score: pass ? 1 : 0, detail: pass ? null : why });

/** The verdict of a non-rubric rule; null for a rubric rule (it needs the judge). */
export function applyRule(rule: EvaluatorRuleIn, out: Answer): Verdict | null {
  switch (rule.type) {
    case 'exact':
      return rule.normalized ? v(normalizeText(out.text) === normalizeText(rule.value), 'differs') : v(out.text === rule.value, 'differs');
    case 'contains':
      return rule.caseSensitive ? v(out.text.includes(rule.value), `does not contain "${rule.value}"`) : v(out.text.toLowerCase().includes(rule.value.toLowerCase()), `does not contain "${rule.value}"`);
    case 'regex':
      return v(new RegExp(rule.pattern, rule.flags).test(out.text), `does not match /${rule.pattern}/${rule.flags}`);
    case 'schema': {
      const parsed = parseJsonText(out.text);
      return parsed.ok ? schemaCheck(parsed.value, rule.schema) : v(false, parsed.error);
    }
    case 'rubric':
      return null;
  }
}
