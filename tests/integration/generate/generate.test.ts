// Synthetic generation through the core against the local fake server: the estimate before any call, best-of-N
// with the judge (ties broken by helpfulness, then by the first sample), alternatives kept and listed, rows that
// record teacher, score and settings, a failing teacher recorded and never guessed, and a budget that stops cleanly.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../../src/main/core/create-core.ts';
import type { GenerateReport } from '../../../src/main/core/evaluate/generate-module.ts';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../support/fake-openai-server.ts';
import { teacherModels } from '../../support/teacher-models.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

/** The judge's score of each sample (by its seed): samples 1 and 3 tie on overall; helpfulness decides for colours. */
const OVERALL = [0.5, 0.9, 0.7, 0.9];
const script = teacherModels({
  teachers: { 'teacher-a': (prompt, seed) => `${prompt}: answer ${seed ?? 'none'}` },
  broken: ['teacher-down'],
  judge: (answer, prompt) => {
    const seed = Number(/answer (\d+)/.exec(answer)?.[1] ?? 0);
    return { overall: OVERALL[seed]!, helpfulness: prompt.includes('colour') && seed === 3 ? 0.95 : 0.9 };
  },
});

describe('synthetic generation', { timeout: 120_000 }, () => {
  let dir: ReturnType<typeof makeTempDir>;
  let server: FakeOpenAiServer;
  let core: Core;
  const chats = () => server.requests.filter((r) => r.path === '/v1/chat/completions');

  async function settle(jobId: number): Promise<GenerateReport> {
    const job = await core.jobs.waitFor(jobId);
    expect(job.status, job.error ?? '').toBe('succeeded');
    return job.result as GenerateReport;
  }

  beforeAll(async () => {
    dir = makeTempDir();
    server = await startFakeOpenAiServer();
    core = createCore({
      dataDir: join(dir.path, 'data'),
      env: {
        OPENAI_BASE_URL: server.baseUrl,
        OPENAI_API_KEY: 'sk-generate',
        WINNOW_LLM_MODEL: 'judge-m',
        WINNOW_LLM_PRICES: JSON.stringify({ 'teacher-a': { input: 1000, output: 2000 }, 'judge-m': { input: 500, output: 500 } }),
      },
    });
  }, 60_000);
  afterAll(async () => {
    await core.close();
    await server.close();
    dir.remove();
  });
  beforeEach(() => {
    server.reset();
    server.chatReply = script;
  });

  it('estimates first, keeps the best of N with deterministic ties, and lists the alternatives', async () => {
    const file = join(dir.path, 'prompts.txt');
    writeFileSync(file, 'Name a fruit\n\nName a colour\n');
    const input = { dataset: 'synth', prompts: { type: 'file' as const, path: file }, teacher: { model: 'teacher-a' }, n: 4 };
    const estimate = await core.invoke('generate.estimate', input);
    expect(estimate).toMatchObject({ prompts: 2, teacherCalls: 8, judgeCalls: 8, calls: 16 });
    expect(estimate.usd).toBeGreaterThan(0);
    expect(estimate.models.map((m) => [m.role, m.model])).toEqual([['teacher', 'teacher-a'], ['judge', 'judge-m']]);
    expect(chats()).toHaveLength(0);

    const { jobId } = await core.invoke('generate.start', input);
    const report = await settle(jobId);
    expect(report).toMatchObject({ prompts: 2, generated: 2, failed: 0, budgetReached: false });
    // Four distinct teacher requests per prompt (one seed each), and one judgement per answer.
    const teacherCalls = chats().filter((r) => r.body['model'] === 'teacher-a');
    expect(teacherCalls.map((r) => r.body['seed']).sort()).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(chats().filter((r) => r.body['model'] === 'judge-m')).toHaveLength(8);

    const rows = await core.invoke('datasets.rows', { dataset: 'synth' });
    expect(rows.total).toBe(2);
    const byPrompt = new Map(rows.items.map((r) => [r.prompt, r]));
    // Fruit: samples 1 and 3 tie at 0.9 with equal helpfulness, so the first sample wins.
    expect(byPrompt.get('Name a fruit')?.response.content).toBe('Name a fruit: answer 1');
    // Colour: the same tie, but sample 3 is the more helpful.
    expect(byPrompt.get('Name a colour')?.response.content).toBe('Name a colour: answer 3');
    expect(byPrompt.get('Name a fruit')?.metadata).toEqual({
      generated: { teacher: 'teacher-a', teacherProvider: 'Environment', judge: 'judge-m', judgeScore: 0.9, sample: 1, settings: { n: 4, temperature: 0.8, maxTokens: 1024 } },
    });

    const fruit = byPrompt.get('Name a fruit')!;
    const alternatives = await core.invoke('generate.alternatives', { dataset: 'synth', rowId: fruit.rowKey });
    expect(alternatives.items.map((a) => [a.slot, a.text, a.overall, a.chosen])).toEqual([
      [0, 'Name a fruit: answer 0', 0.5, false],
      [1, 'Name a fruit: answer 1', 0.9, true],
      [2, 'Name a fruit: answer 2', 0.7, false],
      [3, 'Name a fruit: answer 3', 0.9, false],
    ]);
    await expect(core.invoke('generate.alternatives', { dataset: 'synth', rowId: 12345 })).rejects.toMatchObject({ code: 'not_found' });

    // Generated rows come from no trace, and curation and freeze take them like any other row.
    expect((await core.jobs.waitFor((await core.invoke('curate.run', { dataset: 'synth' })).jobId)).status).toBe('succeeded');
    expect((await core.invoke('curate.summary', { dataset: 'synth' })).kept).toBe(2);
    expect((await core.invoke('datasets.freeze', { dataset: 'synth' })).rows).toBe(2);
  });

  it('reads JSONL prompts (chat or single prompt) and points at a bad line', async () => {
    const good = join(dir.path, 'prompts.jsonl');
    writeFileSync(good, [JSON.stringify({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Name a tree' }] }), JSON.stringify({ prompt: 'Name a river' })].join('\n'));
    const { jobId } = await core.invoke('generate.start', { dataset: 'jsonl', prompts: { type: 'file', path: good }, teacher: { model: 'teacher-a' }, n: 1 });
    expect(await settle(jobId)).toMatchObject({ generated: 2 });
    const rows = await core.invoke('datasets.rows', { dataset: 'jsonl' });
    expect(rows.items.map((r) => r.messages)).toEqual([
      [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Name a tree' }],
      [{ role: 'user', content: 'Name a river' }],
    ]);
    const bad = join(dir.path, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ prompt: 'ok' })}\n{"prompt": \n`);
    await expect(core.invoke('generate.estimate', { dataset: 'jsonl', prompts: { type: 'file', path: bad }, teacher: { model: 'teacher-a' } })).rejects.toThrow(/line 2: not valid JSON/);
  });

  it('records a failing teacher instead of guessing an answer', async () => {
    const { jobId } = await core.invoke('generate.start', { dataset: 'down', prompts: { type: 'list', prompts: ['Name a fish'] }, teacher: { model: 'teacher-down' }, n: 2 });
    const report = await settle(jobId);
    expect(report).toMatchObject({ prompts: 1, generated: 0, failed: 1 });
    expect((await core.invoke('datasets.rows', { dataset: 'down' })).total).toBe(0);
    // Nothing was judged: there was no answer to judge.
    expect(chats().filter((r) => r.body['model'] === 'judge-m')).toHaveLength(0);
  });

  it('stops cleanly at the budget, never past it', async () => {
    const prompts = Array.from({ length: 10 }, (_, i) => `Name animal number ${i + 1}`);
    const input = { dataset: 'budget', prompts: { type: 'list' as const, prompts }, teacher: { model: 'teacher-a' }, n: 2, maxTokens: 50 };
    const estimate = await core.invoke('generate.estimate', input);
    const budgetUsd = (estimate.usd! / 10) * 3.5;
    const { jobId } = await core.invoke('generate.start', { ...input, budgetUsd });
    const report = await settle(jobId);
    expect(report.budgetReached).toBe(true);
    expect(report.generated).toBeGreaterThan(0);
    expect(report.generated).toBeLessThan(10);
    expect(report.skippedForBudget).toBe(10 - report.generated);
    expect(report.cost.usd).toBeLessThanOrEqual(budgetUsd);
    expect((await core.invoke('datasets.rows', { dataset: 'budget' })).total).toBe(report.generated);
  });
});
