// Evaluation runs through the core against the fake OpenAI-compatible server: scores, Wilson intervals and the
// baseline checked against values worked out here; a failing, a slow, a malformed-JSON and a rate-limited model;
// the system-prompt override; evaluators; per-row filters; export; and only frozen eval versions accepted.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../../src/main/core/create-core.ts';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../support/fake-openai-server.ts';
import { modelAnswer, SLOW_MS, useEvalModels } from '../../support/eval-fake-models.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const ROWS = 12;
const Z = 1.959963984540054;

/** The 95 % Wilson interval as the roots of (1 + z²/n)p² − (2p̂ + z²/n)p + p̂² = 0 (a different route from the code's). */
function wilsonRoots(passed: number, n: number): [number, number] {
  const ph = passed / n;
  const a = 1 + (Z * Z) / n;
  const b = -(2 * ph + (Z * Z) / n);
  const c = ph * ph;
  const d = Math.sqrt(b * b - 4 * a * c);
  return [(-b - d) / (2 * a), (-b + d) / (2 * a)];
}

/** Rows whose number is a multiple of 4 expect "Answer N!" (set by hand), the rest keep their original answer. */
const expectedOf = (n: number): string => (n % 4 === 0 ? `Answer ${n}!` : `Answer ${n}`);
const passes = (model: string): number => Array.from({ length: ROWS }, (_, i) => i + 1).filter((n) => modelAnswer(model, n) === expectedOf(n)).length;

