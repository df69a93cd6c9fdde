// Model providers in Settings: add one with a key (write-only: only "key saved" ever shows), add a model with its
// price, Test connection against a local OpenAI-compatible server, edit a price, remove the provider.
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { useE2eEnv } from './support/e2e-env.ts';

const env = useE2eEnv({
  secrets: { encrypt: (plain) => `sealed:${Buffer.from(plain).toString('base64')}`, decrypt: (sealed) => Buffer.from(sealed.slice(7), 'base64').toString() },
  env: {},
});
const KEY = 'sk-provider-e2e-secret';
const SHOTS = 'test-results';

let server: FakeOpenAiServer;
test.beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
test.afterAll(async () => {
  await server.close();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
}

test('adds, tests, edits and removes a model provider; the key never reaches the window', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.setViewportSize({ width: 1280, height: 720 });
  await env.bridge(page);
  await page.goto(env.url);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByTestId('providers')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('no-providers')).toBeVisible();

  await test.step('add a provider with a key, a default model and a priced model; test the connection', async () => {
    await page.getByTestId('provider-add').click();
    await page.getByTestId('provider-name').fill('Local server');
    await page.getByTestId('provider-base-url').fill(server.baseUrl);
    await page.getByTestId('provider-api-key').fill(KEY);
    await page.getByTestId('provider-chat-model').fill('tiny-chat');
    await page.getByTestId('provider-new-model').fill('judge-mini');
    await page.getByTestId('provider-add-model').click();
    const rows = page.getByTestId('provider-model-row');
    await expect(rows).toHaveCount(1);
    // A model on a local server starts at 0 per token.
    await expect(page.getByLabel('Input price of judge-mini')).toHaveValue('0');
    await page.getByLabel('Input price of judge-mini').fill('0.4');
    await page.getByLabel('Output price of judge-mini').fill('1.6');
    await page.getByTestId('provider-test').click();
    const checks = page.getByTestId('connection-checks');
    await expect(checks.locator('li')).toHaveCount(2);
    await expect(checks).toContainText('tiny-chat answered in');
    await expect(checks).toContainText('judge-mini answered in');
    expect(server.requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
    await shot(page, 'providers-form-light');
    await page.getByTestId('provider-save').click();
  });

  await test.step('the saved provider shows "key saved", never the key', async () => {
    const item = page.getByTestId('provider-item');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Local server');
    await expect(item).toContainText('key saved');
    await expect(item).toContainText('2 models');
    await expect(item).toContainText('chat tiny-chat');
    expect(await page.content()).not.toContain(KEY);
    const { providers } = await env.core.invoke('providers.list', {});
    expect(providers).toMatchObject([{ name: 'Local server', hasApiKey: true, models: [{ name: 'judge-mini', inputPer1M: 0.4, outputPer1M: 1.6 }, { name: 'tiny-chat', inputPer1M: 0, outputPer1M: 0 }] }]);
    // Test connection of the saved provider, from the list: its saved key goes to its own URL.
    server.reset();
    await page.getByTestId('provider-test-saved').click();
    await expect(page.getByTestId('saved-connection-checks').locator('li[data-ok="true"]')).toHaveCount(2);
    expect(server.requests.map((r) => r.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);
    await shot(page, 'providers-list-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1600, height: 1000 });
    await shot(page, 'providers-list-dark-large');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('edit a price; the key stays saved; the key field stays empty', async () => {
    await page.getByTestId('provider-edit').click();
    await expect(page.getByTestId('provider-api-key')).toHaveValue('');
    await expect(page.getByTestId('key-saved')).toBeVisible();
    await page.getByLabel('Output price of judge-mini').fill('2');
    await page.getByTestId('provider-save').click();
    await expect(page.getByTestId('provider-form')).toBeHidden();
    const { providers } = await env.core.invoke('providers.list', {});
    expect(providers[0]).toMatchObject({ hasApiKey: true, models: [{ name: 'judge-mini', outputPer1M: 2 }, { name: 'tiny-chat' }] });
  });

  await test.step('a new base URL without a key warns that the key will not follow', async () => {
    await page.getByTestId('provider-edit').click();
    await page.getByTestId('provider-base-url').fill('http://127.0.0.1:9/v1');
    await expect(page.getByTestId('key-moves-note')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  await test.step('remove it', async () => {
    await page.getByTestId('provider-remove').click();
    await expect(page.getByTestId('no-providers')).toBeVisible();
    expect((await env.core.invoke('providers.list', {})).providers).toEqual([]);
  });

  expect(problems).toEqual([]);
});
