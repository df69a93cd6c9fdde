// Curation with the LLM judge against a local OpenAI-compatible server (the real `openai` client): the judge
// scores only the rows the filters kept, flags and borderline follow the threshold, moving the threshold makes no
// call, a re-run is answered from stored judgements, and judge-human agreement matches figures computed here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/create-core.ts';
import { type ChatRequestBody, type FakeOpenAiServer, startFakeOpenAiServer } from '../../support/fake-openai-server.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { allRows, curate, settle } from '../../support/curate-core.ts';

const N = 20;
/** The fake judge scores question n at n/20: every score is known here. */
const scoreOf = (n: number): number => n / N;

function reply(body: ChatRequestBody): string {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  const n = Number(/question number (\d+)/.exec(user)?.[1] ?? 0);
  const s = scoreOf(n);
  return JSON.stringify({ helpfulness: s, relevance: s, format: 1, overall: s, rationale: `Question ${n} scores ${s}.` });
}

describe('curation with the judge', () => {
  const dir = makeTempDir('winnow-curate-judge-');
  let server: FakeOpenAiServer;
  let core: Core;
  const numberOf = new Map<number, number>();
  const chatCalls = (): number => server.requests.filter((r) => r.path === '/v1/chat/completions').length;

  beforeAll(async () => {
    server = await startFakeOpenAiServer();
    server.chatReply = reply;
    core = createCore({
      dataDir: join(dir.path, 'data'),
      env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-test-0123456789', WINNOW_LLM_MODEL: 'judge-mini', WINNOW_LLM_PRICES: JSON.stringify({ 'judge-mini': { input: 1, output: 2 } }) },
    });
    const file = join(dir.path, 'numbered.jsonl');
    const records = Array.from({ length: N }, (_, i) => ({
      prompt: `Support question number ${i + 1}: ${['reset a password', 'change the plan', 'export invoices', 'close the account', 'add a teammate'][i % 5]} for customer ${i * 37}?`,
      response: `Here is how to do it for customer ${i * 37}: open Settings, choose option ${i + 1}, and confirm.`,
    }));
    // One refusal the filters drop: the judge must never see it.
    records.push({ prompt: 'Support question number 99: write malware for me', response: "I'm sorry, but I can't help with that." });
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    await settle(core, (await core.invoke('imports.start', { paths: [file] })).jobId);
    await core.invoke('datasets.create', { name: 'numbered', kind: 'training', taskDescription: 'Answer support questions.', source: { type: 'filter', where: {} } });
  }, 120_000);
  afterAll(async () => {
    await core.close();
    await server.close();
    dir.remove();
  });

  it('judges the kept rows, flags below the threshold and queues the borderline ones', async () => {
    await curate(core, { dataset: 'numbered', judge: { threshold: 0.5, margin: 0.1 } });
    expect(chatCalls()).toBe(N);
    for (const r of await allRows(core, 'numbered')) numberOf.set(r.rowKey, Number(/question number (\d+)/.exec(r.row.prompt)![1]));
    const s = await core.invoke('curate.summary', { dataset: 'numbered' });
    // Scores n/20 below 0.5: n = 1..9; within 0.1 of 0.5: n = 8..12.
    expect(s).toMatchObject({ rows: N + 1, judged: N, flagged: 9, borderline: 5, kept: N - 9, judge: { model: 'judge-mini', threshold: 0.5, margin: 0.1 } });
    expect(s.dropped.refusal).toBe(1);
    expect(s.cost.usd).toBeGreaterThan(0);
    expect(s.cost.tokens).toBeGreaterThan(0);
    const queue = await core.invoke('review.queue', { dataset: 'numbered' });
    expect(queue.items.map((r) => numberOf.get(r.rowKey)).sort((a, b) => a! - b!)).toEqual([8, 9, 10, 11, 12]);
    expect(queue.items[0]!.judge).toMatchObject({ status: 'ok', model: 'judge-mini' });
    expect(queue.items[0]!.borderlineReasons[0]).toMatch(/within 0.10 of the threshold 0.50/);
    const scores = await core.invoke('curate.scores', { dataset: 'numbered', bins: 10 });
    expect(scores.bins.reduce((a, b) => a + b.count, 0)).toBe(N);
  }, 120_000);

  it('computes agreement and kappa as counted here, and applies the best threshold without a call', async () => {
    const rows = await allRows(core, 'numbered');
    const keyOf = new Map([...numberOf].map(([k, n]) => [n, k]));
    // The reviewer accepts n >= 7 (a stricter judge line would be 0.35), and rejects 3..6.
    const accepted = [7, 8, 9, 10, 11, 12, 15];
    const rejected = [3, 4, 5, 6];
    for (const n of accepted) await core.invoke('review.decide', { dataset: 'numbered', rowKey: keyOf.get(n)!, decision: 'accept' });
    for (const n of rejected) await core.invoke('review.decide', { dataset: 'numbered', rowKey: keyOf.get(n)!, decision: 'reject' });
    expect(rows.length).toBe(N + 1);

    const calls = chatCalls();
    const figures = await core.invoke('review.agreement', { dataset: 'numbered' });
    // At 0.5 the judge accepts n >= 10: pairs (judge, human) over n in accepted ∪ rejected.
    const pairs = [...accepted.map((n) => [scoreOf(n) >= 0.5, true]), ...rejected.map((n) => [scoreOf(n) >= 0.5, false])] as [boolean, boolean][];
    const agree = pairs.filter(([j, h]) => j === h).length / pairs.length;
    const pj = pairs.filter(([j]) => j).length / pairs.length;
    const ph = pairs.filter(([, h]) => h).length / pairs.length;
    const pe = pj * ph + (1 - pj) * (1 - ph);
    expect(figures.compared).toBe(11);
    expect(figures.agreement).toBeCloseTo(agree, 12);
    expect(figures.kappa).toBeCloseTo((agree - pe) / (1 - pe), 12);
    // Any threshold in (0.30, 0.35] separates them perfectly; the best candidate is the score 0.35 itself.
    expect(figures.best).toEqual({ threshold: 0.35, agreement: 1, kappa: 1 });

    const moved = await core.invoke('curate.setThreshold', { dataset: 'numbered', threshold: figures.best!.threshold });
    // Flagged now: n = 1..6 (scores below 0.35); reviews decide 3..12 and 15 whatever the threshold.
    expect(moved.flagged).toBe(6);
    expect(moved.judge?.threshold).toBe(0.35);
    expect((await core.invoke('review.agreement', { dataset: 'numbered' })).agreement).toBe(1);
    expect(chatCalls()).toBe(calls);
  }, 120_000);

  it('re-runs from stored judgements, with no call and no cost', async () => {
    const calls = chatCalls();
    await curate(core, { dataset: 'numbered', judge: { threshold: 0.35, margin: 0.1 } });
    expect(chatCalls()).toBe(calls);
    const s = await core.invoke('curate.summary', { dataset: 'numbered' });
    expect(s).toMatchObject({ judged: N, flagged: 6, cost: { usd: 0 } });
    expect(s.reviewed.total).toBe(11);
  }, 120_000);

  it('starts from the same default threshold as the judge settings when the run names none', async () => {
    const judgeDefault = (await core.invoke('judge.settings.get', { dataset: 'numbered' })).threshold;
    await curate(core, { dataset: 'numbered', judge: {} });
    expect((await core.invoke('curate.summary', { dataset: 'numbered' })).judge?.threshold).toBe(judgeDefault);
    expect(judgeDefault).toBe(0.6);
  }, 120_000);

  it('starts the judge membership cut where the curation review cut starts', async () => {
    const judge = await core.invoke('judge.settings.get', { dataset: 'numbered' });
    const curation = await core.invoke('curate.summary', { dataset: 'numbered' });
    expect(judge.minMembership).toBe(curation.review.membershipBelow);
    expect(judge.minMembership).toBe(0.5);
  }, 120_000);
});
