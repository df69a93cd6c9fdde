// Checks a value against a JSON Schema with zod 4's maintained converter (`z.fromJSONSchema`), compiled once
// per distinct schema. Imports: zod.

import { z } from 'zod';

export type SchemaCheck = { ok: true } | { ok: false; reason: string } | { unsupported: string };

type Compiled = { schema: z.ZodType } | { error: string };
const compiled = new Map<string, Compiled>();
/** Rows repeat a handful of schemas; the cap only guards against a file where every row carries its own. */
const MAX_CACHED = 1000;

function compile(schema: unknown): Compiled {
  const key = JSON.stringify(schema);
  let hit = compiled.get(key);
  if (!hit) {
    try {
      hit = { schema: z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]) };
    } catch (e) {
      hit = { error: (e as Error).message };
    }
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(key, hit);
  }
  return hit;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

export function checkSchema(schema: unknown, value: unknown): SchemaCheck {
  const c = compile(schema);
  if ('error' in c) return { unsupported: c.error };
  const result = c.schema.safeParse(value);
  if (result.success) return { ok: true };
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  // zod reports a missing required property as an invalid value; say what a reviewer would.
  const what = issue.path.length && valueAt(value, issue.path) === undefined ? 'required property is missing' : issue.message;
  const more = result.error.issues.length > 1 ? ` (+${result.error.issues.length - 1} more)` : '';
  return { ok: false, reason: `${where}: ${what}${more}` };
}
