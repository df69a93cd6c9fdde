// Fine-tuning from the window: the built renderer bridged to the real core, with a saved provider served by the
// local fake fine-tuning server. Opens the dialog on a frozen training version, starts a fine-tune and sees it
// succeed with the trained model's name (shown again when the dialog is reopened); the model is then on the
// provider's list. Screenshots at 1280x720 and 1920x1080 in test-results/.
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildDatasets } from '../integration/finetune/finetune-data.ts';
import { fakeModelName, startFakeFinetuneServer, type FakeFinetuneServer } from '../support/fake-finetune-server.ts';
import { useE2eEnv } from './support/e2e-env.ts';

const SHOTS = resolve('test-results');
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

// Polls every 100 ms at first, so the fake's steps show one after another.
const env = useE2eEnv({ env: { WINNOW_FINETUNE_POLL_MS: '100' } });
let server: FakeFinetuneServer;

test.beforeAll(async () => {
  server = await startFakeFinetuneServer();
});
test.afterAll(async () => {
  await server?.close();
});

async function shots(page: Page, name: string): Promise<void> {
  for (const size of [...SIZES].reverse()) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.png`), animations: 'disabled' });
  }
}

test('fine-tunes a frozen training version from its dataset view and shows the trained model', async ({ page }) => {
  server.reset();
  await buildDatasets(env.core, env.tmp);
  await env.core.invoke('providers.set', { name: 'Fake fine-tuning', baseUrl: server.baseUrl, defaultChatModel: 'gpt-4o-mini', models: [] });
  await env.bridge(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(SIZES[0]);
  await page.goto(`${env.url}#/datasets`);

  await page.locator('[data-testid="dataset-item"][data-dataset="support-train"] button').click();
  const view = page.getByTestId('dataset-view');
  await expect(view).toHaveAttribute('data-dataset', 'support-train');
  await view.getByTestId('version-select').selectOption('1');
  await view.getByTestId('open-finetune').click();

  const dialog = page.getByTestId('finetune-dialog');
  await expect(dialog.getByTestId('finetune-provider')).toHaveValue(/^p\d+$/);
  await expect(dialog.getByTestId('finetune-model')).toHaveValue('gpt-4o-mini');
  await dialog.getByTestId('finetune-suffix').fill('support');
  await dialog.getByTestId('finetune-epochs').fill('2');
  await shots(page, 'finetune-dialog');
  await dialog.getByTestId('finetune-start').click();

  const progress = dialog.getByTestId('finetune-progress');
  await expect(progress).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  const job = server.jobs[0]!;
  await expect(dialog.getByTestId('finetune-model-name')).toHaveText(fakeModelName(job));
  await expect(progress).toContainText('succeeded');
  await expect(dialog.getByTestId('finetune-events')).toContainText('New fine-tuned model created');
  await shots(page, 'finetune-succeeded');

  // Closed and opened again, the dialog shows the version's latest fine-tune.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await view.getByTestId('open-finetune').click();
  await expect(dialog.getByTestId('finetune-model-name')).toHaveText(fakeModelName(job));
  await expect(dialog.getByTestId('finetune-start')).toHaveText('Start another fine-tune');

  expect(job.body).toMatchObject({ model: 'gpt-4o-mini', suffix: 'support', hyperparameters: { n_epochs: 2 } });
  const { providers } = await env.core.invoke('providers.list', {});
  expect(providers.find((p) => p.name === 'Fake fine-tuning')?.models.map((m) => m.name)).toContain(fakeModelName(job));
});

test('a draft has no fine-tune button', async ({ page }) => {
  await buildDatasets(env.core, env.tmp);
  await env.bridge(page);
  await page.goto(`${env.url}#/datasets`);
  await page.locator('[data-testid="dataset-item"][data-dataset="draft-train"] button').click();
  const view = page.getByTestId('dataset-view');
  await expect(view).toHaveAttribute('data-dataset', 'draft-train');
  await expect(view.getByTestId('version-select')).toHaveValue('draft');
  await expect(view.getByTestId('open-export')).toBeVisible();
  await expect(view.getByTestId('open-finetune')).toHaveCount(0);
});
