// Clusters end to end: the built window, bridged to the real core, clusters 120 imported prompts of four
// clearly different intents, lists and maps the clusters, opens one (members, similar rows), renames it
// (the name survives a reload), and leaves light/dark screenshots of the map and of Settings.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Job } from '../../src/shared/contract/index.ts';
import { buildPointIndex, fitView, nearestPoint, packPoints, pointBounds, toScreen } from '../../src/renderer/features/clusters/map-geometry.ts';
import { startFakeOpenAiServer } from '../support/fake-openai-server.ts';
import { useE2eEnv } from './support/e2e-env.ts';

const SHOTS = resolve('test-results');
const ROWS = 120;

const env = useE2eEnv({
  // The developer's OPENAI_* variables must not leak into what the screens show.
  env: {},
  // The window seals keys with the OS keychain (safeStorage); this test stands in for the OS only.
  secrets: { encrypt: (plain) => `sealed:${Buffer.from(plain).toString('base64')}`, decrypt: (sealed) => Buffer.from(sealed.slice(7), 'base64').toString() },
});

function settle(jobId: number): Promise<Job> {
  return env.core.jobs.waitFor(jobId);
}

/** 30 distinct prompts for each of four intents that share almost no words with each other. */
function writeIntentFixture(dir: string): string {
  const items = ['blender', 'jacket', 'headphones', 'coffee grinder', 'desk lamp', 'backpack', 'kettle', 'phone case', 'monitor', 'tent'];
  const emails = ['ana', 'bo', 'chen', 'dara', 'eli', 'fay', 'gus', 'hana', 'ivo', 'jo'];
  const tables = [
    ['orders', 'customers', 'region'],
    ['invoices', 'payments', 'month'],
    ['events', 'users', 'country'],
    ['sales', 'products', 'category'],
    ['tickets', 'agents', 'priority'],
    ['visits', 'pages', 'browser'],
    ['loans', 'members', 'branch'],
    ['trips', 'drivers', 'city'],
    ['shipments', 'carriers', 'week'],
    ['reviews', 'stores', 'rating'],
  ];
  const cities = ['Lisbon', 'Oslo', 'Nairobi', 'Denver', 'Osaka', 'Lima', 'Perth', 'Tallinn', 'Austin', 'Hanoi'];
  const intents: { task: string; prompts: string[]; answer: string }[] = [
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
  const lines = intents.flatMap(({ task, prompts, answer }) =>
    prompts.map((prompt) =>
      JSON.stringify({
        messages: [
          { role: 'system', content: 'You are the helpful assistant of Acme. Answer briefly.' },
          { role: 'user', content: prompt },
          { role: 'assistant', content: answer },
        ],
        metadata: { task, environment: 'prod' },
      }),
    ),
  );
  const path = join(dir, 'intents.jsonl');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
}

test('clusters imported prompts, shows them listed and mapped, opens and renames one', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));

  const imported = await settle((await env.core.invoke('imports.start', { paths: [writeIntentFixture(env.tmp)] })).jobId);
  expect(imported.status).toBe('succeeded');
  expect((await env.core.invoke('app.info', {})).rows).toBe(ROWS);

  await env.bridge(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${env.url}#/clusters`);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  const screen = page.getByTestId('clusters-screen');

  await test.step('before any run: the options and the Cluster button', async () => {
    await expect(screen).toHaveAttribute('data-clusters-state', 'no-run');
    const form = page.getByTestId('run-form');
    // No endpoint is configured: the offline embedder is the only choice and LLM naming is off.
    await expect(form.getByRole('radio', { name: 'OpenAI-compatible' })).toBeDisabled();
    await expect(form.getByRole('radio', { name: 'Built-in (offline)' })).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('name-with-llm')).toBeDisabled();
    await expect(form.getByRole('radio', { name: /Last user turn/ })).toBeChecked();
    await shot(page, 'clusters-first-run-light');
  });

  await test.step('cluster and wait for the job to settle', async () => {
    await page.getByTestId('cluster-submit').click();
    await expect(screen).toHaveAttribute('data-clusters-state', 'ready', { timeout: 60_000 });
    await expect(page.getByTestId('jobs-indicator')).toHaveAttribute('data-job-status', 'succeeded');
    await expect(page.getByTestId('run-rows')).toHaveText(String(ROWS));
  });

  const clusterRows = page.locator('[data-testid="cluster-row"][data-level="cluster"]');
  await test.step('clusters are listed with names, and sizes plus outliers add up to every row', async () => {
    await expect.poll(() => clusterRows.count()).toBeGreaterThanOrEqual(3);
    const names = await clusterRows.getByTestId('cluster-name').allInnerTexts();
    for (const name of names) expect(name.trim()).not.toBe('');
    const sizes = (await clusterRows.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-size'))))).reduce((a, b) => a + b, 0);
    const outliers = Number(await page.getByTestId('outliers-row').getAttribute('data-size'));
    expect(sizes + outliers).toBe(ROWS);
    await expect(page.getByTestId('run-outliers')).toContainText('% outliers');
    const map = page.getByTestId('cluster-map');
    await expect(map).toHaveAttribute('data-map-state', 'ready');
    await expect(map).toHaveAttribute('data-points', String(ROWS));
  });

  const firstId = Number(await clusterRows.first().getAttribute('data-cluster-id'));
  const firstSize = Number(await clusterRows.first().getAttribute('data-size'));
  const panel = page.getByTestId('cluster-panel');
  const members = page.getByTestId('member-table');

  await test.step('open a cluster: its members page in, and its points light up on the map', async () => {
    await clusterRows.first().click();
    await expect(panel).toHaveAttribute('data-cluster-id', String(firstId));
    await expect(members).toHaveAttribute('data-members-state', 'ready');
    await expect(members).toHaveAttribute('data-total', String(firstSize));
    // Virtualized: what is in the DOM is what fits the panel, never more than the cluster has.
    await expect.poll(() => page.getByTestId('member-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('member-row').count()).toBeLessThanOrEqual(firstSize);
    await expect(page.getByTestId('cluster-map')).toHaveAttribute('data-highlighted-points', String(firstSize));
    await expect(panel.getByTestId('cluster-size')).toHaveText(String(firstSize));
  });

  await test.step('borderline first, then similar rows of a member', async () => {
    await page.getByTestId('borderline-first').check();
    await expect(members).toHaveAttribute('data-members-state', 'ready');
    const scores = await page.getByTestId('member-row').locator('.member-score-value').allInnerTexts();
    const values = scores.map(Number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await page.getByTestId('member-row').first().getByTestId('similar-button').click();
    const similar = page.getByTestId('similar-rows');
    await expect(similar).toHaveAttribute('data-state', 'ready');
    await expect.poll(() => similar.getByTestId('similar-row').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect(similar).toBeHidden();
    await expect(panel).toBeVisible();
  });

  await test.step('rename inline; the name survives a reload', async () => {
    await panel.getByTestId('cluster-title').click();
    const input = panel.getByTestId('cluster-rename-input');
    await input.fill('Renamed in the e2e');
    await input.press('Enter');
    await expect(panel.getByTestId('cluster-title')).toHaveText('Renamed in the e2e');
    await expect(page.locator(`[data-testid="cluster-row"][data-cluster-id="${firstId}"]`).getByTestId('cluster-name')).toHaveText('Renamed in the e2e');
    await page.reload();
    await expect(screen).toHaveAttribute('data-clusters-state', 'ready');
    await expect(page.locator(`[data-testid="cluster-row"][data-cluster-id="${firstId}"]`).getByTestId('cluster-name')).toHaveText('Renamed in the e2e');
  });

  await test.step('hover and click a point on the map: its tip, then its cluster opens', async () => {
    // Open a cluster from the list first, so the panel is there and the map keeps its size while we point.
    await clusterRows.first().click();
    await expect(panel).toHaveAttribute('data-cluster-id', String(firstId));
    const { points } = await env.core.invoke('clusters.map', { maxPoints: 20_000 });
    const packed = packPoints(points);
    const canvas = page.locator('.cluster-map-canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the map canvas has no box');
    // Same fit as the map component (24 px padding), then the point the hit test will pick there.
    const view = fitView(pointBounds(packed), Math.floor(box.width), Math.floor(box.height), 24);
    const target = packed.clusters.findIndex((c) => c !== firstId && c >= 0);
    const [sx, sy] = toScreen(view, packed.xs[target]!, packed.ys[target]!);
    const hit = nearestPoint(buildPointIndex(packed), packed, packed.xs[target]!, packed.ys[target]!, 9 / view.scale);
    await page.mouse.move(box.x + sx, box.y + sy);
    await expect(page.getByTestId('map-tip')).toBeVisible();
    await expect(canvas).toHaveAttribute('data-hover-row', String(packed.rowIds[hit]));
    await page.mouse.down();
    await page.mouse.up();
    const expected = packed.clusters[hit]!;
    await expect(panel).toHaveAttribute('data-cluster-id', expected < 0 ? 'outliers' : String(expected));
    await expect(page.locator(`[data-testid="cluster-row"][data-cluster-id="${expected}"]`)).toHaveAttribute('aria-selected', 'true');
    await expect(members).toHaveAttribute('data-members-state', 'ready');
    // The cluster is open and its members are loaded: the tip now shows the hovered row's prompt.
    await expect(page.getByTestId('map-tip')).not.toContainText('click to open');
    await shot(page, 'clusters-map-light');
    await page.mouse.move(box.x + box.width - 5, box.y + box.height - 5);
    await expect(page.getByTestId('map-tip')).toBeHidden();
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'clusters-map-dark');
  });

  await test.step('Settings: add a provider with a key; the key is never shown, only that it is saved', async () => {
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await expect(page.getByTestId('providers')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('no-providers')).toBeVisible();
    await page.getByTestId('provider-add').click();
    await page.getByTestId('provider-name').fill('Ollama');
    await page.getByTestId('provider-base-url').fill('http://localhost:11434/v1');
    await page.getByTestId('provider-chat-model').fill('llama3.1');
    await page.getByTestId('provider-embedding-model').fill('nomic-embed-text');
    await page.getByTestId('provider-api-key').fill('sk-test-123');
    await page.getByTestId('provider-save').click();
    const item = page.getByTestId('provider-item');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('key saved');
    await expect(item).toContainText('2 models');
    await expect(page.locator('body')).not.toContainText('sk-test-123');
    await shot(page, 'settings-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await shot(page, 'settings-light');
    const { providers } = await env.core.invoke('providers.list', {});
    expect(providers).toMatchObject([{ baseUrl: 'http://localhost:11434/v1', defaultChatModel: 'llama3.1', hasApiKey: true }]);
  });

  await test.step('with an endpoint, the run options offer it and LLM naming', async () => {
    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'New run…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New clustering run' });
    await expect(dialog.getByRole('radio', { name: 'OpenAI-compatible' })).toBeEnabled();
    await expect(dialog.getByTestId('name-with-llm')).toBeEnabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(panel).toBeVisible();
  });

  expect(problems).toEqual([]);
});

test('merges and splits clusters, assigns rows imported later, and picks between runs', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));

  await settle((await env.core.invoke('imports.start', { paths: [writeIntentFixture(env.tmp)] })).jobId);
  const first = await settle((await env.core.invoke('clusters.run', { embedder: 'builtin', textMode: 'last-user', granularity: 0, nameWithLlm: false })).jobId);
  expect(first.status).toBe('succeeded');

  await env.bridge(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${env.url}#/clusters`);
  const screen = page.getByTestId('clusters-screen');
  await expect(screen).toHaveAttribute('data-clusters-state', 'ready');
  const clusterRows = page.locator('[data-testid="cluster-row"][data-level="cluster"]');
  const sizes = () => clusterRows.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-size'))));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const before = await sizes();
  const panel = page.getByTestId('cluster-panel');

  await test.step('merge two checked clusters', async () => {
    const a = clusterRows.nth(0);
    const b = clusterRows.nth(1);
    const merged = Number(await a.getAttribute('data-size')) + Number(await b.getAttribute('data-size'));
    await a.getByTestId('cluster-check').check();
    await b.getByTestId('cluster-check').check();
    await expect(page.getByTestId('merge-bar')).toContainText('2 checked');
    await page.getByTestId('merge-button').click();
    await expect.poll(() => clusterRows.count()).toBe(before.length - 1);
    expect(sum(await sizes())).toBe(sum(before));
    // The merged cluster is opened, with every row of both.
    await expect(panel.getByTestId('cluster-size')).toHaveText(String(merged));
    await expect(page.getByTestId('member-table')).toHaveAttribute('data-total', String(merged));
    await expect(page.getByTestId('merge-bar')).toBeHidden();
  });

  await test.step('split the merged cluster in two', async () => {
    await page.getByTestId('split-button').click();
    await expect.poll(() => clusterRows.count()).toBe(before.length);
    expect(sum(await sizes())).toBe(sum(before));
    await expect(panel).toBeVisible();
  });

  await test.step('rows imported after the run are assigned to it', async () => {
    const extra = join(env.tmp, 'more-weather.jsonl');
    const cities = ['Quito', 'Reykjavik', 'Seville', 'Tunis', 'Utrecht', 'Valletta'];
    writeFileSync(
      extra,
      cities
        .map((city) => JSON.stringify({ messages: [{ role: 'user', content: `What is the weather forecast for ${city} tomorrow? Will it rain?` }, { role: 'assistant', content: 'Mostly sunny.' }] }))
        .join('\n') + '\n',
    );
    await settle((await env.core.invoke('imports.start', { paths: [extra] })).jobId);
    const assign = page.getByTestId('assign-button');
    await expect(assign).toHaveText(`Assign ${cities.length} new rows`);
    await assign.click();
    await expect(page.getByTestId('run-rows')).toHaveText(String(ROWS + cities.length));
    await expect(assign).toBeHidden();
    const outliers = Number(await page.getByTestId('outliers-row').getAttribute('data-size'));
    expect(sum(await sizes()) + outliers).toBe(ROWS + cities.length);
    await expect(page.getByTestId('cluster-map')).toHaveAttribute('data-points', String(ROWS + cities.length));
  });

  await test.step('a second run from "New run…", then back to the first in the picker', async () => {
    const firstRun = await screen.getAttribute('data-run-id');
    await page.getByRole('button', { name: 'New run…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New clustering run' });
    await dialog.getByRole('radio', { name: /Whole prompt/ }).check();
    await dialog.getByTestId('granularity').fill('-0.5');
    await expect(dialog).toContainText('Coarser');
    await dialog.getByTestId('cluster-submit').click();
    await expect(dialog).toBeHidden();
    await expect(screen).not.toHaveAttribute('data-run-id', firstRun ?? '', { timeout: 60_000 });
    await expect(page.getByTestId('run-summary')).toContainText('Whole prompt');
    // A new run is shown with nothing selected.
    await expect(panel).toBeHidden();
    const picker = page.getByTestId('run-picker');
    await expect(picker.locator('option')).toHaveCount(2);
    await picker.selectOption(firstRun ?? '');
    await expect(screen).toHaveAttribute('data-run-id', firstRun ?? '');
    await expect(page.getByTestId('run-rows')).toHaveText(String(ROWS + 6));
    await shot(page, 'clusters-runs-light');
  });

  expect(problems).toEqual([]);
});

