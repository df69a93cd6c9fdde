// One text per row: the preview shown for a cluster member (and for its trace) is the start of the very text
// that was embedded for it, even for prompts whose last user turn has image parts or no text at all.
// The embedded texts are what the OpenAI-compatible endpoint (a local fake server) received.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterMember, TraceSummary } from '../../src/shared/contract/index.ts';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../support/fake-openai-server.ts';
import { writeCorpus } from '../support/intent-corpus.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const LONG = `Please review   this contract clause by clause.\n\n${Array.from({ length: 40 }, (_, i) => `Clause ${i + 1}: the supplier shall deliver on time.`).join('\n')}`;

const chat = (messages: unknown[]): string => JSON.stringify({ messages });
const TRICKY = [
  // An image part beside the text: only the text is embedded, so only the text may be shown.
  chat([
    { role: 'user', content: [{ type: 'text', text: 'Describe the chart in this picture of sales' }, { type: 'image_url', image_url: { url: 'https://example.com/chart.png' } }] },
    { role: 'assistant', content: 'It shows growth.' },
  ]),
  // Text in two parts.
  chat([{ role: 'user', content: [{ type: 'text', text: 'First line of the question' }, { type: 'text', text: 'second line about unpaid invoices' }] }, { role: 'assistant', content: 'Noted.' }]),
  // The second turn's user message is an image alone: its row stands for the last user turn with text.
  chat([
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Which invoices are overdue this month?' },
    { role: 'assistant', content: 'Three.' },
    { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/invoice.png' } }] },
    { role: 'assistant', content: 'That one is paid.' },
  ]),
  // No user text at all: the whole prompt's text stands for the row.
  chat([
    { role: 'system', content: 'Summarise the quarterly earnings report the user sends in three bullet points' },
    { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/report.png' } }] },
    { role: 'assistant', content: '- up\n- down' },
  ]),
  // Longer than a preview, with runs of whitespace.
  chat([{ role: 'user', content: LONG }, { role: 'assistant', content: 'Reviewed.' }]),
  // A tool call as the response.
  chat([
    { role: 'user', content: 'What is the weather in Oslo right now' },
    { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] },
  ]),
];

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();
const shownStart = (preview: string): string => (preview.endsWith('…') ? preview.slice(0, -1) : preview);

describe('row previews', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let server: FakeOpenAiServer;
  let core: Core;
  let members: ClusterMember[];
  let embedded: string[];

  beforeAll(async () => {
    dir = makeTempDir();
    server = await startFakeOpenAiServer({ dims: 64 });
    core = createCore({
      dataDir: join(dir.path, 'data'),
      env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'test-key', WINNOW_EMBED_MODEL: 'fake-embed' },
    });
    writeCorpus(join(dir.path, 'intents.jsonl'), 0, 10);
    writeFileSync(join(dir.path, 'tricky.jsonl'), `${TRICKY.join('\n')}\n`);
    const imported = await core.invoke('imports.start', { paths: [join(dir.path, 'intents.jsonl'), join(dir.path, 'tricky.jsonl')] });
    expect((await core.jobs.waitFor(imported.jobId)).error).toBeNull();
    const clustered = await core.invoke('clusters.run', { embedder: 'openai' });
    expect((await core.jobs.waitFor(clustered.jobId)).error).toBeNull();

    embedded = server.requests.filter((r) => r.path === '/v1/embeddings').flatMap((r) => r.body.input as string[]);
    const { run, clusters } = await core.invoke('clusters.list', {});
    members = [];
    for (const clusterId of [...clusters.filter((c) => c.level === 'cluster').map((c) => c.id), null]) {
      members.push(...(await core.invoke('clusters.members', { runId: run!.id, clusterId, limit: 1000 })).items);
    }
    expect(members).toHaveLength(run!.rows);
  }, 120_000);
  afterAll(async () => {
    await core.close();
    await server.close();
    dir.remove();
  });

  it('shows every member as the start of the text that was embedded for it', () => {
    expect(embedded.length).toBeGreaterThan(0);
    for (const m of members) {
      expect(m.prompt, `row ${m.rowId}`).not.toBe('');
      expect(
        embedded.some((text) => flat(text).startsWith(shownStart(m.prompt))),
        `row ${m.rowId}: "${m.prompt}" is not the start of any embedded text`,
      ).toBe(true);
    }
  });

  it('shows the text a prompt was clustered by, whatever its shape', () => {
    const prompts = members.map((m) => m.prompt);
    expect(prompts).toContain('Describe the chart in this picture of sales');
    expect(prompts).toContain('First line of the question second line about unpaid invoices');
    // Both rows of the conversation stand for its one non-empty user turn.
    expect(prompts.filter((p) => p === 'Which invoices are overdue this month?')).toHaveLength(2);
    expect(prompts).toContain('system: Summarise the quarterly earnings report the user sends in three bullet points');
    const long = prompts.find((p) => p.startsWith('Please review this contract'))!;
    expect(long).toHaveLength(400);
    expect(long.endsWith('…')).toBe(true);
    expect(embedded).toContain(LONG);
    const weather = members.find((m) => m.prompt === 'What is the weather in Oslo right now')!;
    expect(weather.response).toBe('get_weather({"city":"Oslo"})');
  });

  it('shows a one-row trace in the trace list exactly as its row', async () => {
    const traces: TraceSummary[] = (await core.invoke('traces.list', { limit: 1000 })).items;
    const byId = new Map(traces.map((t) => [t.id, t]));
    const single = members.filter((m) => byId.get(m.traceId)!.rows === 1);
    expect(single.length).toBeGreaterThan(40);
    for (const m of single) expect(byId.get(m.traceId)!.prompt, `trace ${m.traceId}`).toBe(m.prompt);
  });
});
