// Owns: the deterministic metrics (exact, normalized, json, contains, regex, schema, tool) that decide whether an
// answer passes against the expected one. Imports: ajv (schema validation), this folder's answer shape. Pure.
import { Ajv, type ValidateFunction } from 'ajv';
import type { Answer } from './eval-output.ts';

export type DeterministicMetric = 'exact' | 'normalized' | 'json' | 'contains' | 'regex' | 'schema' | 'tool';

export interface Verdict {
  pass: boolean;
  /** 1 or 0 for these metrics; the judge's 0-1 for the judge. */
  score: number;
  /** Why it failed, in words ("not valid JSON: ..."); null when it passed. */
  detail: string | null;
}

export interface MetricSettings {
  pattern?: string;
  flags?: string;
  schema?: Record<string, unknown>;
}

/** Case folded, Unicode-normalised (NFKC), runs of whitespace made one space, trimmed. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The JSON inside a reply: the whole text, or the body of a code fence around all of it. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const body = /^\s*```[\w-]*\s*\n([\s\S]*?)\n?\s*```\s*$/.exec(text)?.[1] ?? text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
}

/** Deep equality of JSON values: object key order does not matter, array order does. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const verdict = (pass: boolean, why: string): Verdict => ({ pass, score: pass ? 1 : 0, detail: pass ? null : why });

// One compiled validator per schema text: a run validates thousands of outputs against one schema.
const ajv = new Ajv({ allErrors: false, strict: false });
const compiled = new Map<string, ValidateFunction>();

export function schemaCheck(value: unknown, schema: Record<string, unknown>): Verdict {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  if (validate(value)) return verdict(true, '');
  const e = validate.errors?.[0];
  return verdict(false, `does not match the schema: ${e ? `${e.instancePath || '/'} ${e.message ?? ''}` : 'invalid'}`.trim());
}

function toolMatch(out: Answer, expected: Answer): Verdict {
  if (out.toolCalls.length !== expected.toolCalls.length) return verdict(false, `${out.toolCalls.length} tool calls, expected ${expected.toolCalls.length}`);
  for (let i = 0; i < expected.toolCalls.length; i++) {
    const o = out.toolCalls[i]!;
    const e = expected.toolCalls[i]!;
    if (o.name !== e.name) return verdict(false, `tool call ${i + 1} is ${o.name}, expected ${e.name}`);
    const oa = parseJsonText(o.arguments);
    const ea = parseJsonText(e.arguments);
    if (!oa.ok) return verdict(false, `tool call ${i + 1} arguments: ${oa.error}`);
    if (!(ea.ok ? jsonEqual(oa.value, ea.value) : o.arguments === e.arguments)) return verdict(false, `tool call ${i + 1} (${o.name}) has other arguments`);
  }
  return verdict(true, '');
}

/** Scores one answer against the expected one with a deterministic metric. Throws only on a bad regex/schema. */
export function scoreAnswer(metric: DeterministicMetric, out: Answer, expected: Answer, settings: MetricSettings = {}): Verdict {
  switch (metric) {
    case 'exact':
      return verdict(out.text === expected.text, 'differs from the expected output');
    case 'normalized':
      return verdict(normalizeText(out.text) === normalizeText(expected.text), 'differs from the expected output (case and spacing ignored)');
    case 'contains':
      return verdict(normalizeText(out.text).includes(normalizeText(expected.text)), 'does not contain the expected output');
    case 'json': {
      const o = parseJsonText(out.text);
      if (!o.ok) return verdict(false, o.error);
      const e = parseJsonText(expected.text);
      if (!e.ok) return verdict(false, `the expected output is ${e.error}`);
      return verdict(jsonEqual(o.value, e.value), 'a different JSON value');
    }
    case 'regex': {
      if (!settings.pattern) throw new Error('the regex metric needs a pattern');
      return verdict(new RegExp(settings.pattern, settings.flags ?? '').test(out.text), `does not match /${settings.pattern}/${settings.flags ?? ''}`);
    }
    case 'schema': {
      if (!settings.schema) throw new Error('the schema metric needs a JSON schema');
      const o = parseJsonText(out.text);
      return o.ok ? schemaCheck(o.value, settings.schema) : verdict(false, o.error);
    }
    case 'tool':
      return toolMatch(out, expected);
  }
}
