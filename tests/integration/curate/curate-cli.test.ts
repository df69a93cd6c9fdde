// `winnow curate`, `pii` and `review` as a user runs them: real processes over a temp data folder holding a
// dataset made from the pipeline fixture.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../support/fake-openai-server.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { repoRoot } from '../../support/shared-data.ts';
import { coreWithDataset, PIPELINE_FIXTURE } from '../../support/curate-core.ts';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe('winnow curate, pii and review', () => {
  const dir = makeTempDir('winnow-curate-cli-');
  const data = join(dir.path, 'data');

  let env: NodeJS.ProcessEnv = process.env;
  function winnow(...args: string[]): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(repoRoot, 'src/main/cli/winnow.ts'), '--data', data, ...args], { env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  }

  async function json<T>(...args: string[]): Promise<T> {
    const r = await winnow(...args, '--json');
    if (r.status !== 0) throw new Error(`winnow ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return JSON.parse(r.stdout) as T;
  }

  beforeAll(async () => {
    const core = await coreWithDataset(data, PIPELINE_FIXTURE, 'support');
    await core.close();
  }, 120_000);
  afterAll(() => dir.remove());

  it('documents the commands in --help', async () => {
    const help = (await winnow('--help')).stdout;
    for (const text of ['curate NAME', '--filters LIST', '--judge MODEL', '--review-below S', 'pii NAME', '--redact', 'review NAME --list STAGE', '--accept ROW', '--pii P']) expect(help).toContain(text);
  }, 240_000);

  it('curates with the default filters and with a chosen list, printing the documented shape', async () => {
    const all = await json<Record<string, unknown>>('curate', 'support');
    expect(Object.keys(all).sort()).toEqual(['borderline', 'cost', 'dropped', 'flagged', 'judged', 'kept', 'rows'].sort());
    expect(all).toMatchObject({ rows: 14, kept: 6, judged: 0, flagged: 0, cost: { usd: 0, tokens: 0 } });
    expect(all['dropped']).toMatchObject({ failed: 1, empty: 1, refusal: 1, truncated: 2, invalid_json: 1, pii: 1, duplicate: 1 });

    const some = await json<{ kept: number; dropped: Record<string, number> }>('curate', 'support', '--filters', 'empty,refusal');
    expect(some.kept).toBe(12);
    expect(some.dropped).toMatchObject({ empty: 1, refusal: 1, truncated: 0, pii: 0, duplicate: 0 });

    const bad = await winnow('curate', 'support', '--filters', 'empty,nonsense');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown filter nonsense/);
    const missing = await winnow('curate', 'nobody');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no dataset named "nobody"/);
  }, 300_000);

  it('counts PII and redacts it', async () => {
    expect(await json('pii', 'support')).toEqual({ rows: 14, rowsWithPii: 1, spans: 3, byType: { EMAIL: 2, CREDIT_CARD: 1 } });
    expect(await json('pii', 'support', '--redact')).toMatchObject({ rows: 14, spans: 3, rowsChanged: 1 });
    expect(await json('pii', 'support')).toMatchObject({ spans: 0, byType: {} });
  }, 240_000);

  it('lists a stage and records accept and reject decisions with a note', async () => {
    await json('curate', 'support');
    const list = await json<{ total: number; items: { row: number; prompt: string }[] }>('review', 'support', '--list', 'dropped:truncated');
    expect(list.total).toBe(2);
    const [first, second] = list.items;
    const accepted = await json<{ row: number; decision: string; kept: boolean; note: string | null }>('review', 'support', '--accept', String(first!.row), '--note', 'ends fine');
    expect(accepted).toMatchObject({ row: first!.row, decision: 'accept', kept: true, note: 'ends fine' });
    expect(await json('review', 'support', '--reject', String(second!.row))).toMatchObject({ decision: 'reject', kept: false });
    const reviewed = await json<{ total: number; items: { row: number }[] }>('review', 'support', '--list', 'reviewed');
    expect(reviewed.items.map((i) => i.row).sort()).toEqual([first!.row, second!.row].sort());
    const both = await winnow('review', 'support', '--accept', '1', '--reject', '2');
    expect(both.status).toBe(2);
  }, 300_000);

  it('prints the judge estimate first, then judges the kept rows with the model named', async () => {
    const server: FakeOpenAiServer = await startFakeOpenAiServer();
    // Scores by answer length, so some rows fall below 0.5 and some do not.
    server.chatReply = (body) => {
      const s = Math.min(1, (body.messages.find((m) => m.role === 'user')?.content.length ?? 0) / 2000);
      return JSON.stringify({ helpfulness: s, relevance: s, format: 1, overall: s, rationale: 'By length.' });
    };
    env = { ...process.env, OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-cli-test-0123456789', WINNOW_LLM_PRICES: JSON.stringify({ 'judge-mini': { input: 1, output: 2 } }) };
    try {
      const r = await winnow('curate', 'support', '--judge', 'judge-mini', '--threshold', '0.5', '--json');
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/judge estimate for 14 rows with judge-mini: at most \d+ calls/);
      const doc = JSON.parse(r.stdout) as { kept: number; judged: number; cost: { usd: number; tokens: number } };
      const judgeCalls = server.requests.filter((q) => q.path === '/v1/chat/completions').length;
      expect(doc.judged).toBe(judgeCalls);
      expect(doc.judged).toBeGreaterThan(0);
      expect(doc.judged).toBeLessThan(14);
      expect(doc.cost.tokens).toBeGreaterThan(0);
      expect(doc.cost.usd).toBeGreaterThan(0);
    } finally {
      env = process.env;
      await server.close();
    }
  }, 300_000);
});
