// Committee relabelling through the core against the local fake server: every committee model answers each
// draft row, the arbiter's scores pick a winner (ties to the first seat), the original response stays untouched,
// strong disagreement (different short labels, or a wide score spread) puts the row in the review queue, and the
// dataset's training target switches what export writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../../src/main/core/create-core.ts';
import type { RelabelReport } from '../../../src/main/core/evaluate/generate-module.ts';
import { startFakeFinetuneServer } from '../../support/fake-finetune-server.ts';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../support/fake-openai-server.ts';
import { teacherModels } from '../../support/teacher-models.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const ROWS = [
  { prompt: 'Classify the sentiment: I love it', response: 'positive' },
  { prompt: 'Classify the sentiment: it was fine I guess', response: 'neutral' },
  { prompt: 'Explain why the sky is blue', response: 'Because of the air.' },
];
const ANSWERS: Record<string, Record<string, string>> = {
  'com-a': { love: 'positive', fine: 'negative', sky: 'Sunlight scatters off air molecules, and blue light scatters the most (Rayleigh scattering).' },
  'com-b': { love: 'Positive.', fine: 'neutral', sky: 'The sky reflects the ocean, which is blue.' },
};
const keyOf = (prompt: string): string => (prompt.includes('love') ? 'love' : prompt.includes('fine') ? 'fine' : 'sky');
const SCORES: Record<string, number> = { positive: 0.9, 'Positive.': 0.9, negative: 0.4, neutral: 0.7 };