test('clusters with an OpenAI-compatible endpoint and shows the LLM’s names, descriptions and rules', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  // The one fake: an HTTP server speaking the OpenAI shapes, standing in for a remote model.
  const llm = await startFakeOpenAiServer();
  try {
    await settle((await env.core.invoke('imports.start', { paths: [writeIntentFixture(env.tmp)] })).jobId);
    await env.bridge(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${env.url}#/settings`);

    await test.step('configure the endpoint in Settings', async () => {
      await expect(page.getByTestId('llm-form')).toHaveAttribute('data-state', 'ready');
      await page.getByTestId('llm-base-url').fill(llm.baseUrl);
      await page.getByTestId('llm-model').fill('fake-chat');
      await page.getByTestId('llm-embedding-model').fill('fake-embed');
      await page.getByTestId('llm-api-key').fill('sk-fake');
      await page.getByTestId('llm-save').click();
      await expect(page.getByTestId('key-saved')).toBeVisible();
    });

    await test.step('cluster with the endpoint’s embeddings and names', async () => {
      await page.keyboard.press('g');
      await page.keyboard.press('c');
      const form = page.getByTestId('run-form');
      await form.getByRole('radio', { name: 'OpenAI-compatible' }).click();
      await expect(form.getByRole('radio', { name: 'OpenAI-compatible' })).toHaveAttribute('aria-checked', 'true');
      await page.getByTestId('name-with-llm').check();
      // A slow endpoint keeps the job running long enough to see its progress on the screen.
      llm.delayMs = 600;
      await page.getByTestId('cluster-submit').click();
      await expect(page.getByTestId('clusters-screen')).toHaveAttribute('data-clusters-state', 'running');
      await expect(page.getByTestId('cluster-progress')).toHaveAttribute('data-job-kind', 'cluster');
      await shot(page, 'clusters-running-light');
      llm.delayMs = 0;
      await expect(page.getByTestId('clusters-screen')).toHaveAttribute('data-clusters-state', 'ready', { timeout: 60_000 });
      await expect(page.getByTestId('run-summary')).toContainText('OpenAI-compatible');
      await expect(page.getByTestId('run-summary')).toContainText('named by');
      expect(llm.requests.some((r) => r.path === '/v1/embeddings')).toBe(true);
      expect(llm.requests.some((r) => r.path === '/v1/chat/completions')).toBe(true);
    });

    await test.step('an LLM-named cluster shows its description and rules', async () => {
      const named = page.locator('[data-testid="cluster-row"][data-level="cluster"]').filter({ hasText: 'requests' }).first();
      await named.click();
      const panel = page.getByTestId('cluster-panel');
      await expect(panel.getByTestId('cluster-description')).toContainText('Prompts about');
      await expect(panel.locator('.rule-include')).toContainText('Prompts mainly about');
      await expect(panel.locator('.rule-exclude')).toContainText('neighbouring topics');
      await expect(page.getByTestId('member-table')).toHaveAttribute('data-members-state', 'ready');
      await shot(page, 'clusters-llm-light');
    });
  } finally {
    await llm.close();
  }
  expect(problems).toEqual([]);
});
