// What `winnow generate` and `winnow relabel` share: model names from the command line, the estimate's lines,
// (waiting for the job is the CLI's followJob). Imports: core, contract, CLI helpers.
import type { ModelRef, TeacherEstimate } from '../../../shared/contract/index.ts';
import { UsageError } from '../output.ts';

export function modelOf(name: string | undefined, provider: string | undefined): ModelRef | undefined {
  if (!name) return undefined;
  return { model: name, ...(provider ? { provider } : {}) };
}

export function numberFlag(flag: string, value: string | undefined, check: (n: number) => boolean, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`${flag} must be ${what}, not "${value}"`);
  return n;
}

const usd = (v: number | null): string => (v === null ? 'unknown (a model has no price)' : `$${v.toFixed(4)}`);

export function teacherEstimateLines(e: TeacherEstimate): string[] {
  return [
    `${e.dataset}: ${e.prompts} prompts with ${e.models.map((m) => `${m.role} ${m.model} (${m.provider})`).join(', ')}`,
    `at most ${e.calls} calls, ${e.inputTokens} input tokens, up to ${e.outputTokens} output tokens: ${usd(e.usd)}`,
  ];
}
