// What identifies a judgement: the row hash (what the judge sees of the row: messages, tools, response, and the
// cluster's rules) and the rubric hash (rubric, task description, prompt version). Imports: node:crypto.
import { createHash } from 'node:crypto';
import { PROMPT_VERSION, type ClusterContext, type JudgeRowInput } from './judge-prompt.ts';

/** JSON with object keys sorted at every depth, so equal content hashes equally whatever the key order. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

export function rowHash(row: JudgeRowInput, cluster: ClusterContext | null): string {
  return sha(canonical({ messages: row.messages, tools: row.tools ?? null, response: row.response, cluster }));
}

export function rubricHash(rubric: string, taskDescription: string): string {
  return sha(canonical({ rubric: rubric.trim(), task: taskDescription.trim(), v: PROMPT_VERSION }));
}
