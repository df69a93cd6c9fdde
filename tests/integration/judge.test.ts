// The LLM judge through the core against a local OpenAI-compatible server driven by the real `openai` client:
// scores stored per (row, model, rubric) so a re-run makes no call, thresholds without calls, malformed replies
// retried once then failed, 429 with retry-after, timeouts, slow replies under the provider's limit, a budget that
// stops cleanly, cancel/resume, the estimate against gpt-tokenizer counted here, and the key kept in main.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countTokens } from 'gpt-tokenizer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import type { AppEvent } from '../../src/shared/contract/index.ts';
import { type ChatRequestBody, type FakeOpenAiServer, startFakeOpenAiServer } from '../support/fake-openai-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const KEY = 'sk-judge-secret-0123456789';
const ROWS = 12;
/** USD per 1M tokens: high, so that a few calls add up to a budget a test can reach. */
const PRICE = { input: 100, output: 200 };

/** Each row's question carries its number, and the fake judge scores row n at about n/12, so every score is known. */
const score = (n: number): number => Math.round(((((n - 1) % ROWS) + 1) / ROWS) * 100) / 100;

function reply(body: ChatRequestBody): string {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  const n = Number(/question number (\d+)/.exec(user)?.[1] ?? 0);
  if (/garbled forever/.test(user)) return 'I think this answer is pretty good!';
  if (/garbled once/.test(user) && body.messages.length === 2) return '{"helpfulness": 7, "relevance": 8}';
  const s = score(n);
  return JSON.stringify({ helpfulness: s, relevance: s, format: 1, overall: s, rationale: `Row ${n} is as good as its number.` });
}

const judgeRequests = (server: FakeOpenAiServer) => server.requests.filter((r) => r.path === '/v1/chat/completions');

