// Owns: agreement with Langfuse's own ChatML normalisation (traces/*.chatml.json) on roles, contents and tool-call
// names for every observation both sides turn into chat messages; known, deliberate differences are listed.
// Imports: vitest, node fs/path/url, the shared test helpers.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/main/core/traces/parse/index.ts';
import { readAll } from '../fixtures/ingest/read-all.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tracesDir = resolve(repoRoot, '../shared/data/langfuse-framework-traces/traces');
const hasData = existsSync(tracesDir);
if (!hasData) console.warn(`[ingest-langfuse-chatml] skipped: no Langfuse traces at ${tracesDir}`);

interface LangfuseMessage {
  role?: unknown;
  content?: unknown;
  tool_calls?: Array<{ name?: string }>;
  json?: { text?: unknown };
}
type Side = { success: boolean; data?: LangfuseMessage[] };

/**
 * Where we differ from Langfuse on purpose:
 * - Gemini's `model` role is the assistant (Langfuse keeps "model").
 * - LangChain JS logs a tool result under the tool's name as role; we make it a tool message.
 * - Gemini function_response parts are tool results, not user turns.
 * - BeeAI logs {role, text}: Langfuse shows empty content (text under `json`), we read the text.
 */
const ROLE_OVERRIDES: Record<string, Record<number, string>> = {
  'google-adk-2025-08-28.trace.json/bded677884f031ce': { 3: 'tool' },
};

/** Observations Langfuse renders but our rules reject: a generation logged without any user turn. */
const EXPECTED_REJECTIONS: Record<string, string> = {
  'microsoft-agent-2025-12-17.trace.json/b0913e7cd82d72b8': 'no_user_turn',
};

function text(content: unknown): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') {
    try {
      const parsed = JSON.parse(content) as unknown;
      if (typeof parsed === 'object' && parsed !== null) return JSON.stringify(parsed);
    } catch {
      // plain text
    }
    return content;
  }
  if (Array.isArray(content)) {
    return content.map((p: { text?: unknown; content?: unknown }) => (typeof p === 'string' ? p : String(p?.text ?? p?.content ?? JSON.stringify(p)))).join('');
  }
  return JSON.stringify(content);
}

function theirs(messages: LangfuseMessage[], overrides: Record<number, string> | undefined): string[] {
  const called = new Set<string>();
  return messages.map((m, i) => {
    let role = String(m.role);
    if (role === 'model') role = 'assistant';
    if (called.has(role)) role = 'tool';
    for (const tc of m.tool_calls ?? []) if (tc.name) called.add(tc.name);
    role = overrides?.[i] ?? role;
    const body = text(m.content) || (typeof m.json?.text === 'string' ? m.json.text : '');
    const calls = (m.tool_calls ?? []).map((tc) => tc.name).join(',');
    return `${role}|${body}|${calls}`;
  });
}

function ours(messages: ChatMessage[]): string[] {
  return messages.map((m) => {
    const calls = (m.tool_calls ?? []).map((tc) => (tc as { function?: { name?: string } }).function?.name ?? '').join(',');
    return `${m.role}|${text(m.content)}|${calls}`;
  });
}

describe.skipIf(!hasData)('Langfuse ChatML agreement', () => {
  it('agrees with Langfuse on roles, contents and tool calls wherever both produce a conversation', async () => {
    let compared = 0;
    const notComparable: string[] = [];
    for (const file of readdirSync(tracesDir).filter((f) => f.endsWith('.trace.json')).sort()) {
      const chatmlPath = join(tracesDir, file.replace('.trace.json', '.chatml.json'));
      if (!existsSync(chatmlPath)) continue;
      const chatml = JSON.parse(readFileSync(chatmlPath, 'utf8')) as Record<string, { input?: Side; output?: Side }>;
      const { records } = await readAll(join(tracesDir, file));
      const byId = new Map(records.map((r) => [(JSON.parse(r.raw) as { id: string }).id, r.result]));

      for (const [id, sides] of Object.entries(chatml)) {
        const key = `${file}/${id}`;
        if (!sides.input?.success || (sides.output && !sides.output.success)) continue; // Langfuse could not normalise it
        const lf = [...(sides.input.data ?? []), ...(sides.output?.data ?? [])];
        if (lf.some((m) => typeof m.role !== 'string')) {
          notComparable.push(key); // Langfuse produced no chat messages (e.g. bare {tools} or {json} entries)
          continue;
        }
        const result = byId.get(id);
        expect(result, key).toBeDefined();
        if (!result) continue;
        if (EXPECTED_REJECTIONS[key]) {
          expect(result.ok === false && result.error.code, key).toBe(EXPECTED_REJECTIONS[key]);
          continue;
        }
        if (!result.ok) throw new Error(`${key}: ${result.error.code} ${result.error.message}`);
        expect(ours(result.trace.messages), key).toEqual(theirs(lf, ROLE_OVERRIDES[key]));
        compared++;
      }
    }
    // Not vacuous: most framework generations are compared.
    expect(compared).toBeGreaterThanOrEqual(35);
    expect(notComparable.length).toBeLessThanOrEqual(6);
  });
});
