// Lines that import with a notice, in the window: the files panel counts them per code and lists them by line,
// and a trace nested too deeply to send whole opens with an explanation and its raw text.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { useE2eEnv } from './support/e2e-env.ts';

const env = useE2eEnv();

const chat = (user: string, assistant: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ messages: [{ role: 'user', content: user }, { role: 'assistant', content: assistant }], ...extra });

test('shows notices per file with their lines, and a trace too deep to send with its problem', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));

  const file = join(env.tmp, 'flagged.jsonl');
  const deep = '['.repeat(5000) + ']'.repeat(5000);
  writeFileSync(
    file,
    [
      chat('Where is my parcel?', 'It ships today.', { timestamp: '2026-01-05T09:00:00Z' }),
      chat('Summarise the ticket', '', { status: 'failed' }),
      chat('What time is it?', 'Noon.', { timestamp: 1e29 }),
      `{"messages": [{"role": "user", "content": "Deep one"}, {"role": "assistant", "content": "ok"}], "metadata": {"tenant": "acme", "deep": ${deep}}}`,
    ].join('\n') + '\n',
  );

  await env.bridge(page);
  await page.goto(env.url);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  await page.getByTestId('import-path').fill(file);
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('jobs-indicator')).toHaveAttribute('data-job-status', 'succeeded');
  await expect(page.getByTestId('trace-count')).toHaveText('4');
  await expect(page.getByTestId('import-summary')).toContainText('nothing rejected · 3 notices');

  await test.step('the files panel counts notices per code and lists their lines', async () => {
    await page.getByTestId('files-panel-toggle').click();
    const panel = page.getByTestId('files-panel');
    await expect(panel.locator('[data-count="notices"] dd')).toHaveText('3');
    await expect(panel.getByTestId('notice-codes')).toContainText('1 empty_response');
    await expect(panel.getByTestId('notice-codes')).toContainText('1 implausible_value');
    await expect(panel.getByTestId('notice-codes')).toContainText('1 deep_nesting');
    await panel.getByRole('button', { name: 'Show lines with notices' }).click();
    const lines = panel.getByTestId('notice-line');
    await expect(lines).toHaveCount(3);
    await expect(lines.nth(1)).toHaveAttribute('data-line', '3');
    await expect(lines.nth(1)).toContainText('timestamp 1e+29 is not a plausible date');
    await page.screenshot({ path: resolve('test-results', 'notice-lines-light.png'), animations: 'disabled' });
    await page.keyboard.press('Escape');
  });

  await test.step('the deep trace opens with its problem and the whole raw line', async () => {
    await page.getByTestId('trace-row').filter({ hasText: 'Deep one' }).click();
    const detail = page.getByTestId('trace-detail');
    await expect(detail.getByTestId('trace-problem')).toContainText('nests more than 100 levels deep');
    await expect(detail.getByTestId('trace-metadata')).toContainText('acme');
    await expect(detail.getByTestId('trace-raw')).toContainText('"tenant": "acme"');
    await page.screenshot({ path: resolve('test-results', 'trace-problem-light.png'), animations: 'disabled' });
  });

  expect(problems).toEqual([]);
});