describe('the LLM judge', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let server: FakeOpenAiServer;
  let core: Core;
  const events: AppEvent[] = [];

  async function makeDataset(name: string, questions: string[]): Promise<void> {
    const file = join(dir.path, `${name}.jsonl`);
    writeFileSync(file, questions.map((q, i) => JSON.stringify({ prompt: q, response: `Answer ${i}: a reply long enough to read.`, metadata: { task: name } })).join('\n'));
    const job = await core.jobs.waitFor((await core.invoke('imports.start', { paths: [file] })).jobId);
    expect(job.status).toBe('succeeded');
    await core.invoke('datasets.create', { name, kind: 'eval', taskDescription: `Answer ${name} questions.`, source: { type: 'filter', where: { task: [name] } } });
  }

  const numbered = (name: string, n = ROWS) => Array.from({ length: n }, (_, i) => `${name} question number ${i + 1}: what should happen next?`);

  beforeAll(async () => {
    dir = makeTempDir();
    server = await startFakeOpenAiServer();
    core = createCore({
      dataDir: join(dir.path, 'data'),
      env: {
        OPENAI_BASE_URL: server.baseUrl,
        OPENAI_API_KEY: KEY,
        WINNOW_LLM_MODEL: 'judge-mini',
        WINNOW_LLM_CONCURRENCY: '4',
        WINNOW_LLM_PRICES: JSON.stringify({ 'judge-mini': PRICE }),
      },
    });
    core.events.on((e) => events.push(e));
  }, 60_000);
  afterAll(async () => {
    await core.close();
    await server.close();
    dir.remove();
  });
  beforeEach(() => {
    server.reset();
    server.chatReply = reply;
  });

  it('estimates calls, tokens (as gpt-tokenizer counts the messages actually sent) and cost before spending', async () => {
    await makeDataset('alpha', numbered('alpha'));
    const estimate = await core.invoke('judge.estimate', { dataset: 'alpha' });
    expect(estimate).toMatchObject({ dataset: 'alpha', version: 'draft', model: 'judge-mini', provider: 'Environment', rows: ROWS, alreadyJudged: 0, calls: ROWS, exact: true });
    expect(judgeRequests(server)).toHaveLength(0);

    const { jobId } = await core.invoke('judge.run', { dataset: 'alpha', threshold: 0.5 });
    const job = await core.jobs.waitFor(jobId);
    expect(job.status).toBe('succeeded');
    const sent = judgeRequests(server);
    expect(sent).toHaveLength(ROWS);
    // Counted here from the request bodies the server received: 3 tokens per message plus 3 priming the reply.
    const independent = sent.reduce((n, r) => n + 3 + (r.body.messages as { content: string }[]).reduce((m, msg) => m + 3 + countTokens(msg.content), 0), 0);
    expect(estimate.inputTokens).toBe(independent);
    expect(estimate.usd).toBeCloseTo((estimate.inputTokens * PRICE.input + estimate.outputTokens * PRICE.output) / 1e6, 10);
    expect(estimate.pricePer1M).toEqual(PRICE);
  });

  it('stores scores per row, flags below the threshold and marks borderline within the margin', async () => {
    const summary = await core.invoke('judge.summary', { dataset: 'alpha' });
    expect(summary).toMatchObject({ rows: ROWS, judged: ROWS, failed: 0, pending: 0, model: 'judge-mini' });
    expect(summary.settings).toMatchObject({ threshold: 0.5, margin: 0.05 });
    // Row n scores round(n/12, 2): below 0.5 are rows 1..5; within 0.05 of 0.5 is row 6 (0.5) only.
    expect(summary.flagged).toBe(5);
    expect(summary.borderline).toBe(1);
    expect(summary.histogram.reduce((a, b) => a + b, 0)).toBe(ROWS);
    expect(summary.histogram).toHaveLength(20);
    const { items } = await core.invoke('judge.results', { dataset: 'alpha', filter: 'all', limit: 100 });
    expect(items).toHaveLength(ROWS);
    for (const r of items) {
      const n = Number(/question number (\d+)/.exec(r.prompt)![1]);
      expect(r).toMatchObject({ status: 'judged', overall: score(n), format: 1, rationale: `Row ${n} is as good as its number.`, flagged: n <= 5, error: null });
    }
    // Cost so far: the tokens the server reported, at the provider's price.
    expect(summary.cost.calls).toBe(ROWS);
    expect(summary.cost.usd).toBeCloseTo((summary.cost.inputTokens * PRICE.input + summary.cost.outputTokens * PRICE.output) / 1e6, 10);
    expect(summary.cost.usd).toBeGreaterThan(0);
  });

  it('re-runs at no cost and re-thresholds without a call', async () => {
    const before = await core.invoke('judge.summary', { dataset: 'alpha' });
    const { jobId, estimate } = await core.invoke('judge.run', { dataset: 'alpha' });
    expect(estimate).toMatchObject({ calls: 0, alreadyJudged: ROWS, inputTokens: 0, usd: 0 });
    const job = await core.jobs.waitFor(jobId);
    expect(job.result).toMatchObject({ rows: ROWS, reused: ROWS, judged: 0, cost: { calls: 0, usd: 0 } });
    await core.invoke('judge.settings.set', { dataset: 'alpha', patch: { threshold: 0.8, margin: 0.1 } });
    const after = await core.invoke('judge.summary', { dataset: 'alpha' });
    // Below 0.8: rows 1..9 (row 10 is 0.83); within 0.1 of 0.8 (0.7 … 0.9): 0.75 and 0.83, rows 9 and 10.
    expect(after.flagged).toBe(9);
    expect(after.borderline).toBe(2);
    expect(after.cost.usd).toBe(before.cost.usd);
    expect(judgeRequests(server)).toHaveLength(0);
    // A new rubric is a new judgement (the old ones stay stored); going back to it costs nothing again.
    await core.invoke('judge.rubric.set', { dataset: 'alpha', rubric: 'Score strictly.' });
    expect((await core.invoke('judge.estimate', { dataset: 'alpha' })).calls).toBe(ROWS);
    await core.invoke('judge.rubric.set', { dataset: 'alpha', rubric: null });
    expect((await core.invoke('judge.estimate', { dataset: 'alpha' })).calls).toBe(0);
  });

  it('retries a malformed judgement once, then marks it failed and never guesses', async () => {
    await makeDataset('beta', ['beta question number 3 garbled forever', 'beta question number 9 garbled once', 'beta question number 6 fine']);
    const job = await core.jobs.waitFor((await core.invoke('judge.run', { dataset: 'beta' })).jobId);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ judged: 2, failed: 1 });
    const sent = judgeRequests(server);
    const about = (word: string) => sent.filter((r) => JSON.stringify(r.body).includes(word)).length;
    expect(about('garbled forever')).toBe(2);
    expect(about('garbled once')).toBe(2);
    expect(about('number 6 fine')).toBe(1);
    const { items } = await core.invoke('judge.results', { dataset: 'beta', filter: 'all', limit: 10 });
    const failed = items.find((r) => r.prompt.includes('forever'))!;
    expect(failed).toMatchObject({ status: 'failed', overall: null, helpfulness: null, rationale: null, flagged: false, borderline: true });
    expect(failed.error).toMatch(/no JSON object/);
    expect(items.find((r) => r.prompt.includes('once'))).toMatchObject({ status: 'judged', overall: 0.75 });
    // The pipeline's read side sees the same.
    expect((await core.invoke('judge.results', { dataset: 'beta', filter: 'failed', limit: 10 })).total).toBe(1);
  });

  it('waits out a 429 for as long as retry-after says, then judges every row', async () => {
    await makeDataset('gamma', numbered('gamma', 4));
    server.failures['/v1/chat/completions'] = [{ status: 429, retryAfter: 1 }];
    const t0 = Date.now();
    const job = await core.jobs.waitFor((await core.invoke('judge.run', { dataset: 'gamma' })).jobId);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ judged: 4, failed: 0 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    const sent = judgeRequests(server);
    expect(sent.filter((r) => r.status === 429)).toHaveLength(1);
    // After the 429 every call waited: none was answered within the retry-after second.
    // After the 429 every call waited the second out: only those already in flight were answered before it ended.
    const refusedAt = sent.find((r) => r.status === 429)!.at;
    expect(sent.filter((r) => r.status === 200 && r.at > refusedAt + 100 && r.at < refusedAt + 950)).toEqual([]);
  });

  it("gives up on a reply slower than the provider's timeout and retries it", async () => {
    const slow = await core.invoke('providers.set', { name: 'Slow', baseUrl: server.baseUrl, timeoutMs: 1000, concurrency: 2, models: [{ name: 'judge-slow', inputPer1M: 0, outputPer1M: 0 }] });
    await makeDataset('delta', numbered('delta', 3));
    server.delayFor = (_req, index) => (index === 0 ? 2500 : 0);
    const job = await core.jobs.waitFor((await core.invoke('judge.run', { dataset: 'delta', model: { model: 'judge-slow', provider: 'Slow' } })).jobId);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ judged: 3, failed: 0, cost: { usd: 0 } });
    expect(judgeRequests(server)).toHaveLength(4);
    await core.invoke('providers.remove', { id: slow.id });
    await core.invoke('judge.settings.set', { dataset: 'delta', patch: { model: null } });
  });

  it("keeps slow replies under the provider's limit and uses all of it", async () => {
    await makeDataset('epsilon', numbered('epsilon', 16));
    // A reply an earlier test gave up on may still be held by the server; counting it would blame this run.
    while (server.inFlightNow() > 0) await new Promise((r) => setTimeout(r, 20));
    server.reset();
    server.delayMs = 150;
    const t0 = Date.now();
    const job = await core.jobs.waitFor((await core.invoke('judge.run', { dataset: 'epsilon' })).jobId);
    expect(job.status).toBe('succeeded');
    expect(server.maxInFlight['/v1/chat/completions']).toBe(4);
    // 16 calls, 4 at a time, 150 ms each: at least 4 rounds.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(600);
  });

  it('stops cleanly when the budget is reached, never spending past it', async () => {
    await makeDataset('zeta', numbered('zeta', 10));
    const estimate = await core.invoke('judge.estimate', { dataset: 'zeta' });
    const budget = (estimate.usd! / 10) * 3.5;
    const { jobId } = await core.invoke('judge.run', { dataset: 'zeta', budgetUsd: budget });
    const job = await core.jobs.waitFor(jobId);
    expect(job.status).toBe('succeeded');
    const result = job.result as { judged: number; budgetReached: boolean; skippedForBudget: number; cost: { usd: number } };
    expect(result.budgetReached).toBe(true);
    expect(result.judged).toBeGreaterThan(0);
    expect(result.judged).toBeLessThan(10);
    expect(result.skippedForBudget).toBe(10 - result.judged);
    expect(result.cost.usd).toBeLessThanOrEqual(budget);
    expect(job.phase).toMatch(/\$[\d.]+ spent of \$[\d.]+/);
    const summary = await core.invoke('judge.summary', { dataset: 'zeta' });
    expect(summary).toMatchObject({ judged: result.judged, pending: 10 - result.judged });
    // A budget on a model without a price cannot be kept: refused before a job exists.
    await core.invoke('providers.set', { name: 'Remote', baseUrl: 'https://llm.example.com/v1' });
    const refused = await core.dispatch('judge.run', { dataset: 'zeta', model: { model: 'unpriced-model', provider: 'Remote' }, budgetUsd: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('has no price') } });
  });

  it('cancels mid-run keeping whole batches, and resumes without paying twice', async () => {
    await makeDataset('eta', numbered('eta', 24));
    server.delayMs = 120;
    const { jobId } = await core.invoke('judge.run', { dataset: 'eta' });
    while ((core.jobs.get(jobId)?.done ?? 0) < 6) await new Promise((r) => setTimeout(r, 20));
    core.jobs.cancel(jobId);
    expect((await core.jobs.waitFor(jobId)).status).toBe('cancelled');
    const partial = await core.invoke('judge.summary', { dataset: 'eta' });
    expect(partial.judged).toBeGreaterThanOrEqual(6);
    expect(partial.judged).toBeLessThan(24);
    const stored = (await core.invoke('judge.results', { dataset: 'eta', filter: 'all', limit: 100 })).items.filter((r) => r.status === 'judged').map((r) => r.prompt);
    // Calls cut off by the cancel may still reach the server a moment later: let them land before resuming.
    await new Promise((r) => setTimeout(r, 100));
    const resumeAt = Date.now();
    core.jobs.resume(jobId);
    const resumed = await core.jobs.waitFor(jobId);
    expect(resumed.status).toBe('succeeded');
    expect(resumed.result).toMatchObject({ reused: partial.judged, judged: 24 - partial.judged });
    const after = judgeRequests(server).filter((r) => r.at >= resumeAt);
    expect(after).toHaveLength(24 - partial.judged);
    for (const prompt of stored) expect(after.some((r) => JSON.stringify(r.body).includes(prompt.slice(0, 30)))).toBe(false);
    expect((await core.invoke('judge.summary', { dataset: 'eta' })).judged).toBe(24);
  });

  it('never lets the API key out of main', async () => {
    expect(judgeRequests(server).length).toBe(0);
    const outputs = [
      await core.dispatch('providers.list', {}),
      await core.dispatch('judge.summary', { dataset: 'alpha' }),
      await core.dispatch('judge.results', { dataset: 'alpha', limit: 100 }),
      await core.dispatch('jobs.list', { limit: 50 }),
      events,
    ];
    expect(JSON.stringify(outputs)).not.toContain(KEY);
    // …while the server did receive it, as the bearer token.
    await makeDataset('theta', numbered('theta', 1));
    await core.jobs.waitFor((await core.invoke('judge.run', { dataset: 'theta' })).jobId);
    expect(judgeRequests(server)[0]?.authorization).toBe(`Bearer ${KEY}`);
  });
});