describe('evaluation runs', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let server: FakeOpenAiServer;
  let core: Core;
  let limits: ReturnType<typeof useEvalModels>;

  async function makeEvalVersion(name: string, response: (n: number) => string, expected?: (n: number) => string | null): Promise<void> {
    const file = join(dir.path, `${name}.jsonl`);
    const lines = Array.from({ length: ROWS }, (_, i) => JSON.stringify({ prompt: `${name} question number ${i + 1}: what is it?`, response: response(i + 1), metadata: { task: name } }));
    writeFileSync(file, lines.join('\n'));
    const job = await core.jobs.waitFor((await core.invoke('imports.start', { paths: [file] })).jobId);
    expect(job.status).toBe('succeeded');
    await core.invoke('datasets.create', { name, kind: 'eval', source: { type: 'filter', where: { task: [name] } } });
    if (expected) {
      const rows = await core.invoke('datasets.rows', { dataset: name, limit: 100 });
      for (const r of rows.items) {
        const n = Number(/number (\d+)/.exec(r.prompt)?.[1]);
        const e = expected(n);
        if (e !== null) await core.invoke('datasets.updateRow', { dataset: name, rowKey: r.rowKey, patch: { expectedOutput: e } });
      }
    }
    await core.invoke('datasets.freeze', { dataset: name });
  }

  const chat = () => server.requests.filter((r) => r.path === '/v1/chat/completions');

  beforeAll(async () => {
    dir = makeTempDir();
    server = await startFakeOpenAiServer();
    core = createCore({
      dataDir: join(dir.path, 'data'),
      env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-eval', WINNOW_LLM_MODEL: 'exact-model', WINNOW_LLM_CONCURRENCY: '8', WINNOW_LLM_PRICES: JSON.stringify({ 'exact-model': { input: 1, output: 2 } }) },
    });
    server.reset();
    await makeEvalVersion('qa', (n) => `Answer ${n}`, (n) => (n % 4 === 0 ? `Answer ${n}!` : null));
    await makeEvalVersion('js', (n) => `{"answer":${n}}`);
  }, 60_000);
  afterAll(async () => {
    await core.close();
    await server.close();
    dir.remove();
  });
  beforeEach(() => {
    server.reset();
    limits = useEvalModels(server);
  });

  it('scores each model, the baseline and their intervals; failures, latency and the 429 are reported', async () => {
    const models = ['exact-model', 'half-model', 'broken-model', 'slow-model', 'limited-model'].map((model) => ({ model }));
    const { runId, jobId, estimate } = await core.invoke('eval.start', { dataset: 'qa', version: 1, models, metric: 'exact' });
    expect(estimate.rows).toBe(ROWS);
    expect(estimate.models.find((m) => m.model === 'exact-model')?.usd).toBeGreaterThan(0);
    const job = await core.jobs.waitFor(jobId);
    expect(job.status).toBe('succeeded');
    const show = await core.invoke('eval.show', { runId });
    const byModel = Object.fromEntries(show.results.map((r) => [r.model, r]));

    for (const m of ['exact-model', 'half-model', 'slow-model', 'limited-model']) {
      const want = passes(m);
      expect(byModel[m]).toMatchObject({ rows: ROWS, passed: want, failures: 0, pending: 0 });
      expect(byModel[m]!.score).toBeCloseTo(want / ROWS, 10);
      const [lo, hi] = wilsonRoots(want, ROWS);
      expect(byModel[m]!.ci![0]).toBeCloseTo(lo, 9);
      expect(byModel[m]!.ci![1]).toBeCloseTo(hi, 9);
    }
    expect(passes('exact-model')).toBe(9);
    expect(passes('half-model')).toBe(3);
    expect(byModel['broken-model']).toMatchObject({ passed: 0, failures: ROWS, score: 0 });
    expect(byModel['broken-model']!.ci![1]).toBeCloseTo(wilsonRoots(0, ROWS)[1], 9);
    expect(byModel['slow-model']!.latency!.p50).toBeGreaterThanOrEqual(SLOW_MS);
    expect(byModel['exact-model']!.latency!.p50).toBeLessThan(SLOW_MS);
    expect(limits.rateLimited()).toBe(1);
    expect(chat().some((r) => r.status === 429)).toBe(true);
    // A priced model has a cost per row (its tokens at its price); an unlisted model of a local server costs nothing.
    const exact = byModel['exact-model']!;
    expect(exact.costPerRow).toBeCloseTo((exact.inputTokens * 1 + exact.outputTokens * 2) / 1e6 / ROWS, 12);
    expect(byModel['half-model']!.costPerRow).toBe(0);

    // The baseline is the original answers scored the same way, with no call of its own.
    expect(show.baseline).toMatchObject({ model: 'baseline', passed: 9, failures: 0 });
    expect(chat().filter((r) => r.status === 200)).toHaveLength(ROWS * 4);

    // half-model fails 6 rows the baseline passed; the broken model "fails" every row.
    const regressions = await core.invoke('eval.rows', { runId, filter: 'regressions', model: 'half-model', limit: 100 });
    expect(regressions.total).toBe(6);
    const errors = await core.invoke('eval.rows', { runId, filter: 'errors', model: 'broken-model', limit: 5 });
    expect(errors.total).toBe(ROWS);
    expect(errors.items).toHaveLength(5);
    expect(errors.items[0]!.predictions.find((p) => p.model === 'broken-model')!.error).toMatch(/400|does not exist/);
    const next = await core.invoke('eval.rows', { runId, filter: 'errors', model: 'broken-model', limit: 5, cursor: errors.nextCursor! });
    expect(next.items[0]!.rowKey).toBeGreaterThan(errors.items[4]!.rowKey);

    const out = join(dir.path, 'predictions.jsonl');
    const exported = await core.invoke('eval.exportPredictions', { runId, path: out });
    expect(exported.lines).toBe(ROWS * (models.length + 1));
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { model: string; pass: boolean | null });
    expect(lines.filter((l) => l.model === 'half-model' && l.pass).length).toBe(3);

    const list = await core.invoke('eval.list', { dataset: 'qa' });
    expect(list[0]).toMatchObject({ id: runId, version: 'v1', metric: 'exact', status: 'succeeded' });
  }, 60_000);

  it('compares JSON structurally; a malformed-JSON model fails every row with the reason', async () => {
    const { runId, jobId } = await core.invoke('eval.start', { dataset: 'js', version: 1, models: [{ model: 'json-model' }, { model: 'garbled-model' }], metric: 'json' });
    await core.jobs.waitFor(jobId);
    const show = await core.invoke('eval.show', { runId });
    expect(show.results.map((r) => [r.model, r.passed])).toEqual([
      ['json-model', ROWS],
      ['garbled-model', 0],
    ]);
    const row = (await core.invoke('eval.rows', { runId, filter: 'disagreements', limit: 1 })).items[0]!;
    const detail = await core.invoke('eval.row', { runId, rowKey: row.rowKey });
    expect(detail.predictions[1]!.detail).toMatch(/^not valid JSON/);
  }, 30_000);

  it('sends and records an overriding system prompt', async () => {
    const { runId, jobId } = await core.invoke('eval.start', { dataset: 'qa', version: 1, models: [{ model: 'exact-model', alias: 'candidate-prompt' }], metric: 'exact', systemPrompt: 'You answer tersely.\nSecond line.' });
    await core.jobs.waitFor(jobId);
    expect(chat().every((r) => (r.body.messages as { role: string; content: string }[])[0]!.content === 'You answer tersely.\nSecond line.')).toBe(true);
    const show = await core.invoke('eval.show', { runId });
    expect(show.run.systemPrompt).toMatchObject({ overridden: true, summary: 'You answer tersely.' });
    expect(show.systemPromptText).toBe('You answer tersely.\nSecond line.');
    expect(show.results[0]!.model).toBe('candidate-prompt');
  }, 30_000);

  it('reports pass/fail per evaluator, dataset-wide and per row', async () => {
    const rows = await core.invoke('datasets.rows', { dataset: 'qa', version: 1, limit: 100 });
    const first = rows.items[0]!.rowKey;
    await core.invoke('eval.evaluators.set', { dataset: 'qa', evaluators: [{ name: 'says answer', rule: { type: 'contains', value: 'answer' } }] });
    const set = await core.invoke('eval.evaluators.set', { dataset: 'qa', rowKey: first, evaluators: [{ name: 'two digits', rule: { type: 'regex', pattern: '\\d\\d' } }] });
    expect(set.rowsWithEvaluators).toEqual([first]);
    const { runId, jobId } = await core.invoke('eval.start', { dataset: 'qa', version: 1, models: [{ model: 'half-model' }], metric: 'normalized' });
    await core.jobs.waitFor(jobId);
    const show = await core.invoke('eval.show', { runId });
    // half-model says "Answer N" on the 6 even rows; row 1 (the first) has one digit and fails its own rule.
    expect(show.results[0]!.evaluators).toEqual([
      { name: 'says answer', scope: 'dataset', rows: ROWS, passed: 6, failed: 6 },
      { name: 'two digits', scope: 'row', rows: 1, passed: 0, failed: 1 },
    ]);
    await core.invoke('eval.evaluators.set', { dataset: 'qa', evaluators: [] });
    await core.invoke('eval.evaluators.set', { dataset: 'qa', rowKey: first, evaluators: [] });
  }, 30_000);

  it('adds failing rows to a training draft through the leakage guard', async () => {
    const { runId, jobId } = await core.invoke('eval.start', { dataset: 'qa', version: 1, models: [{ model: 'half-model' }], metric: 'exact' });
    await core.jobs.waitFor(jobId);
    const failing = (await core.invoke('eval.rows', { runId, filter: 'failures', limit: 100 })).items.map((r) => r.rowKey);
    expect(failing).toHaveLength(ROWS - passes('half-model'));
    await core.invoke('datasets.create', { name: 'train-guarded', kind: 'training', excludeEval: { dataset: 'qa', version: 1 } });
    // The rows are the eval version's own: a training set excluding it refuses them all.
    await expect(core.invoke('eval.addToTraining', { runId, rowKeys: failing, dataset: 'train-guarded' })).rejects.toThrow(/overlap the eval set/);
    expect((await core.invoke('datasets.get', { dataset: 'train-guarded' })).draftRows ?? 0).toBe(0);
    await core.invoke('datasets.create', { name: 'train-open', kind: 'training' });
    const open = await core.invoke('eval.addToTraining', { runId, rowKeys: failing, dataset: 'train-open' });
    expect(open.added).toBe(failing.length);
    await expect(core.invoke('eval.addToTraining', { runId, rowKeys: failing, dataset: 'js' })).rejects.toThrow(/not a training dataset/);
  }, 30_000);

  it('grades answers with an LLM judge through structured output, the baseline too', async () => {
    const { runId, jobId } = await core.invoke('eval.start', { dataset: 'qa', version: 1, models: [{ model: 'half-model' }], metric: 'judge', metricOptions: { judgeModel: { model: 'judge-model' } } });
    await core.jobs.waitFor(jobId);
    const show = await core.invoke('eval.show', { runId });
    expect(show.results[0]).toMatchObject({ passed: passes('half-model'), failures: 0 });
    expect(show.baseline).toMatchObject({ passed: 9 });
    // One judge call per answer, the baseline's 12 and the model's — but where the model said what the original
    // response said, the judge's request is the same and comes from the response cache.
    const sameAsOriginal = Array.from({ length: ROWS }, (_, i) => i + 1).filter((n) => modelAnswer('half-model', n) === `Answer ${n}`).length;
    expect(chat().filter((r) => r.body.model === 'judge-model')).toHaveLength(2 * ROWS - sameAsOriginal);
    const failing = (await core.invoke('eval.rows', { runId, filter: 'failures', limit: 1 })).items[0]!;
    expect(failing.predictions[0]).toMatchObject({ pass: false, score: 0.2, detail: 'Differs from the expected answer.' });
  }, 30_000);

  it('stops cleanly at the budget, never past it', async () => {
    // A prompt no earlier test sent, so no answer comes from the response cache (those cost nothing).
    // Each call reserves its worst case (prompt + 256 reply tokens, about $0.00054 at $1/$2 per 1M) while in flight.
    const budgetUsd = 0.0006;
    const { runId, jobId } = await core.invoke('eval.start', { dataset: 'qa', version: 1, models: [{ model: 'exact-model' }], metric: 'exact', systemPrompt: 'Budget test.', budgetUsd, concurrency: 1 });
    const job = await core.jobs.waitFor(jobId);
    expect(job.status).toBe('succeeded');
    const show = await core.invoke('eval.show', { runId });
    expect(show.run.budgetReached).toBe(true);
    const r = show.results[0]!;
    expect(r.scored).toBeGreaterThan(0);
    expect(r.pending).toBe(ROWS - r.scored);
    expect(r.pending).toBeGreaterThan(0);
    expect(r.costUsd!).toBeLessThanOrEqual(budgetUsd);
    expect(chat().filter((q) => q.status === 200)).toHaveLength(r.scored);
  }, 30_000);

  it('evaluates only frozen eval versions', async () => {
    await expect(core.invoke('eval.estimate', { dataset: 'qa', version: 'draft', models: [{ model: 'exact-model' }], metric: 'exact' })).rejects.toThrow(/no draft|only a frozen version/);
    await core.invoke('datasets.updateRow', { dataset: 'qa', rowKey: (await core.invoke('datasets.rows', { dataset: 'qa', version: 1, limit: 1 })).items[0]!.rowKey, patch: { note: 'draft again' } });
    await expect(core.invoke('eval.start', { dataset: 'qa', version: 'draft', models: [{ model: 'exact-model' }], metric: 'exact' })).rejects.toThrow(/only a frozen version can be evaluated/);
    await expect(core.invoke('eval.start', { dataset: 'qa', version: 1, models: [{ model: 'exact-model' }], metric: 'regex' })).rejects.toThrow(/needs a pattern/);
  });
});
