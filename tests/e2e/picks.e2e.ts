// Hand-picked rows end to end: the built window, bridged to the real core. Ticks traces in the traces table and
// puts exactly those into a new dataset; ticks members in a cluster's list and promotes exactly those.
// Screenshots at 1280x720 and 1920x1080 in test-results/.
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeCorpus } from '../support/intent-corpus.ts';
import { useE2eEnv } from './support/e2e-env.ts';

const SHOTS = resolve('test-results');
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

const env = useE2eEnv();

/** The same view at both sizes, ending at the smaller one. */
async function shots(page: Page, name: string): Promise<void> {
  for (const size of [...SIZES].reverse()) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.png`), animations: 'disabled' });
  }
}

async function prepare(page: Page, problems: string[]): Promise<void> {
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const file = join(env.tmp, 'intents.jsonl');
  writeCorpus(file, 0, 10);
  const imported = await env.core.jobs.waitFor((await env.core.invoke('imports.start', { paths: [file] })).jobId);
  expect(imported.status).toBe('succeeded');
  const run = await env.core.jobs.waitFor((await env.core.invoke('clusters.run', { embedder: 'builtin', nameWithLlm: false })).jobId);
  expect(run.status).toBe('succeeded');
  await env.bridge(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(SIZES[0]);
}

/** Row ids in a draft, ascending. */
async function draftRowIds(dataset: string): Promise<number[]> {
  const page = await env.core.invoke('datasets.rows', { dataset, version: 'draft', limit: 100 });
  return page.items.map((r) => r.rowKey).sort((a, b) => a - b);
}

test('ticks traces in the table and puts exactly those into a new dataset', async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  await prepare(page, problems);
  await page.goto(env.url);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  await expect(page.getByTestId('trace-count')).toHaveText('40');

  const rows = page.getByTestId('trace-row');
  const picked: number[] = [];
  for (const i of [0, 2, 5]) {
    const row = rows.nth(i);
    picked.push(Number(await row.getAttribute('data-trace-id')));
    await row.getByTestId('trace-pick').check();
  }
  // A tick picks; it does not open the trace.
  await expect(page.getByTestId('trace-detail')).toHaveCount(0);
  await expect(page.getByTestId('picked-count')).toHaveText('3');
  // Picks survive a search: they can be gathered from several.
  await page.getByTestId('trace-search').fill('weather');
  await expect(page.getByTestId('trace-count')).toHaveText('10');
  await expect(page.getByTestId('picked-count')).toHaveText('3');
  const weather = rows.first();
  picked.push(Number(await weather.getAttribute('data-trace-id')));
  await weather.getByTestId('trace-pick').check();
  await expect(page.getByTestId('picked-count')).toHaveText('4');
  await shots(page, 'picks-traces');

  await page.getByTestId('picked-to-dataset').click();
  const dialog = page.getByTestId('to-dataset-dialog');
  await expect(dialog).toContainText('4 picked traces');
  await dialog.getByTestId('to-dataset-name').fill('hand-picked');
  await dialog.getByTestId('to-dataset-submit').click();
  await expect(dialog.getByTestId('add-report')).toContainText('Added 4 of 4 rows');
  await shots(page, 'picks-traces-added');
  // Added: the ticks are cleared, the report stays.
  await expect(page.getByTestId('picked-bar')).toContainText('0 traces picked');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('picked-bar')).toHaveCount(0);

  const detail = await env.core.invoke('datasets.get', { dataset: 'hand-picked' });
  expect(detail.draftRows).toBe(4);
  const rowsIn = await env.core.invoke('datasets.rows', { dataset: 'hand-picked', version: 'draft', limit: 100 });
  expect(rowsIn.items.map((r) => r.sourceTraceId).sort((a, b) => a - b)).toEqual([...picked].sort((a, b) => a - b));
  expect(problems).toEqual([]);
});

test('ticks members in a cluster and promotes exactly those', async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  await prepare(page, problems);
  await page.goto(`${env.url}#/clusters`);
  await expect(page.getByTestId('clusters-screen')).toHaveAttribute('data-clusters-state', 'ready', { timeout: 60_000 });

  await page.locator('[data-testid="cluster-row"][data-level="cluster"]').first().click();
  const panel = page.getByTestId('cluster-panel');
  const clusterId = Number(await panel.getAttribute('data-cluster-id'));
  const members = panel.getByTestId('member-row');
  await expect(members.first()).toBeVisible();
  const picked: number[] = [];
  for (const i of [0, 1]) {
    picked.push(Number(await members.nth(i).getAttribute('data-row-id')));
    await members.nth(i).getByTestId('member-pick').check();
  }
  await expect(panel.getByTestId('promote-to-dataset')).toHaveText('Promote to dataset (2 picked)');
  await shots(page, 'picks-members');

  await panel.getByTestId('promote-to-dataset').click();
  const dialog = page.getByTestId('to-dataset-dialog');
  await expect(dialog.getByTestId('promote-picked')).toBeChecked();
  await expect(dialog).toContainText('The 2 members ticked in the list');
  await dialog.getByTestId('to-dataset-name').fill('picked-members');
  await shots(page, 'picks-members-promote');
  await dialog.getByTestId('to-dataset-submit').click();
  await expect(dialog.getByTestId('add-report')).toContainText('Added 2 of 2 rows');

  expect(await draftRowIds('picked-members')).toEqual([...picked].sort((a, b) => a - b));
  const detail = await env.core.invoke('datasets.get', { dataset: 'picked-members' });
  expect(detail.versions[0]!.recipe['sources']).toEqual([expect.objectContaining({ type: 'cluster', clusterId, pick: 'picked' })]);
  await page.keyboard.press('Escape');
  // Promoted: the ticks are cleared.
  await expect(panel.getByTestId('promote-to-dataset')).toHaveText('Promote to dataset');
  await expect(panel.getByTestId('member-pick').first()).not.toBeChecked();
  expect(problems).toEqual([]);
});
