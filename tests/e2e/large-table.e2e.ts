// The traces table over a large import: keyset pages arrive as the user scrolls, and only the visible
// rows are in the DOM (virtualization), so the window stays fast however many traces there are.
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeOpenAiTraces } from '../../bench/import-data.ts';
import { useE2eEnv } from './support/e2e-env.ts';

const TRACES = 20_000;

const env = useE2eEnv();

test('scrolling a 20,000-trace table fetches keyset pages and keeps the DOM small', async ({ page }) => {
  const file = join(env.tmp, 'synthetic.jsonl');
  await writeOpenAiTraces(file, TRACES);
  await env.bridge(page);
  await page.goto(env.url);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');

  await page.getByTestId('import-path').fill(file);
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('jobs-indicator')).toHaveAttribute('data-job-status', 'succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('trace-count')).toHaveText('20,000');

  const table = page.getByTestId('trace-table');
  // aria-rowcount is the number of rows loaded so far; the count above is the total that matches.
  const loaded = async () => Number(await table.getAttribute('aria-rowcount'));
  const firstPage = await loaded();
  expect(firstPage).toBeLessThan(TRACES);
  // Each jump to the bottom of what is loaded pulls the next keyset page in.
  for (let i = 1; i <= 5; i++) {
    await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(loaded).toBeGreaterThanOrEqual(firstPage * (i + 1));
  }
  // However many rows are loaded, only the visible ones (plus overscan) are in the DOM.
  expect(await page.getByTestId('trace-row').count()).toBeLessThan(80);
  // The rows in view straddle the last page seam: a keyset page must not repeat rows of the one before.
  const ids = await page.getByTestId('trace-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-trace-id')));
  expect(new Set(ids).size).toBe(ids.length);
  await page.screenshot({ path: resolve('test-results/traces-scrolled-light.png'), animations: 'disabled' });
});