describe('committee relabelling', { timeout: 120_000 }, () => {
  let dir: ReturnType<typeof makeTempDir>;
  let server: FakeOpenAiServer;
  let core: Core;

  async function settle<T>(jobId: number): Promise<T> {
    const job = await core.jobs.waitFor(jobId);
    expect(job.status, job.error ?? '').toBe('succeeded');
    return job.result as T;
  }

  /** The OpenAI fine-tuning export's assistant turn per prompt. */
  async function exportedResponses(out: string): Promise<Record<string, string>> {
    await settle((await core.invoke('datasets.export', { dataset: 'labels', version: 'draft', format: 'openai', out })).jobId);
    const lines = readFileSync(join(out, 'data.jsonl'), 'utf8').trim().split('\n');
    const rows = lines.map((l) => (JSON.parse(l) as { messages: { role: string; content: string }[] }).messages);
    return Object.fromEntries(rows.map((m) => [keyOf(m[m.length - 2]!.content), m[m.length - 1]!.content]));
  }

  beforeAll(async () => {
    dir = makeTempDir();
    server = await startFakeOpenAiServer();
    server.chatReply = teacherModels({
      teachers: Object.fromEntries(Object.entries(ANSWERS).map(([model, byKey]) => [model, (prompt: string) => byKey[keyOf(prompt)]!])),
      judge: (answer) => ({ overall: SCORES[answer.trim()] ?? (answer.includes('Rayleigh') ? 0.95 : 0.2) }),
    });
    core = createCore({ dataDir: join(dir.path, 'data'), env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-relabel', WINNOW_LLM_MODEL: 'arbiter-m' } });
    const file = join(dir.path, 'rows.jsonl');
    writeFileSync(file, ROWS.map((r) => JSON.stringify(r)).join('\n'));
    expect((await core.jobs.waitFor((await core.invoke('imports.start', { paths: [file] })).jobId)).status).toBe('succeeded');
    await core.invoke('datasets.create', { name: 'labels', kind: 'training', source: { type: 'filter', where: {} } });
  }, 60_000);
  afterAll(async () => {
    await core.close();
    await server.close();
    dir.remove();
  });

  it('relabels with a committee, keeps the originals, queues disagreements for review, and switches the export target', async () => {
    const input = { dataset: 'labels', committee: [{ model: 'com-a' }, { model: 'com-b' }] };
    const estimate = await core.invoke('relabel.estimate', input);
    expect(estimate).toMatchObject({ prompts: 3, teacherCalls: 6, judgeCalls: 6 });
    expect(estimate.models.map((m) => `${m.role}:${m.model}`)).toEqual(['committee:com-a', 'committee:com-b', 'arbiter:arbiter-m']);

    const report = await settle<RelabelReport>((await core.invoke('relabel.start', input)).jobId);
    expect(report).toMatchObject({ rows: 3, relabelled: 3, noWinner: 0, disagreements: 2 });

    const results = await core.invoke('relabel.results', { dataset: 'labels' });
    expect(results).toMatchObject({ total: 3, disagreements: 2, target: 'original' });
    const byKey = Object.fromEntries(results.items.map((r) => [keyOf(r.prompt), r]));
    // Same label (case and punctuation aside), same score: no disagreement, and the tie goes to the first seat.
    expect(byKey['love']).toMatchObject({ original: 'positive', winner: 'com-a', disagree: false, spread: 0 });
    expect(byKey['fine']).toMatchObject({ original: 'neutral', winner: 'com-b', disagree: true });
    expect(byKey['fine']!.reason).toContain('different labels');
    expect(byKey['sky']).toMatchObject({ original: 'Because of the air.', winner: 'com-a', disagree: true });
    expect(byKey['sky']!.spread).toBeCloseTo(0.75);
    expect(byKey['sky']!.answers.map((a) => [a.model, a.overall, a.chosen])).toEqual([
      ['com-a', 0.95, true],
      ['com-b', 0.2, false],
    ]);

    // Nothing was overwritten: the draft still holds the original responses.
    const draft = await core.invoke('datasets.rows', { dataset: 'labels' });
    expect(draft.items.map((r) => r.responseText).sort()).toEqual(['Because of the air.', 'neutral', 'positive']);

    // The disagreements are in the review queue, saying why.
    expect((await core.jobs.waitFor((await core.invoke('curate.run', { dataset: 'labels' })).jobId)).status).toBe('succeeded');
    const queue = await core.invoke('review.queue', { dataset: 'labels' });
    expect(queue.items.map((r) => keyOf(r.row.prompt)).sort()).toEqual(['fine', 'sky']);
    expect(queue.items.every((r) => r.borderline && r.borderlineReasons.some((why) => why.startsWith('committee disagrees')))).toBe(true);

    // The export writes the originals until the dataset trains on the winners.
    expect(await exportedResponses(join(dir.path, 'out-original'))).toEqual({ love: 'positive', fine: 'neutral', sky: 'Because of the air.' });
    expect(await core.invoke('relabel.setTarget', { dataset: 'labels', target: 'winner' })).toEqual({ dataset: 'labels', target: 'winner' });
    expect(await exportedResponses(join(dir.path, 'out-winner'))).toEqual({ love: 'positive', fine: 'neutral', sky: ANSWERS['com-a']!['sky'] });
    const manifest = JSON.parse(readFileSync(join(dir.path, 'out-winner', 'manifest.json'), 'utf8')) as { recipe: { trainingTarget?: string } };
    expect(manifest.recipe.trainingTarget).toBe('winner');
    // Winnow's own JSONL (written from the stored JSON when the target is the original) follows the switch too.
    const own = join(dir.path, 'out-winnow');
    await settle((await core.invoke('datasets.export', { dataset: 'labels', version: 'draft', format: 'jsonl', out: own })).jobId);
    const text = readFileSync(join(own, 'data.jsonl'), 'utf8');
    expect(text).toContain('Rayleigh scattering');
    expect(text).not.toContain('Because of the air.');
    expect((await core.invoke('relabel.results', { dataset: 'labels' })).target).toBe('winner');

    // A fine-tune of a frozen version uploads what the export writes: the winners.
    await core.invoke('datasets.freeze', { dataset: 'labels' });
    const tuner = await startFakeFinetuneServer();
    const provider = await core.invoke('providers.set', { name: 'Tuner', baseUrl: tuner.baseUrl, models: [{ name: 'base-m', purpose: 'chat', inputPer1M: 0, outputPer1M: 0 }] });
    try {
      const { jobId } = await core.invoke('finetune.start', { dataset: 'labels', version: 1, provider: 'Tuner', baseModel: 'base-m' });
      await settle(jobId);
      const uploaded = tuner.uploads[0]!.content.toString('utf8');
      expect(uploaded).toContain('Rayleigh scattering');
      expect(uploaded).not.toContain('Because of the air.');
    } finally {
      // A saved provider serves every model named without one: the next test's committee would go to it.
      await core.invoke('providers.remove', { id: provider.id });
      await tuner.close();
    }
  });

  it('resumes a cancelled run without asking again for rows it finished', async () => {
    const file = join(dir.path, 'many.jsonl');
    writeFileSync(file, Array.from({ length: 8 }, (_, i) => JSON.stringify({ prompt: `Classify the sentiment: I love item ${i}`, response: 'positive', metadata: { task: 'many' } })).join('\n'));
    expect((await core.jobs.waitFor((await core.invoke('imports.start', { paths: [file] })).jobId)).status).toBe('succeeded');
    await core.invoke('datasets.create', { name: 'many', kind: 'training', source: { type: 'filter', where: { task: ['many'] } } });
    server.requests.length = 0;
    server.delayMs = 100;
    const { jobId } = await core.invoke('relabel.start', { dataset: 'many', committee: [{ model: 'com-a' }, { model: 'com-b' }] });
    const t0 = Date.now();
    while ((await core.invoke('relabel.results', { dataset: 'many', limit: 1 })).total < 2 && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 20));
    await core.invoke('jobs.cancel', { id: jobId });
    expect((await core.jobs.waitFor(jobId)).status).toBe('cancelled');
    const finished = (await core.invoke('relabel.results', { dataset: 'many', limit: 100 })).items.map((r) => r.prompt);
    expect(finished.length).toBeGreaterThanOrEqual(2);
    expect(finished.length).toBeLessThan(8);
    const before = server.requests.length;
    server.delayMs = 0;
    await core.invoke('jobs.resume', { id: jobId });
    const report = await settle<RelabelReport>(jobId);
    expect(report.reused).toBe(finished.length);
    expect(report.reused + report.relabelled).toBe(8);
    // After the resume no request carries the prompt of a row finished before the cancel.
    const asked = server.requests.slice(before).map((r) => JSON.stringify(r.body['messages']));
    for (const prompt of finished) expect(asked.some((m) => m.includes(prompt))).toBe(false);
  });
});
