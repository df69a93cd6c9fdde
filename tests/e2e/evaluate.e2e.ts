// Evaluation end to end: the built window, bridged to the real core, with two chat models served by the fake
// OpenAI-compatible server on 127.0.0.1 and a frozen eval version of twelve sums made in setup. The first test
// runs both models from the "New evaluation" dialog (estimate first), checks the comparison shows the core's
// scores, filters to regressions against the baseline and walks them by keyboard, exports the predictions and
// compares two runs side by side. The second adds failing rows to a training draft; the third sends one to the
// review queue from the open row and checks the core found it queued. Screenshots at 1280x720 and 1920x1080
// land in test-results/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { EvalRowView, EvalRunDetail, Job } from '../../src/shared/contract/index.ts';
import { formatScore } from '../../src/renderer/features/evaluate/eval-format.ts';
import { startFakeOpenAiServer, type ChatRequestBody, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { useE2eEnv } from './support/e2e-env.ts';

const SHOTS = resolve('test-results');
const DATASET = 'sums';
const GOOD = 'good-model';
const WEAK = 'weak-model';
const N = 12;

const env = useE2eEnv({
  env: {},
  secrets: { encrypt: (plain) => `sealed:${Buffer.from(plain).toString('base64')}`, decrypt: (sealed) => Buffer.from(sealed.slice(7), 'base64').toString() },
  shell: { 'app.pickFolder': () => ({ path: join(env.tmp, 'exports') }) },
});

const a = (i: number) => i + 2;
const b = (i: number) => 3 * i + 1;
const sum = (i: number) => String(a(i) + b(i));
/** The traces' own answers (the baseline): rows 3 and 7 are wrong. */
const baselineRight = (i: number) => i !== 3 && i !== 7;
/** The weak model gets every third row wrong: rows 0, 3, 6, 9. */
const weakRight = (i: number) => i % 3 !== 0;

function writeFixture(dir: string): string {
  const lines = Array.from({ length: N }, (_, i) =>
    JSON.stringify({
      messages: [
        { role: 'system', content: 'Answer with the number only.' },
        { role: 'user', content: `S${i}: what is ${a(i)} + ${b(i)}?` },
        { role: 'assistant', content: baselineRight(i) ? sum(i) : String(a(i) + b(i) + 1) },
      ],
      metadata: { task: 'sums' },
    }),
  );
  const path = join(dir, 'sums.jsonl');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** Each model answers from the row number its prompt carries; the weak one is off by one on every third row. */
function modelReply(body: ChatRequestBody): string {
  const text = body.messages.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
  const i = Number(/\bS(\d+):/.exec(text)?.[1] ?? -1);
  if (i < 0) return 'no idea';
  const right = body.model === GOOD || weakRight(i);
  return right ? sum(i) : String(a(i) + b(i) - 1);
}

let server: FakeOpenAiServer;
test.beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
test.afterAll(async () => {
  await server.close();
});

function settle(jobId: number): Promise<Job> {
  return env.core.jobs.waitFor(jobId);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
}

/** Imports the sums, makes the eval dataset with each row's expected answer, and freezes v1. */
async function frozenEvalVersion(): Promise<void> {
  const imported = await settle((await env.core.invoke('imports.start', { paths: [writeFixture(env.tmp)] })).jobId);
  expect(imported.status).toBe('succeeded');
  const created = await env.core.invoke('datasets.create', { name: DATASET, kind: 'eval', taskDescription: 'Add two numbers.', source: { type: 'filter', where: {} } });
  expect(created.report.added).toBe(N);
  const rows = await env.core.invoke('datasets.rows', { dataset: DATASET, limit: 100 });
  for (const row of rows.items) {
    const i = Number(/\bS(\d+):/.exec(row.prompt)?.[1]);
    await env.core.invoke('datasets.updateRow', { dataset: DATASET, rowKey: row.rowKey, patch: { expectedOutput: sum(i) } });
  }
  const frozen = await env.core.invoke('datasets.freeze', { dataset: DATASET });
  expect(frozen.number).toBe(1);
  await env.core.invoke('providers.set', {
    name: 'Local models',
    baseUrl: server.baseUrl,
    models: [
      { name: GOOD, purpose: 'chat', inputPer1M: 1, outputPer1M: 2 },
      { name: WEAK, purpose: 'chat', inputPer1M: 0.1, outputPer1M: 0.2 },
    ],
    defaultChatModel: GOOD,
  });
}

/** Rows where the baseline passes and a model fails: the weak model's misses the traces got right. */
const REGRESSIONS = Array.from({ length: N }, (_, i) => i).filter((i) => baselineRight(i) && !weakRight(i));

test('runs two models from the dialog, compares them with the core’s scores, filters regressions, exports predictions, compares two runs', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  server.reset();
  server.chatReply = modelReply;
  await frozenEvalVersion();
  mkdirSync(join(env.tmp, 'exports'), { recursive: true });

  await env.bridge(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${env.url}#/evaluate`);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  await expect(page.getByTestId('evaluate-screen')).toHaveAttribute('data-loaded', 'true');

  await test.step('the dialog: version, two models, exact match, estimate before start', async () => {
    await page.getByTestId('new-eval').first().click();
    const dialog = page.getByTestId('new-eval-dialog');
    await expect(dialog.getByTestId('eval-dataset')).toHaveValue(DATASET);
    await expect(dialog.getByTestId('eval-version')).toHaveValue('1');
    await dialog.locator(`[data-testid="eval-model"][data-model="${GOOD}"]`).check();
    await dialog.locator(`[data-testid="eval-model"][data-model="${WEAK}"]`).check();
    await expect(dialog.getByTestId('eval-start')).toBeDisabled();
    await dialog.getByTestId('eval-estimate-button').click();
    const estimate = dialog.getByTestId('eval-estimate');
    await expect(estimate).toContainText(`${GOOD}: ${N} calls`);
    await expect(estimate).toContainText(`${WEAK}: ${N} calls`);
    expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);
    await shot(page, 'evaluate-dialog-1280');
    // Slow answers keep the run going long enough to see its progress in the window.
    server.delayMs = 500;
    await dialog.getByTestId('eval-start').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('eval-run-progress')).toBeVisible();
  });

  const view = page.getByTestId('eval-run-view');
  let detail: EvalRunDetail;
  await test.step('the comparison shows the scores the core reports', async () => {
    await expect(view).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
    server.delayMs = 0;
    const runId = Number(await view.getAttribute('data-run-id'));
    detail = await env.core.invoke('eval.show', { runId });
    // The core's scores, checked against the fixture first: every sum right, every third wrong, two wrong.
    expect(detail.results.map((r) => [r.model, r.score])).toEqual([
      [GOOD, 1],
      [WEAK, (N - N / 3) / N],
    ]);
    expect(detail.baseline?.score).toBeCloseTo((N - 2) / N, 10);
    for (const r of [...detail.results, detail.baseline!]) {
      const key = r === detail.baseline ? 'baseline' : r.model;
      const score = view.locator(`[data-testid="eval-score-line"][data-model="${key}"] [data-testid="eval-score"]`);
      await expect(score).toHaveText(formatScore(r.score));
      await expect(score).toHaveAttribute('data-score', String(r.score));
    }
    await expect(view.locator(`[data-testid="eval-score-line"][data-model="${WEAK}"] [data-testid="eval-failures"]`)).toHaveText('0');
    await expect(page.getByTestId('eval-rows-total')).toHaveAttribute('data-total', String(N));
    await shot(page, 'evaluate-run-1280');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'evaluate-run-dark-1280');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('filter to regressions against the baseline; open a row by keyboard', async () => {
    await page.getByTestId('eval-filter-regressions').click();
    await expect(page.getByTestId('eval-rows-total')).toHaveAttribute('data-total', String(REGRESSIONS.length));
    const core = await env.core.invoke('eval.rows', { runId: detail.run.id, filter: 'regressions', limit: 100 });
    expect(core.total).toBe(REGRESSIONS.length);
    const rows = page.getByTestId('eval-row');
    await expect(rows).toHaveCount(REGRESSIONS.length);
    expect(await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-row-key'))))).toEqual(core.items.map((r) => r.rowKey));
    const first = core.items[0]!.rowKey;
    await page.keyboard.press('j');
    const pane = page.getByTestId('eval-row-detail');
    await expect(pane).toHaveAttribute('data-row-key', String(first));
    await expect(pane.locator(`[data-testid="eval-output"][data-model="${WEAK}"]`)).toHaveAttribute('data-verdict', 'fail');
    await expect(pane.locator(`[data-testid="eval-output"][data-model="${GOOD}"]`)).toHaveAttribute('data-verdict', 'pass');
    await expect(pane.getByTestId('eval-row-expected')).toHaveText(sum(REGRESSIONS[0]!));
    await page.keyboard.press('j');
    await expect(pane).toHaveAttribute('data-row-key', String(core.items[1]!.rowKey));
    await page.keyboard.press('k');
    await expect(pane).toHaveAttribute('data-row-key', String(first));
    await shot(page, 'evaluate-regressions-1280');
  });

  await test.step('export the predictions as JSONL', async () => {
    await page.getByTestId('export-predictions').click();
    await page.getByTestId('predictions-choose').click();
    const path = join(env.tmp, 'exports', `${DATASET}-v1-run${detail.run.id}-predictions.jsonl`);
    await expect(page.getByTestId('predictions-path')).toHaveValue(path);
    await page.getByTestId('predictions-export').click();
    // One line per row and model, the baseline included.
    await expect(page.getByTestId('predictions-written')).toContainText(`Wrote ${N * 3} lines`);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(N * 3);
    await page.keyboard.press('Escape');
  });

  await test.step('a second run with another system prompt, compared side by side at 1920x1080', async () => {
    const started = await env.core.invoke('eval.start', { dataset: DATASET, version: 1, models: [{ model: WEAK }], metric: 'exact', systemPrompt: 'Reply with the sum in digits, nothing else.' });
    expect((await settle(started.jobId)).status).toBe('succeeded');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('eval-back').click();
    await expect(page.getByTestId('eval-run')).toHaveCount(2);
    for (const tick of await page.getByTestId('eval-run-tick').all()) await tick.check();
    await shot(page, 'evaluate-runs-1920');
    await page.getByTestId('compare-runs').click();
    await expect(page.getByTestId('eval-comparison')).toHaveCount(2);
    await expect(page.locator(`[data-testid="eval-comparison"][data-run-id="${started.runId}"]`)).toContainText('system prompt: Reply with the sum');
    await page.keyboard.press('j');
    await expect(page.getByTestId('eval-row-detail')).toBeVisible();
    await shot(page, 'evaluate-compare-1920');
  });

  expect(problems).toEqual([]);
});

/** Console errors and page errors of the window; a test ends by expecting none. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

/** Runs the weak model over v1 through the core and returns the run with its failing rows. */
async function weakRun(): Promise<{ runId: number; failing: EvalRowView[] }> {
  const started = await env.core.invoke('eval.start', { dataset: DATASET, version: 1, models: [{ model: WEAK }], metric: 'exact' });
  expect((await settle(started.jobId)).status).toBe('succeeded');
  const failing = (await env.core.invoke('eval.rows', { runId: started.runId, filter: 'failures', limit: 100 })).items;
  expect(failing).toHaveLength(N / 3);
  return { runId: started.runId, failing };
}

/** Opens the window on the only run, filtered to its failing rows. */
async function openFailures(page: Page, count: number): Promise<void> {
  await env.bridge(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${env.url}#/evaluate`);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  await page.getByTestId('eval-run-open').click();
  await page.getByTestId('eval-filter-failures').click();
  await expect(page.getByTestId('eval-rows-total')).toHaveAttribute('data-total', String(count));
}

test('from failing rows: add them to a training draft', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  server.reset();
  server.chatReply = modelReply;
  await frozenEvalVersion();
  await env.core.invoke('datasets.create', { name: 'sums-train', kind: 'training', taskDescription: 'Add two numbers.' });
  await env.core.invoke('datasets.create', { name: 'sums-guarded', kind: 'training', taskDescription: 'Add two numbers.', excludeEval: { dataset: DATASET, version: 1 } });
  await env.core.invoke('eval.evaluators.set', { dataset: DATASET, evaluators: [{ name: 'digits only', rule: { type: 'regex', pattern: '^\\d+$' } }] });
  const { failing: failingRows } = await weakRun();
  await openFailures(page, failingRows.length);

  await test.step('tick two failing rows and add them to a training draft', async () => {
    const ticks = page.getByTestId('eval-row-tick');
    await ticks.nth(0).check();
    await ticks.nth(1).check();
    await page.getByTestId('add-to-training').click();
    const dialog = page.getByTestId('add-to-training-dialog');
    await dialog.getByTestId('training-dataset').selectOption('sums-guarded');
    await expect(dialog.getByTestId('training-guarded')).toContainText(`excludes ${DATASET}@v1`);
    await dialog.getByTestId('training-dataset').selectOption('sums-train');
    await expect(dialog.getByTestId('training-guarded')).toHaveCount(0);
    await dialog.getByTestId('training-add').click();
    await expect(page.getByTestId('eval-outcome')).toContainText('Added 2 of 2 to sums-train’s draft');
    const draft = await env.core.invoke('datasets.rows', { dataset: 'sums-train', version: 'draft', limit: 10 });
    const tag = (prompt: string) => /\bS\d+:/.exec(prompt)?.[0];
    expect(draft.items.map((r) => tag(r.prompt)).sort()).toEqual(failingRows.slice(0, 2).map((r) => tag(r.prompt)).sort());
  });

  await test.step('the row pane lists each output’s evaluator verdicts', async () => {
    await page.keyboard.press('j');
    const output = page.getByTestId('eval-row-detail').locator(`[data-testid="eval-output"][data-model="${WEAK}"]`);
    // A wrong sum is still digits only: the metric fails it, the evaluator passes it.
    await expect(output).toHaveAttribute('data-verdict', 'fail');
    await expect(output.getByTestId('eval-output-evaluators')).toHaveText('✓ digits only');
  });

  expect(problems).toEqual([]);
});

test('from a failing row: send it to the review queue', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  server.reset();
  server.chatReply = modelReply;
  await frozenEvalVersion();
  const { runId, failing: failingRows } = await weakRun();
  // A row key the run never saw is counted missing and queues nothing.
  expect(await env.core.invoke('eval.sendToReview', { runId, rowKeys: [999_999] })).toEqual({ dataset: DATASET, queued: 0, alreadyQueued: 0, missing: 1 });
  const failing = failingRows.map((r) => r.rowKey);
  await openFailures(page, failing.length);

  await test.step('send the open row to the review queue', async () => {
    // The open row (opened by keyboard) is what the action takes when nothing is ticked.
    await page.keyboard.press('j');
    await expect(page.getByTestId('eval-row-detail')).toHaveAttribute('data-row-key', String(failing[0]));
    const first = failing[0]!;
    await page.getByTestId('send-to-review').click();
    await expect(page.getByTestId('eval-outcome')).toHaveText(`Sent 1 row to the review queue of ${DATASET}`);
    // Sending it again finds it there already: the window's action reached the core.
    const again = await env.core.invoke('eval.sendToReview', { runId, rowKeys: [first] });
    expect(again).toMatchObject({ queued: 0, alreadyQueued: 1 });
  });

  expect(problems).toEqual([]);
});
