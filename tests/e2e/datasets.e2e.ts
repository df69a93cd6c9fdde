// Datasets end to end: the built window, bridged to the real core. Promotes a cluster to an eval dataset from
// its panel, edits a row, freezes v1, changes the draft (an edit and a trace added from its detail), freezes v2,
// diffs v1..v2 and exports v2 through the export dialog (folder dialog, progress, files, manifest hash). A second
// test builds a training set from the traces filter that excludes the eval version and inspects what the leakage
// guard left out; a third lists a diff longer than one page. Screenshots at 1280x720 and 1920x1080 in test-results/.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Job } from '../../src/shared/contract/index.ts';
import { writeCorpus } from '../support/intent-corpus.ts';
import { useE2eEnv } from './support/e2e-env.ts';

const SHOTS = resolve('test-results');

const env = useE2eEnv({
  env: {},
  // Stands in for the OS folder dialog (the window's shell serves app.pickFolder): it "chooses" a folder in
  // this test's temp dir, and the export dialog makes a new folder inside it.
  shell: { 'app.pickFolder': () => ({ path: join(env.tmp, 'exports') }) },
});

function settle(jobId: number): Promise<Job> {
  return env.core.jobs.waitFor(jobId);
}

/** Four intents that share almost no words (15 prompts each), and two refund traces that failed. */
function writeFixture(dir: string): string {
  const items = ['blender', 'jacket', 'headphones', 'coffee grinder', 'desk lamp'];
  const emails = ['ana', 'bo', 'chen', 'dara', 'eli'];
  const tables = [
    ['orders', 'customers', 'region'],
    ['invoices', 'payments', 'month'],
    ['events', 'users', 'country'],
    ['sales', 'products', 'category'],
    ['tickets', 'agents', 'priority'],
  ];
  const cities = ['Lisbon', 'Oslo', 'Nairobi', 'Denver', 'Osaka'];
  const intents = [
    {
      task: 'refunds',
      answer: 'I am sorry about that. I have started a refund to your original payment method; it takes 5 to 7 days.',
      prompts: items.flatMap((item, i) => [
        `I want a refund for order #${4100 + i}, the ${item} arrived broken.`,
        `How do I get my money back for the ${item} I returned last week? Refund please.`,
        `Can you refund order ${5200 + i}? The ${item} never arrived and I was charged twice.`,
      ]),
    },
    {
      task: 'password',
      answer: 'I have sent a new password reset link to your email address; it stays valid for 30 minutes.',
      prompts: emails.flatMap((name, i) => [
        `I forgot my password and the reset email for ${name}@example.com never came.`,
        `How do I reset my password? The reset link in my inbox says it expired (attempt ${i + 2}).`,
        `My account ${name}${i}@mail.test is locked after too many wrong password attempts, please reset the password.`,
      ]),
    },
    {
      task: 'sql',
      answer: 'Use SELECT col, COUNT(*) FROM table GROUP BY col ORDER BY COUNT(*) DESC; add HAVING to filter groups.',
      prompts: tables.flatMap(([a, b, col]) => [
        `Write a SQL query that counts ${a} rows per ${col} and sorts by the count descending.`,
        `Why does my SQL JOIN between ${a} and ${b} return duplicate rows? Query uses LEFT JOIN on id.`,
        `How do I write a SQL GROUP BY on ${b}.${col} with a HAVING clause that keeps groups over 10?`,
      ]),
    },
    {
      task: 'weather',
      answer: 'Tomorrow looks mostly sunny with a high of 21 °C and a light breeze; rain is unlikely.',
      prompts: cities.flatMap((city) => [
        `What is the weather forecast for ${city} tomorrow? Will it rain?`,
        `Is it going to be sunny in ${city} this weekend, and what temperature should I expect?`,
        `Do I need an umbrella in ${city} today? What is the weather like this afternoon?`,
      ]),
    },
  ];
  const line = (task: string, prompt: string, answer: string, status?: string) =>
    JSON.stringify({
      messages: [
        { role: 'system', content: 'You are the helpful assistant of Acme. Answer briefly.' },
        { role: 'user', content: prompt },
        { role: 'assistant', content: answer },
      ],
      metadata: { task, environment: 'prod', ...(status ? { status } : {}) },
    });
  const lines = intents.flatMap(({ task, prompts, answer }) => prompts.map((p) => line(task, p, answer)));
  lines.push(line('refunds', 'I want a refund for order #4188, the kettle arrived broken.', 'upstream timeout', 'error'));
  lines.push(line('refunds', 'Can you refund order 5288? The tent never arrived and I was charged twice.', 'upstream timeout', 'error'));
  const path = join(dir, 'support.jsonl');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** The same view at both sizes, ending at the smaller one. */
async function shots(page: Page, name: string): Promise<void> {
  for (const size of [...SIZES].reverse()) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.png`), animations: 'disabled' });
  }
}

async function prepare(page: Page): Promise<void> {
  const imported = await settle((await env.core.invoke('imports.start', { paths: [writeFixture(env.tmp)] })).jobId);
  expect(imported.status).toBe('succeeded');
  const run = await settle((await env.core.invoke('clusters.run', { embedder: 'builtin', textMode: 'last-user', granularity: 0, nameWithLlm: false })).jobId);
  expect(run.status).toBe('succeeded');
  await env.bridge(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(SIZES[0]);
}

function sha256File(path: string): string {
  return `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
}

test('promotes a cluster, edits a row, freezes v1 and v2, diffs them and exports v2 from the window', async ({ page }) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await prepare(page);
  await page.goto(`${env.url}#/clusters`);
  await expect(page.getByTestId('clusters-screen')).toHaveAttribute('data-clusters-state', 'ready', { timeout: 60_000 });

  const refundCluster = page.locator('[data-testid="cluster-row"][data-level="cluster"]').filter({ hasText: /refund/i }).first();
  const clusterSize = Number(await refundCluster.getAttribute('data-size'));
  let added = 0;

  await test.step('promote the refund cluster from its panel into a new eval dataset', async () => {
    await refundCluster.click();
    const panel = page.getByTestId('cluster-panel');
    await panel.getByTestId('promote-to-dataset').click();
    const dialog = page.getByTestId('to-dataset-dialog');
    await dialog.getByTestId('to-dataset-name').fill('refund-evals');
    await expect(dialog.getByTestId('to-dataset-kind')).toHaveValue('eval');
    // An eval set has no leakage guard of its own: the exclusion choice is for training sets only.
    await expect(dialog.getByTestId('to-dataset-exclude')).toHaveCount(0);
    await shots(page, 'datasets-promote');
    await dialog.getByTestId('to-dataset-submit').click();
    const report = dialog.getByTestId('add-report');
    await expect(report).toBeVisible();
    const text = await report.innerText();
    const [, addedText, offeredText] = /Added (\d+) of (\d+) rows/.exec(text) ?? [];
    added = Number(addedText);
    const offered = Number(offeredText);
    expect(offered).toBe(clusterSize);
    expect(added).toBeGreaterThan(0);
    // Whatever did not enter is accounted for: here only failed traces can be left out.
    if (added < offered) await expect(report).toContainText(`${offered - added} row${offered - added === 1 ? '' : 's'} left out`);
    const detail = await env.core.invoke('datasets.get', { dataset: 'refund-evals' });
    expect(detail.draftRows).toBe(added);
    expect(detail.taskDescription).not.toBe('');
    await dialog.getByTestId('open-dataset').click();
    await expect(page.getByTestId('dataset-view')).toHaveAttribute('data-dataset', 'refund-evals');
    await expect(page.getByTestId('dataset-total')).toHaveText(`${added} rows`);
    // Proposed from the cluster's name, for the judge and the distillation export later.
    await expect(page.getByTestId('dataset-task')).toContainText(detail.taskDescription.slice(0, 30));
  });

  const rows = page.getByTestId('dataset-row');
  const editor = page.getByTestId('row-editor');

  await test.step('edit a row: labels, expected output and a note, saved to the draft', async () => {
    const first = rows.first();
    const rowKey = Number(await first.getAttribute('data-row-key'));
    await first.click();
    await expect(editor).toBeVisible();
    await editor.getByTestId('row-labels').fill('refund, damaged');
    await editor.getByTestId('row-expected').fill('Apologise, start the refund, give the 5 to 7 day delay.');
    await editor.getByTestId('row-note').fill('Clear example of a damaged-item refund.');
    await shots(page, 'datasets-row-editor');
    await editor.getByTestId('row-save').click();
    await expect(editor.getByTestId('row-save')).toBeDisabled();
    await expect(page.locator(`[data-testid="dataset-row"][data-row-key="${rowKey}"]`)).toContainText('damaged');
    const stored = (await env.core.invoke('datasets.rows', { dataset: 'refund-evals', version: 'draft', limit: 500 })).items.find((r) => r.rowKey === rowKey);
    expect(stored).toMatchObject({ labels: ['damaged', 'refund'], expectedOutput: 'Apologise, start the refund, give the 5 to 7 day delay.', note: 'Clear example of a damaged-item refund.' });
  });

  await test.step('freeze v1', async () => {
    await page.getByTestId('freeze').click();
    await expect(page.getByTestId('freeze-result')).toContainText(`Froze v1: ${added} rows`);
    await expect(page.getByTestId('version-select')).toHaveValue('1');
    // No draft is left: Freeze waits for the next change.
    await expect(page.getByTestId('freeze')).toBeDisabled();
  });

  let changedKey = 0;
  await test.step('change the data: edit another row (a new draft starts from v1)', async () => {
    const second = rows.nth(1);
    changedKey = Number(await second.getAttribute('data-row-key'));
    await second.click();
    await editor.getByTestId('row-labels').fill('refund, not-delivered');
    await editor.getByTestId('row-save').click();
    await expect(page.getByTestId('version-select')).toHaveValue('draft');
    await expect(page.locator(`[data-testid="dataset-row"][data-row-key="${changedKey}"]`)).toContainText('not-delivered');
  });

  await test.step('add one trace from its detail on the Traces screen to the draft', async () => {
    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await page.getByTestId('trace-search').fill('umbrella in Oslo');
    await expect(page.getByTestId('trace-count')).toHaveText('1');
    await page.getByTestId('trace-row').first().click();
    await page.getByTestId('trace-detail').getByTestId('trace-to-dataset').click();
    const dialog = page.getByTestId('to-dataset-dialog');
    await dialog.getByTestId('to-dataset-target').selectOption('refund-evals');
    await dialog.getByTestId('to-dataset-submit').click();
    await expect(dialog.getByTestId('add-report')).toContainText('Added 1 of 1 rows to refund-evals');
    await dialog.getByTestId('open-dataset').click();
    await expect(page.getByTestId('dataset-total')).toHaveText(`${added + 1} rows`);
  });

  await test.step('freeze v2 and diff v1..v2: one row added, one changed (labels)', async () => {
    await page.getByTestId('freeze').click();
    await expect(page.getByTestId('freeze-result')).toContainText(`Froze v2: ${added + 1} rows`);
    await page.getByTestId('open-diff').click();
    const dialog = page.getByTestId('diff-dialog');
    await expect(dialog.getByTestId('diff-from')).toHaveValue('1');
    await expect(dialog.getByTestId('diff-to')).toHaveValue('2');
    await dialog.getByTestId('diff-run').click();
    await expect(dialog.getByTestId('diff-summary')).toContainText(`1 added · 0 removed · 1 changed · ${added - 1} unchanged`);
    await expect(dialog.locator('[data-testid="diff-item"][data-kind="changed"]')).toContainText(`row ${changedKey}`);
    await expect(dialog.locator('[data-testid="diff-item"][data-kind="changed"]')).toContainText('labels');
    await expect(dialog.locator('[data-testid="diff-item"][data-kind="added"]')).toContainText('umbrella in Oslo');
    await shots(page, 'datasets-diff');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  await test.step('export v2 as Winnow JSONL through the dialog: folder picked, progress, files and manifest', async () => {
    await shots(page, 'datasets-view');
    await page.getByTestId('open-export').click();
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog).toContainText('Export refund-evals@v2');
    // A frozen version: no draft warning.
    await expect(dialog.getByTestId('export-draft-warning')).toHaveCount(0);
    await dialog.getByTestId('export-format').selectOption('jsonl');
    await dialog.getByTestId('export-choose').click();
    const out = join(env.tmp, 'exports', 'refund-evals-v2-jsonl');
    await expect(dialog.getByTestId('export-folder')).toHaveValue(out);
    await dialog.getByTestId('export-start').click();
    const progress = dialog.getByTestId('export-progress');
    await expect(progress).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
    await expect(progress).toContainText(`Exported ${added + 1} rows to ${out}`);
    await expect(dialog.getByTestId('export-outcome')).toContainText('data.jsonl, manifest.json');
    await shots(page, 'datasets-export');

    expect(readdirSync(out).sort()).toEqual(['data.jsonl', 'manifest.json']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { dataset: string; version: string; kind: string; sha256: string; rows: number; files: { path: string; sha256: string; bytes: number }[] };
    const v2 = (await env.core.invoke('datasets.get', { dataset: 'refund-evals' })).versions.find((v) => v.number === 2);
    expect(manifest).toMatchObject({ dataset: 'refund-evals', version: 'v2', kind: 'eval', rows: added + 1, sha256: v2?.sha256 });
    expect(manifest.files).toEqual([{ path: 'data.jsonl', sha256: sha256File(join(out, 'data.jsonl')), bytes: readFileSync(join(out, 'data.jsonl')).length }]);
    const lines = readFileSync(join(out, 'data.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(added + 1);
    const edited = lines.map((l) => JSON.parse(l) as { row_id: number; metadata: { labels: string[] } }).find((r) => r.row_id === changedKey);
    expect(edited?.metadata.labels).toEqual(['not-delivered', 'refund']);
    // The export is recorded against the version it used.
    expect(await env.core.invoke('datasets.exports', { dataset: 'refund-evals' })).toMatchObject([{ version: 'v2', format: 'jsonl', path: out, rows: added + 1 }]);
  });

  expect(problems).toEqual([]);
});

test('a training set from the traces filter excludes a frozen eval version, and its leakage report shows what left', async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await prepare(page);
  // The eval set: every weather trace, frozen as v1 (the core does this part; the first test covers the window).
  await env.core.invoke('datasets.create', { name: 'weather-evals', kind: 'eval', source: { type: 'filter', where: { task: ['weather'] } } });
  const evalFrozen = await env.core.invoke('datasets.freeze', { dataset: 'weather-evals' });
  expect(evalFrozen.rows).toBeGreaterThan(0);

  await page.goto(`${env.url}#/traces`);
  await expect(page.getByTestId('trace-count')).toHaveText('62');

  await test.step('Create dataset from this filter: a training set guarded against weather-evals@v1', async () => {
    await page.getByTestId('filter-to-dataset').click();
    const dialog = page.getByTestId('to-dataset-dialog');
    await dialog.getByTestId('to-dataset-name').fill('support-train');
    await dialog.getByTestId('to-dataset-kind').selectOption('training');
    // The latest frozen eval version is proposed, with the near-duplicate threshold the user can move.
    await expect(dialog.getByTestId('to-dataset-exclude')).toHaveValue('weather-evals@1');
    await expect(dialog.getByTestId('to-dataset-threshold')).toHaveValue('0.8');
    await dialog.getByTestId('to-dataset-threshold').fill('0.7');
    await shots(page, 'datasets-training-create');
    await dialog.getByTestId('to-dataset-submit').click();
    const report = dialog.getByTestId('add-report');
    await expect(report.getByTestId('add-report-leakage')).toContainText(`left out ${evalFrozen.rows} same trace`);
    await expect(report.getByTestId('add-report-leakage')).toContainText('(threshold 0.7)');
    await dialog.getByTestId('open-dataset').click();
    await expect(page.getByTestId('dataset-view')).toHaveAttribute('data-dataset', 'support-train');
  });

  await test.step('the leakage report lists the excluded rows and opens one beside its eval row', async () => {
    await page.getByTestId('open-leakage').click();
    const dialog = page.getByTestId('leakage-dialog');
    await expect(dialog.getByTestId('leakage-report')).toContainText('against weather-evals@v1');
    await expect(dialog.getByTestId('leak-rule-exact')).toContainText(`exact ${evalFrozen.rows}`);
    const leaked = dialog.getByTestId('leakage-row');
    await expect(leaked).toHaveCount(evalFrozen.rows);
    await leaked.first().locator('summary').click();
    const compare = leaked.first().locator('.dataset-leak-compare');
    await expect(compare).toBeVisible();
    // Same trace on both sides: the prompts are the same text.
    const [left, right] = await compare.locator('pre').allInnerTexts();
    expect(left).toMatch(/weather|umbrella|sunny/i);
    expect(right).toBe(left);
    await shots(page, 'datasets-leakage');
    await page.keyboard.press('Escape');
  });

  await test.step('freezing the training set shows its guardrail warnings, without blocking', async () => {
    await page.getByTestId('freeze').click();
    const warnings = page.getByTestId('freeze-warnings');
    await expect(page.getByTestId('freeze-result')).toContainText('Froze v1');
    await expect(warnings).toContainText('a training set usually needs at least 200');
    await expect(warnings).toContainText('no curation run yet');
    await shots(page, 'datasets-training-frozen');
    // Editing after a freeze starts a new draft, which is what the next step exports.
    await page.getByTestId('dataset-row').first().click();
    await page.getByTestId('row-editor').getByTestId('row-note').fill('draft edit');
    await page.getByTestId('row-editor').getByTestId('row-save').click();
    await expect(page.getByTestId('version-select')).toHaveValue('draft');
  });

  await test.step('exporting the draft warns before it starts', async () => {
    await page.getByTestId('open-export').click();
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog.getByTestId('export-draft-warning')).toContainText('unfrozen draft');
    await dialog.getByTestId('export-choose').click();
    await expect(dialog.getByTestId('export-folder')).toHaveValue(join(env.tmp, 'exports', 'support-train-draft-openai'));
    await dialog.getByTestId('export-start').click();
    await expect(dialog.getByTestId('export-progress')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
    const out = join(env.tmp, 'exports', 'support-train-draft-openai');
    expect(existsSync(join(out, 'data.jsonl'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { version: string; warning?: string };
    expect(manifest.version).toBe('draft');
    expect(manifest.warning).toMatch(/unfrozen draft/);
  });

  expect(problems).toEqual([]);
});

test('lists every row of a diff longer than one page', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const file = join(env.tmp, 'intents.jsonl');
  writeCorpus(file, 0, 30);
  expect((await settle((await env.core.invoke('imports.start', { paths: [file] })).jobId)).status).toBe('succeeded');
  // v1 holds one trace; v2 adds the other 119, more than the dialog's first page of 100.
  const first = (await env.core.invoke('traces.list', { limit: 1 })).items[0]!.id;
  await env.core.invoke('datasets.create', { name: 'intents', kind: 'eval', source: { type: 'trace', traceId: first } });
  await env.core.invoke('datasets.freeze', { dataset: 'intents' });
  await env.core.invoke('datasets.addRows', { dataset: 'intents', source: { type: 'filter', where: {} } });
  await env.core.invoke('datasets.freeze', { dataset: 'intents' });

  await env.bridge(page);
  await page.setViewportSize(SIZES[0]);
  await page.goto(`${env.url}#/datasets`);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  await page.getByTestId('dataset-item').filter({ hasText: 'intents' }).getByRole('button', { name: 'intents' }).click();
  await page.getByTestId('open-diff').click();
  const dialog = page.getByTestId('diff-dialog');
  await dialog.getByTestId('diff-run').click();
  await expect(dialog.getByTestId('diff-summary')).toContainText('119 added · 0 removed · 0 changed · 1 unchanged');
  await expect(dialog.getByTestId('diff-item')).toHaveCount(100);
  await expect(dialog).toContainText('Showing 100 of 119.');
  await dialog.getByTestId('diff-more').click();
  await expect(dialog.getByTestId('diff-item')).toHaveCount(119);
  await expect(dialog.getByTestId('diff-more')).toHaveCount(0);
  const keys = await dialog.getByTestId('diff-item').evaluateAll((items) => items.map((i) => i.textContent ?? ''));
  expect(new Set(keys).size).toBe(119);
  expect(problems).toEqual([]);
});
