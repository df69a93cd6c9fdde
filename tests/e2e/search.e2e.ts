// Search and filters end to end: the built window, bridged to the real core, over conversations of three
// topics with metadata and a clustering run. Searches a word said only deep inside one conversation, filters
// by a metadata key and by a cluster, and leaves a 1280x720 screenshot of the filtered table.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { useE2eEnv } from './support/e2e-env.ts';

const SHOTS = resolve('test-results');
const env = useE2eEnv();

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
}

const TOPICS = {
  refund: ['I want a refund for order {n}, it arrived broken.', 'Please refund the double charge on order {n}.', 'Money back for order {n}: the parcel never came.'],
  password: ['I forgot my password for account {n}.', 'The password reset link for account {n} expired.', 'Account {n} is locked after wrong password attempts.'],
  weather: ['Weather forecast for day {n} in Oslo?', 'Will it rain in Lima on day {n}?', 'Do I need an umbrella in Perth on day {n}?'],
} as const;

/** 60 conversations of 12 turns; conversation 17 says "marzipan" in its 10th message and nowhere else. */
function writeFixture(dir: string): string {
  const lines: string[] = [];
  let n = 0;
  for (let i = 0; i < 20; i++) {
    for (const [topic, prompts] of Object.entries(TOPICS)) {
      const messages: { role: string; content: string }[] = [{ role: 'user', content: prompts[i % 3]!.replace('{n}', String(100 + i)) }];
      for (let t = 1; t < 12; t++) {
        const deep = n === 17 && t === 9;
        // The last user turn is the topic again, so clustering (by last user turn) groups by topic.
        const text = deep ? 'Also, the marzipan cake was lovely.' : t === 10 ? prompts[(i + 1) % 3]!.replace('{n}', String(200 + i)) : `Noted, step ${t} of the ${topic} request.`;
        messages.push({ role: t % 2 === 1 ? 'assistant' : 'user', content: text });
      }
      messages.push({ role: 'assistant', content: 'Done.' });
      lines.push(JSON.stringify({ messages, model: 'gpt-4o-mini', metadata: { team: i % 3 === 0 ? 'beta' : 'alpha', ticket: `T-${1000 + n}` } }));
      n++;
    }
  }
  const path = join(dir, 'conversations.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

test('searches deep inside conversations, filters by a metadata key and by a cluster', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const { core } = env;
  const { jobId } = await core.invoke('imports.start', { paths: [writeFixture(env.tmp)], multiTurn: 'keep' });
  expect((await core.jobs.waitFor(jobId)).status).toBe('succeeded');
  const index = await core.invoke('traces.searchIndex', {});
  if (index.jobId !== null) await core.jobs.waitFor(index.jobId);
  const run = await core.invoke('clusters.run', {});
  expect((await core.jobs.waitFor(run.jobId)).status).toBe('succeeded');

  await page.setViewportSize({ width: 1280, height: 720 });
  await env.bridge(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(env.url);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  const count = page.getByTestId('trace-count');
  await expect(count).toHaveText('60');

  await test.step('a word said only in the 10th message of one conversation', async () => {
    await page.getByTestId('trace-search').fill('marzipan');
    await expect(count).toHaveText('1');
    await expect(page.getByTestId('trace-row')).toHaveCount(1);
    // The row's preview (first prompt, last answer) does not hold the word: the search read the whole conversation.
    await expect(page.getByTestId('trace-row')).not.toContainText('marzipan');
    await page.getByTestId('trace-search').fill('');
    await expect(count).toHaveText('60');
  });

  await test.step('filter by metadata.team', async () => {
    const beta = page.locator('[data-facet="metadata.team"] label', { hasText: 'beta' });
    await expect(beta).toContainText('21');
    await beta.getByRole('checkbox').check();
    await expect(count).toHaveText('21');
    // The long tail of a key with many values is searched, not listed.
    const tickets = page.locator('[data-facet="metadata.ticket"]');
    await tickets.getByRole('searchbox').fill('T-1009');
    await expect(tickets.locator('label')).toHaveCount(1);
    await expect(tickets.locator('label')).toContainText('T-1009');
  });

  await test.step('filter by a cluster, listed by name', async () => {
    const { clusters } = await core.invoke('clusters.list', {});
    // A cluster that narrows the 21 beta traces without emptying them.
    let leaf = clusters[0]!;
    let expected = { total: 0 };
    for (const c of clusters.filter((k) => k.level === 'cluster' && k.size > 0)) {
      const res = await core.invoke('traces.list', { where: { metadata: { team: ['beta'] }, cluster: [c.id] } });
      if (res.total > 0 && res.total < 21) {
        leaf = c;
        expected = res;
        break;
      }
    }
    const option = page.locator('[data-facet="cluster"] label', { hasText: leaf.name });
    await expect(option.first()).toBeVisible();
    await option.first().getByRole('checkbox').check();
    await expect(count).toHaveText(String(expected.total));
    expect(expected.total).toBeGreaterThan(0);
    expect(expected.total).toBeLessThan(21);
    await expect(page.getByTestId('facets-counting')).toHaveCount(0);
    await shot(page, 'traces-search-filters-1280x720');
  });
  expect(problems).toEqual([]);
});
