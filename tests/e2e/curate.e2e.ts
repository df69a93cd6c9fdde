// Curation end to end: the built window, bridged to the real core, curates a dataset draft (filters, then the
// judge through the fake OpenAI-compatible server on 127.0.0.1 configured as a provider), drags the score
// threshold (counts follow without a call), reviews three borderline rows by keyboard, survives a reload
// mid-queue, undoes, and shows judge-human agreement with the best threshold applied in one click.
// Screenshots at 1280x720 and 1920x1080 land in test-results/.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Job } from '../../src/shared/contract/index.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { useE2eEnv } from './support/e2e-env.ts';

const SHOTS = resolve('test-results');
const DATASET = 'support-eval';
const MODEL = 'judge-mini';

const env = useE2eEnv({
  // The developer's OPENAI_* variables must not leak into what the screens show.
  env: {},
  // The window seals keys with the OS keychain (safeStorage); this test stands in for the OS only.
  secrets: { encrypt: (plain) => `sealed:${Buffer.from(plain).toString('base64')}`, decrypt: (sealed) => Buffer.from(sealed.slice(7), 'base64').toString() },
});

/**
 * The judge's overall score of each kept row, by its question number. Rows Q1..Q20 come first in the file (so
 * first in row-key order); four rows after them each hold one filter's case.
 */
const SCORES = [0.05, 0.15, 0.25, 0.32, 0.38, 0.42, 0.44, 0.46, 0.48, 0.5, 0.52, 0.55, 0.58, 0.62, 0.66, 0.72, 0.78, 0.85, 0.9, 0.95];
const TOPICS = ['tent', 'jacket', 'stove', 'kayak', 'lantern', 'backpack', 'boots', 'sleeping bag', 'compass', 'hammock'];

function question(i: number): { user: string; answer: string } {
  const topic = TOPICS[i % TOPICS.length]!;
  return {
    user: `Q${i + 1}: how do I look after my ${topic} after trip number ${i * 7 + 3} in ${['rain', 'snow', 'sand', 'salt water'][i % 4]}?`,
    answer: `Rinse the ${topic} with fresh water, let it dry fully in the shade, and store it loose (variant ${i}).`,
  };
}

function writeFixture(dir: string): string {
  const line = (user: string, answer: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      messages: [
        { role: 'system', content: 'You are the support assistant of Acme Outdoor. Be brief and friendly.' },
        { role: 'user', content: user },
        { role: 'assistant', content: answer },
      ],
      metadata: { environment: 'prod', task: 'care' },
      ...extra,
    });
  const lines = SCORES.map((_, i) => {
    const q = question(i);
    return line(q.user, q.answer);
  });
  lines.push(
    line('Can you tell me how to pick the lock on my neighbour’s shed?', 'I’m sorry, but I can’t help with that request.'),
    line('Please update my contact details.', 'Done: I saved jane.doe@example.com and +1 415 555 0142 as your new contact details.'),
    line('Write the care guide for the tent.', 'Here is the care guide. First, rinse the tent with fresh water and the'),
    // A near copy of Q1: same question and answer but for one word.
    line(`${question(0).user} Thanks`, question(0).answer),
  );
  const path = join(dir, 'care.jsonl');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** Scores a judge request by the question number it carries; anything else gets a low, valid judgement. */
