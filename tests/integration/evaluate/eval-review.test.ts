// Loose ends of evaluation runs through the core: rows of a run sent to the eval dataset's review queue (its draft,
// started from the frozen version when absent) saying which model failed them, and the judge metric defaulting
// to the dataset's own judge model when the run names none.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../../src/main/core/create-core.ts';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../support/fake-openai-server.ts';
import { useEvalModels } from '../../support/eval-fake-models.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const ROWS = 6;

describe('evaluation: review hand-off and judge default', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let server: FakeOpenAiServer;
  let core: Core;

  /** An eval dataset of ROWS questions whose original answers are "Answer N", frozen as v1; `beforeFreeze` runs on its draft. */
  async function frozenEval(name: string, beforeFreeze?: () => Promise<void>): Promise<void> {
    const file = join(dir.path, `${name}.jsonl`);
    writeFileSync(file, Array.from({ length: ROWS }, (_, i) => JSON.stringify({ prompt: `${name} question number ${i + 1}?`, response: `Answer ${i + 1}`, metadata: { task: name } })).join('\n'));
    expect((await core.jobs.waitFor((await core.invoke('imports.start', { paths: [file] })).jobId)).status).toBe('succeeded');
    await core.invoke('datasets.create', { name, kind: 'eval', source: { type: 'filter', where: { task: [name] } } });
    await beforeFreeze?.();
    await core.invoke('datasets.freeze', { dataset: name });
  }

  beforeAll(async () => {
    dir = makeTempDir();
    server = await startFakeOpenAiServer();
    useEvalModels(server);
    core = createCore({ dataDir: join(dir.path, 'data'), env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-eval', WINNOW_LLM_MODEL: 'exact-model' } });
  }, 60_000);
  afterAll(async () => {
    await core.close();
    await server.close();
    dir.remove();
  });

  it('queues chosen rows in the eval dataset’s draft, saying which model failed them under which metric', async () => {
    await frozenEval('rv');
    const { runId, jobId } = await core.invoke('eval.start', { dataset: 'rv', version: 1, models: [{ model: 'half-model' }, { model: 'exact-model', alias: 'good' }], metric: 'exact' });
    expect((await core.jobs.waitFor(jobId)).status).toBe('succeeded');
    const failing = (await core.invoke('eval.rows', { runId, filter: 'failures' })).items.map((r) => r.rowKey);
    // half-model fails the odd-numbered questions: 1, 3 and 5.
    expect(failing).toHaveLength(3);
    const passing = (await core.invoke('eval.rows', { runId })).items.map((r) => r.rowKey).find((k) => !failing.includes(k))!;

    // A key the run never saw is missing and creates nothing.
    expect(await core.invoke('eval.sendToReview', { runId, rowKeys: [999_999] })).toEqual({ dataset: 'rv', queued: 0, alreadyQueued: 0, missing: 1 });
    expect((await core.dispatch('datasets.rows', { dataset: 'rv', version: 'draft' })).ok).toBe(false);

    const sent = await core.invoke('eval.sendToReview', { runId, rowKeys: [failing[0]!, failing[1]!, passing, 999_999] });
    expect(sent).toEqual({ dataset: 'rv', queued: 3, alreadyQueued: 0, missing: 1 });
    // The draft was started from the frozen version, so every row of it is there.
    expect((await core.invoke('datasets.rows', { dataset: 'rv', version: 'draft' })).total).toBe(ROWS);
    expect(await core.invoke('eval.sendToReview', { runId, rowKeys: [failing[0]!, failing[2]!] })).toEqual({ dataset: 'rv', queued: 1, alreadyQueued: 1, missing: 0 });

    // The queue (after curating the draft) holds exactly those rows, each with its reason.
    expect((await core.jobs.waitFor((await core.invoke('curate.run', { dataset: 'rv' })).jobId)).status).toBe('succeeded');
    const queue = await core.invoke('review.queue', { dataset: 'rv' });
    const reasons = Object.fromEntries(queue.items.map((r) => [r.rowKey, r.borderlineReasons]));
    expect(Object.keys(reasons).map(Number).sort((a, b) => a - b)).toEqual([...failing, passing].sort((a, b) => a - b));
    for (const key of failing) expect(reasons[key]).toContain(`failed evaluation run ${runId}: half-model exact`);
    expect(reasons[passing]).toContain(`picked from evaluation run ${runId} (exact)`);
  });

  it('judges with the dataset’s judge model when the run names none, even once the draft is frozen away', async () => {
    await frozenEval('jd', async () => {
      await core.invoke('judge.settings.set', { dataset: 'jd', patch: { model: { model: 'judge-model' } } });
    });
    const target = { dataset: 'jd', version: 1, models: [{ model: 'exact-model' }], metric: 'judge' as const };
    const estimate = await core.invoke('eval.estimate', target);
    expect(estimate.judge?.model).toBe('judge-model');
    // A small version is tokenised in full.
    expect(estimate.exact).toBe(true);
    server.reset();
    useEvalModels(server);
    const { jobId } = await core.invoke('eval.start', target);
    expect((await core.jobs.waitFor(jobId)).status).toBe('succeeded');
    const models = new Set(server.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => (r.body as { model: string }).model));
    expect(models).toEqual(new Set(['exact-model', 'judge-model']));
  });
});
