// Import end to end: the built window, bridged to the real core, imports a JSONL export through the path
// field, filters by a facet, opens a trace, shows the rejected line, and leaves light/dark screenshots.
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { useE2eEnv } from './support/e2e-env.ts';
import { FIXTURE_EXPECT, writeTraceFixture } from './support/trace-fixture.ts';

const SHOTS = resolve('test-results');

const env = useE2eEnv();

async function shot(page: Page, name: string): Promise<void> {
  // Finished transitions, so a theme switch right before the shot is fully applied.
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
}

test('imports a trace file, filters it, opens a trace and shows what was rejected', async ({ page }) => {
  // The strict CSP and the renderer's own checks report through the console: any error there is a bug.
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));

  await env.bridge(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(env.url);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  const indicator = page.getByTestId('jobs-indicator');
  await expect(indicator).toHaveAttribute('data-job-state', 'idle');
  await shot(page, 'traces-empty-light');

  await test.step('without the window shell, Choose files falls back to the path field', async () => {
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await expect(page.getByRole('alert')).toContainText('Paste a file path instead');
    await expect(page.getByTestId('import-path')).toBeFocused();
  });

  await test.step('import through the path field', async () => {
    const file = writeTraceFixture(env.tmp);
    await page.getByTestId('import-path').fill(file);
    await page.getByTestId('import-submit').click();
    await expect(indicator).toHaveAttribute('data-job-state', 'settled');
    await expect(indicator).toHaveAttribute('data-job-status', 'succeeded');
    await expect(page.getByTestId('trace-count')).toHaveText(String(FIXTURE_EXPECT.traces));
    await expect(page.getByTestId('trace-row')).toHaveCount(FIXTURE_EXPECT.traces);
    await expect(page.getByTestId('import-summary')).toContainText('1 line rejected');
    await shot(page, 'traces-table-light');
  });

  await test.step('filter by environment = prod', async () => {
    const prod = page.locator('[data-facet="environment"] label', { hasText: 'prod' });
    await expect(prod).toContainText(String(FIXTURE_EXPECT.prod));
    await prod.getByRole('checkbox').check();
    await expect(page.getByTestId('trace-count')).toHaveText(String(FIXTURE_EXPECT.prod));
    const rows = page.getByTestId('trace-row');
    await expect(rows).toHaveCount(FIXTURE_EXPECT.prod);
    // The environment cell of every visible row says prod.
    await expect(rows.locator('[data-col="environment"]')).toHaveText(Array(FIXTURE_EXPECT.prod).fill('prod'));
  });

  await test.step('narrow by time and search, then widen again', async () => {
    await page.getByLabel('From date').fill('2026-01-06');
    await expect(page.getByTestId('trace-count')).toHaveText('2');
    await page.getByLabel('From date').fill('');
    await expect(page.getByTestId('trace-count')).toHaveText(String(FIXTURE_EXPECT.prod));
    // Esc leaves the date field (keys typed in a field stay in it), then / jumps to the search.
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    await expect(page.getByTestId('trace-search')).toBeFocused();
    await page.keyboard.type('sleeping bag');
    await expect(page.getByTestId('trace-count')).toHaveText('1');
    await page.getByTestId('trace-search').fill('');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('trace-count')).toHaveText(String(FIXTURE_EXPECT.prod));
  });

  await test.step('open the trace with a tool call', async () => {
    await page.getByTestId('trace-row').filter({ hasText: 'Where is my order #4411' }).click();
    const detail = page.getByTestId('trace-detail');
    await expect(detail).toBeVisible();
    await expect(detail.getByTestId('conversation')).toContainText('Where is my order #4411');
    await expect(detail.getByTestId('tool-call')).toContainText('lookup_order');
    await expect(detail.locator('[data-role="tool"]')).toContainText('in_transit');
    await expect(detail.getByTestId('trace-source')).toContainText('acme-support.jsonl:1');
    await expect(detail.getByTestId('trace-raw')).toContainText('"order_id');
    await shot(page, 'trace-detail-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'trace-detail-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // j moves to the next trace of the filtered list.
    await page.keyboard.press('j');
    await expect(detail.getByTestId('conversation')).toContainText('Tent was great');
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();
  });

  await test.step('see the rejected line with its number and reason', async () => {
    await page.getByTestId('files-panel-toggle').click();
    const panel = page.getByTestId('files-panel');
    await expect(panel.getByTestId('file-card')).toHaveCount(1);
    await expect(panel.locator('[data-count="traces"] dd')).toHaveText(String(FIXTURE_EXPECT.traces));
    await expect(panel.locator('[data-count="rejected"] dd')).toHaveText('1');
    const line = panel.getByTestId('rejected-line');
    await expect(line).toHaveCount(1);
    await expect(line).toHaveAttribute('data-line', String(FIXTURE_EXPECT.rejectedLine));
    await expect(line).toContainText(`line ${FIXTURE_EXPECT.rejectedLine}`);
    await expect(line).toContainText(FIXTURE_EXPECT.rejectedCode);
    await expect(line).toContainText('this line was cut off');
    await shot(page, 'rejected-lines-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'rejected-lines-dark');
  });

  await test.step('shortcuts: help overlay, then the Jobs screen', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await shot(page, 'shortcuts-dark');
    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await page.keyboard.press('j');
    // The import, and the search index job it started when it ended.
    await expect(page.getByTestId('jobs-table').locator('tr[data-status="succeeded"]')).toHaveCount(2);
    await shot(page, 'jobs-dark');
  });

  expect(problems).toEqual([]);
});