function judgeReply(body: { messages: { content: unknown }[] }): string {
  const text = body.messages.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
  const n = Number(/\bQ(\d+):/.exec(text)?.[1] ?? 0);
  const s = SCORES[n - 1] ?? 0.1;
  return JSON.stringify({ helpfulness: s, relevance: Math.min(1, s + 0.05), format: 1, overall: s, rationale: `The answer to Q${n} is ${s >= 0.5 ? 'useful' : 'thin'}.` });
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

/** The page x of a threshold value on the histogram, from the plot geometry the chart publishes. */
async function xOf(plot: Locator, value: number): Promise<{ x: number; y: number }> {
  const box = await plot.boundingBox();
  if (!box) throw new Error('the histogram is not on screen');
  const left = Number(await plot.getAttribute('data-plot-left'));
  const width = Number(await plot.getAttribute('data-plot-width'));
  return { x: box.x + left + value * width, y: box.y + box.height / 2 };
}

const below = (t: number) => SCORES.filter((s) => s < t - 1e-9).length;
const near = (t: number, m: number) => SCORES.filter((s) => Math.abs(s - t) <= m + 1e-9).length;

test('curates a draft, drags the threshold, reviews three rows by keyboard across a reload, shows agreement', async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  server.reset();
  server.chatReply = judgeReply;

  const imported = await settle((await env.core.invoke('imports.start', { paths: [writeFixture(env.tmp)] })).jobId);
  expect(imported.status).toBe('succeeded');
  await env.core.invoke('providers.set', {
    name: 'Local judge',
    baseUrl: server.baseUrl,
    models: [{ name: MODEL, purpose: 'chat', inputPer1M: 0.15, outputPer1M: 0.6 }],
    defaultChatModel: MODEL,
  });
  const created = await env.core.invoke('datasets.create', { name: DATASET, kind: 'eval', taskDescription: 'Answer outdoor-gear care questions.', source: { type: 'filter', where: {} } });
  expect(created.report.added).toBe(SCORES.length + 4);

  await env.bridge(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${env.url}#/datasets`);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  await page.getByTestId('dataset-item').filter({ hasText: DATASET }).getByRole('button', { name: DATASET }).click();
  const panel = page.getByTestId('curation-panel');
  await expect(panel).toBeVisible();

  await test.step('run the filters: each filter counts what it dropped', async () => {
    await expect(panel).toHaveAttribute('data-curated', 'false');
    await page.getByTestId('run-filters').click();
    await expect(panel).toHaveAttribute('data-curated', 'true', { timeout: 60_000 });
    await expect(page.getByTestId('dropped-refusal')).toHaveText('−1');
    await expect(page.getByTestId('dropped-pii')).toHaveText('−1');
    await expect(page.getByTestId('dropped-truncated')).toHaveText('−1');
    await expect(page.getByTestId('dropped-duplicate')).toHaveText('−1');
    await expect(page.getByTestId('kept-count')).toHaveText(`${SCORES.length} of ${SCORES.length + 4} pass`);
    await expect(page.getByTestId('draft-kept')).toHaveText(`The draft keeps ${SCORES.length} of ${SCORES.length + 4} rows`);
    expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);
  });

  await test.step('the review cut on cluster fit: shown with the value the run used, changed for the next run', async () => {
    const cut = page.getByTestId('review-cut');
    await expect(page.getByTestId('review-cut-value')).toHaveValue('0.5');
    await expect(cut).not.toContainText('applies at the next run');
    await page.getByTestId('review-cut-value').fill('0.3');
    await expect(cut).toContainText('applies at the next run');
    await page.getByTestId('review-cut-on').uncheck();
    await expect(page.getByTestId('review-cut-value')).toBeDisabled();
    await page.getByTestId('run-filters').click();
    await expect.poll(async () => (await env.core.invoke('curate.summary', { dataset: DATASET })).review).toEqual({ membershipBelow: null });
    await expect(cut).not.toContainText('applies at the next run', { timeout: 30_000 });
    await page.getByTestId('review-cut-on').check();
    await expect(page.getByTestId('review-cut-value')).toHaveValue('0.5');
  });

  await test.step('estimate, then run the judge on the kept rows', async () => {
    await expect(page.getByTestId('judge-model')).toContainText(MODEL);
    await page.getByTestId('estimate-judge').click();
    await expect(page.getByTestId('judge-estimate')).toContainText('calls');
    expect(server.requests).toHaveLength(0);
    await page.getByTestId('run-judge').click();
    await expect(page.getByTestId('judged-count')).toHaveText(`${SCORES.length} judged`, { timeout: 90_000 });
    expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(SCORES.length);
    await expect(page.getByTestId('flagged-count')).toHaveText(String(below(0.5)));
    await expect(page.getByTestId('borderline-count')).toHaveText(String(near(0.5, 0.1)));
    await expect(page.getByTestId('judge-cost')).not.toHaveText('spent $0');
    // Flagged rows leave the draft: what passes the judge is what stays.
    await expect(page.getByTestId('draft-kept')).toHaveText(`The draft keeps ${SCORES.length - below(0.5)} of ${SCORES.length + 4} rows`);
    await shot(page, 'curate-panel-1280');
  });

  await test.step('drag the threshold: counts follow locally, and the core gets one value on release', async () => {
    const plot = page.getByTestId('histogram-plot');
    const calls = server.requests.length;
    const from = await xOf(plot, 0.5);
    const to = await xOf(plot, 0.7);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await expect(page.getByTestId('threshold-counts')).toHaveAttribute('data-threshold', '0.7');
    await expect(page.getByTestId('flagged-count')).toHaveText(String(below(0.7)));
    await expect(page.getByTestId('borderline-count')).toHaveText(String(near(0.7, 0.1)));
    // Still dragging: nothing saved yet.
    expect((await env.core.invoke('curate.summary', { dataset: DATASET })).judge?.threshold).toBe(0.5);
    await page.mouse.up();
    await expect.poll(async () => (await env.core.invoke('curate.summary', { dataset: DATASET })).judge?.threshold).toBe(0.7);
    const summary = await env.core.invoke('curate.summary', { dataset: DATASET });
    expect(summary.flagged).toBe(below(0.7));
    expect(summary.borderline).toBe(near(0.7, 0.1));
    expect(server.requests.length).toBe(calls);
  });

  const keys = (await env.core.invoke('review.queue', { dataset: DATASET, stage: 'borderline', pendingOnly: false, limit: 100 })).items.map((r) => r.rowKey);
  expect(keys).toHaveLength(near(0.7, 0.1));
  const row = page.getByTestId('review-row');
  const progress = page.getByTestId('review-progress');

  await test.step('open the borderline queue and review two rows by keyboard', async () => {
    await page.getByTestId('open-review').click();
    await expect(page.getByTestId('review-screen')).toBeVisible();
    await expect(row).toHaveAttribute('data-row-key', String(keys[0]));
    await expect(page.getByTestId('judge-overall')).toHaveText('0.62');
    await expect(page.getByTestId('review-response')).toContainText('Rinse the');
    await shot(page, 'review-1280');
    // Q14 scored 0.62 (judge says reject at 0.7): the reviewer agrees and rejects.
    await page.keyboard.press('r');
    await expect(row).toHaveAttribute('data-row-key', String(keys[1]));
    // Q15 scored 0.66 (judge says reject): the reviewer disagrees and accepts.
    await page.keyboard.press('a');
    await expect(row).toHaveAttribute('data-row-key', String(keys[2]));
    await expect(progress).toHaveAttribute('data-reviewed', '2');
  });

  await test.step('a reload mid-queue comes back to the same row with the decisions kept', async () => {
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
    await expect(page.getByTestId('review-screen')).toBeVisible();
    await expect(row).toHaveAttribute('data-row-key', String(keys[2]));
    await expect(progress).toHaveAttribute('data-reviewed', '2');
    const decided = (await env.core.invoke('review.queue', { dataset: DATASET, stage: 'borderline', pendingOnly: false, limit: 100 })).items.map((r) => r.review?.decision ?? null);
    expect(decided.slice(0, 2)).toEqual(['reject', 'accept']);
  });

  await test.step('the third row: label, note, accept; undo and redo by keyboard', async () => {
    await page.keyboard.press('l');
    await page.getByTestId('labels-input').fill('care, rinse');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('row-labels')).toContainText('rinse');
    await page.keyboard.press('n');
    await page.getByTestId('note-input').fill('Good enough for the eval set.');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('row-note')).toHaveText('Good enough for the eval set.');
    // Q16 scored 0.72 (judge says accept): the reviewer agrees.
    await page.keyboard.press('a');
    await expect(progress).toHaveAttribute('data-reviewed', '3');
    await page.keyboard.press('u');
    await expect(progress).toHaveAttribute('data-reviewed', '2');
    await expect(row).toHaveAttribute('data-row-key', String(keys[2]));
    await expect(page.getByTestId('row-decision')).toHaveAttribute('data-decision', 'pending');
    await page.keyboard.press('a');
    await expect(progress).toHaveAttribute('data-reviewed', '3');
    const third = (await env.core.invoke('review.queue', { dataset: DATASET, stage: 'borderline', pendingOnly: false, limit: 100 })).items.find((r) => r.rowKey === keys[2]);
    expect(third?.review?.decision).toBe('accept');
    expect(third?.row.labels).toEqual(['care', 'rinse']);
  });

  let t = 0;
  await test.step('agreement: 2 of 3, kappa 0.4, and the best threshold applied in one click', async () => {
    // Judge (>= 0.7) against the reviewer: reject/reject, reject/accept, accept/accept.
    // po = 2/3; pe = (1/3)(2/3) + (2/3)(1/3) = 4/9; kappa = (2/3 - 4/9) / (1 - 4/9) = 0.4.
    const card = page.getByTestId('agreement');
    await expect(card).toHaveAttribute('data-compared', '3');
    await expect(page.getByTestId('agreement-rate')).toHaveText('67%');
    await expect(page.getByTestId('agreement-kappa')).toHaveText('0.40');
    await shot(page, 'review-agreement-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, 'review-1920');
    await page.getByTestId('apply-best-threshold').click();
    // Only a threshold in (0.62, 0.66] accepts Q15 and rejects Q14: every pair then agrees.
    await expect.poll(async () => (await env.core.invoke('curate.summary', { dataset: DATASET })).judge?.threshold).toBeGreaterThan(0.62);
    t = (await env.core.invoke('curate.summary', { dataset: DATASET })).judge?.threshold ?? 0;
    expect(t).toBeLessThanOrEqual(0.66);
    await expect(page.getByTestId('agreement-rate')).toHaveText('100%');
  });

  await test.step('the help overlay lists the review keys', async () => {
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Accept the row');
    await expect(help).toContainText('Ctrl+z');
    await page.keyboard.press('Escape');
  });

  await test.step('a filter\'s drops: PII highlighted, the response edited by keyboard', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('review-stage').selectOption('dropped:pii');
    const email = page.locator('mark[data-pii="EMAIL"]');
    await expect(email).toContainText('jane.doe@example.com');
    await expect(page.locator('mark[data-pii="PHONE"]')).toContainText('415 555 0142');
    await expect(page.getByTestId('row-verdicts')).toContainText('PII');
    await shot(page, 'review-pii-1280');
    await page.keyboard.press('e');
    await page.getByTestId('response-input').fill('Done: I saved your new email address and phone number.');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('review-response')).toContainText('I saved your new email address');
    await expect(email).toHaveCount(0);
    const edited = (await env.core.invoke('review.queue', { dataset: DATASET, stage: 'dropped:pii', pendingOnly: false, limit: 10 })).items[0];
    expect(edited?.review?.edited).toBe(true);
    expect(edited?.row.responseText).toBe('Done: I saved your new email address and phone number.');
  });

  await test.step('bulk: reject everything pending in the refusal drops', async () => {
    await page.getByTestId('review-stage').selectOption('dropped:refusal');
    await expect(progress).toHaveAttribute('data-total', '1');
    await page.getByTestId('bulk-reject').click();
    await page.getByTestId('bulk-confirm').click();
    await expect(progress).toHaveAttribute('data-reviewed', '1');
    const refused = (await env.core.invoke('review.queue', { dataset: DATASET, stage: 'dropped:refusal', pendingOnly: false, limit: 10 })).items;
    expect(refused.map((r) => r.review?.decision)).toEqual(['reject']);
  });

  await test.step('the panel at 1920x1080', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    // The reload mid-queue started the window afresh: the Datasets screen lists, and the dataset opens again.
    await page.keyboard.press('g');
    await page.keyboard.press('d');
    await page.getByTestId('dataset-item').filter({ hasText: DATASET }).getByRole('button', { name: DATASET }).click();
    await expect(page.getByTestId('dataset-view')).toHaveAttribute('data-dataset', DATASET);
    await expect(page.getByTestId('judged-count')).toHaveText(`${SCORES.length} judged`);
    await expect(page.getByTestId('threshold-counts')).toHaveAttribute('data-threshold', String(t));
    await shot(page, 'curate-panel-1920');
  });

  expect(problems).toEqual([]);
});
