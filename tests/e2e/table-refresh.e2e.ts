// A job that writes traces (an import, then its search index) settling while the user is deep in the table:
// the table keeps its place and the open trace, and the new traces show in the total. Built window, real core.
// Leaves a 1280x720 screenshot of the table after the refresh.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { useE2eEnv } from './support/e2e-env.ts';

const env = useE2eEnv();

function writeTraces(name: string, count: number, from: number): string {
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ prompt: `Question number ${from + i} about parcels`, response: `Answer ${from + i}.`, model: 'gpt-4o-mini' }));
  const path = join(env.tmp, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function importAndIndex(path: string): Promise<void> {
  const { jobId } = await env.core.invoke('imports.start', { paths: [path] });
  expect((await env.core.jobs.waitFor(jobId)).status).toBe('succeeded');
  const index = await env.core.invoke('traces.searchIndex', {});
  if (index.jobId !== null) await env.core.jobs.waitFor(index.jobId);
}

/** Where the table is: its scroll offset and the first row it shows. */
async function place(page: Page): Promise<{ scrollTop: number; firstId: string | null }> {
  return page.getByTestId('trace-table').evaluate((el) => {
    const top = el.getBoundingClientRect().top;
    const rows = [...el.querySelectorAll<HTMLElement>('[data-testid="trace-row"]')].filter((r) => r.getBoundingClientRect().bottom > top + 40);
    rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    return { scrollTop: el.scrollTop, firstId: rows[0]?.dataset.traceId ?? null };
  });
}

test('a traces job settling keeps the table where the user is, with the open trace', async ({ page }) => {
  await importAndIndex(writeTraces('first.jsonl', 3000, 0));
  await page.setViewportSize({ width: 1280, height: 720 });
  await env.bridge(page);
  await page.goto(env.url);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  const count = page.getByTestId('trace-count');
  await expect(count).toHaveText(/^3,?000$/);

  const table = page.getByTestId('trace-table');
  await table.evaluate((el) => (el.scrollTop = 40_000));
  await expect(page.locator('[data-testid="trace-row"][data-trace-id]').first()).toBeVisible();
  await expect.poll(async () => (await place(page)).firstId).not.toBeNull();
  const openId = (await place(page)).firstId!;
  await page.locator(`[data-testid="trace-row"][data-trace-id="${openId}"]`).click();
  await expect(page.getByTestId('trace-detail')).toBeVisible();
  // Measured once the open row has been scrolled fully into view.
  const before = await place(page);
  expect(before.scrollTop).toBeGreaterThan(30_000);

  // Another import and its index job settle (each declares it changed traces) while the user is here.
  await importAndIndex(writeTraces('second.jsonl', 25, 3000));
  await expect(count).toHaveText(/^3,?025$/);
  // Let the refreshed rows arrive, then check nothing moved.
  await expect(page.locator(`[data-testid="trace-row"][data-trace-id="${openId}"]`)).toBeVisible();
  const after = await place(page);
  expect(after.scrollTop).toBe(before.scrollTop);
  expect(after.firstId).toBe(before.firstId);
  await expect(page.getByTestId('trace-detail')).toBeVisible();
  await expect(page.getByTestId('trace-detail')).toHaveAttribute('aria-label', `Trace ${openId}`);
  await page.screenshot({ path: join(resolve('test-results'), 'table-refresh-1280x720.png'), animations: 'disabled' });
});
