// The traces table over 650,000 imported traces: the scrollbar spans every row from the first paint (scaled
// past the height one element can have), dragging it to any place shows that place's rows, and however many
// places the user visits, the window holds a bounded set of rows.
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { useE2eEnv } from './support/e2e-env.ts';

const TRACES = 650_000;
const ENVS = ['prod', 'staging', 'dev'];

/** Small traces whose line number is written in their prompt, so a row shows which line it came from. */
async function writeNumberedTraces(path: string, lines: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 1; i <= lines; i++) {
    const line = JSON.stringify({
      messages: [
        { role: 'user', content: `question ${i}` },
        { role: 'assistant', content: `answer ${i}` },
      ],
      metadata: { environment: ENVS[i % 3], model: 'gpt-4o-mini', timestamp: 1_760_000_000_000 + i * 1000 },
    });
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r, reject) => out.end((err?: Error | null) => (err ? reject(err) : r())));
}

/** Drags the scrollbar to `fraction` of its length and waits until the first row in view has arrived. */
async function dragTo(page: Page, fraction: number): Promise<number> {
  const table = page.getByTestId('trace-table');
  const before = await table.getAttribute('data-first-row');
  await table.evaluate((el, f) => {
    el.scrollTop = f * (el.scrollHeight - el.clientHeight);
  }, fraction);
  await expect(table).not.toHaveAttribute('data-first-row', before ?? '');
  const first = Number(await table.getAttribute('data-first-row'));
  await expect(page.locator(`[data-testid="trace-row"][data-row-index="${first}"]`)).toBeVisible({ timeout: 30_000 });
  return first;
}

/** The row at `index` of the unfiltered list is line index + 1 of the file: check its prompt says so. */
async function expectRowOfLine(page: Page, index: number): Promise<void> {
  const row = page.locator(`[data-testid="trace-row"][data-row-index="${index}"]`);
  await expect(row.locator('[data-col="prompt"]')).toHaveText(`question ${index + 1}`);
  await expect(row.locator('[data-col="source"]')).toHaveText(`numbered.jsonl:${index + 1}`);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

const env = useE2eEnv();

test('a 650,000-trace table: the scrollbar spans every row, a drag lands on the right rows, memory stays flat', async ({ page }) => {
  test.setTimeout(900_000);
  const file = join(env.tmp, 'numbered.jsonl');
  await writeNumberedTraces(file, TRACES);
  const started = await env.core.dispatch('imports.start', { paths: [file] });
  if (!started.ok) throw new Error(started.error.message);
  const job = await env.core.jobs.waitFor((started.value as { jobId: number }).jobId);
  expect(job.status).toBe('succeeded');
  // The search index the import queued changes the traces domain when it ends; let it end before the window
  // opens, so its refresh cannot land in the middle of the drags this test times.
  await expect.poll(() => env.core.jobs.list(50).some((j) => j.kind === 'index-search'), { timeout: 30_000 }).toBe(true);
  const indexing = env.core.jobs.list(50).find((j) => j.kind === 'index-search')!;
  expect((await env.core.jobs.waitFor(indexing.id)).status).toBe('succeeded');

  await page.setViewportSize({ width: 1280, height: 720 });
  await env.bridge(page);
  await page.goto(env.url);
  await expect(page.getByTestId('trace-count')).toHaveText('650,000', { timeout: 60_000 });
  const table = page.getByTestId('trace-table');
  await expectRowOfLine(page, 0);

  // From the first paint the scrollbar stands for every row: 650,000 rows of 34 px are more than Chromium lets
  // one element be, so the scrolled height is capped (16M px) and the whole table is one drag away.
  await expect(table).toHaveAttribute('aria-rowcount', String(TRACES + 1));
  const height = await table.evaluate((el) => el.scrollHeight);
  expect(height).toBeGreaterThan(15_000_000);
  expect(height).toBeLessThan(17_000_000);

  // Drag to the end: the last row is there, right below the header's last visible pixel.
  await table.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expectRowOfLine(page, TRACES - 1);

  // Drag to row ~600,000.
  const first = await dragTo(page, 600_000 / TRACES);
  expect(Math.abs(first - 600_000)).toBeLessThan(50);
  for (let i = first; i < first + 5; i++) await expectRowOfLine(page, i);
  await page.screenshot({ path: resolve('test-results/large-table-600k-1280x720.png') });

  // Small scrolls from there move through neighbouring rows, which are already loaded.
  await table.evaluate((el) => {
    el.scrollTop += 340;
  });
  await expect(table).not.toHaveAttribute('data-first-row', String(first));
  const next = Number(await table.getAttribute('data-first-row'));
  expect(next).toBeGreaterThan(first);
  await expectRowOfLine(page, next);

  // Many places later, only a window of pages is held and the heap has not grown with the distance covered.
  const heapBefore = await heapMb(page);
  for (let i = 1; i <= 40; i++) await dragTo(page, (i * 0.6180339887) % 1);
  const landed = await dragTo(page, 0.25);
  await expectRowOfLine(page, landed);
  // Rows held: the ones near the view (1,500 either side at most), not everything visited.
  const held = Number(await table.getAttribute('data-loaded-rows'));
  expect(held).toBeGreaterThan(0);
  expect(held).toBeLessThanOrEqual(3001);
  expect(await page.getByTestId('trace-row').count()).toBeLessThan(80);
  const heapAfter = await heapMb(page);
  expect(heapAfter).toBeLessThan(300);
  expect(heapAfter - heapBefore).toBeLessThan(20);

  // A filter starts the list over at its own first row, its scrollbar sized to its own count.
  await page.locator('[data-facet="environment"] label[title="dev"] input').click();
  await expect(page.getByTestId('trace-count')).toHaveText('216,667');
  await expect(table).toHaveAttribute('aria-rowcount', String(216_667 + 1));
  await expect(page.locator('[data-testid="trace-row"][data-row-index="0"] [data-col="prompt"]')).toHaveText('question 2');
  const filteredAt = await dragTo(page, 0.5);
  // Every third line is dev (line 2, 5, 8 …): row n of the filtered list is line 3n + 2.
  await expect(page.locator(`[data-testid="trace-row"][data-row-index="${filteredAt}"] [data-col="prompt"]`)).toHaveText(`question ${3 * filteredAt + 2}`);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.locator('[data-facet="environment"] label[title="dev"] input').click();
  await expect(page.getByTestId('trace-count')).toHaveText('650,000');
  await dragTo(page, 600_000 / TRACES);
  await page.screenshot({ path: resolve('test-results/large-table-600k-1920x1080.png') });
});
