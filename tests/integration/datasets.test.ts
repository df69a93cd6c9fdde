// Datasets through the core's commands over real SQLite: filling from every source with the reasons rows are
// left out, stored content, columns, leakage rules, frozen-version triggers, freeze/diff/split, export.
import { readFile, readdir } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRowView } from '../../src/shared/contract/index.ts';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import { hashRows } from '../../src/main/core/datasets/engine/canonical-json.ts';
import type { DatasetRow } from '../../src/main/core/datasets/engine/types.ts';
import { guardrails } from '../../src/main/core/datasets/freeze.ts';
import { writeCorpus } from '../support/intent-corpus.ts';
import { makeTempDir } from '../support/temp-dir.ts';

async function settle(core: Core, jobId: number): Promise<unknown> {
  const job = await core.jobs.waitFor(jobId);
  if (job.status !== 'succeeded') throw new Error(`job ${job.kind} ${job.status}: ${job.error}`);
  return job.result;
}

async function importFile(core: Core, path: string): Promise<void> {
  await settle(core, (await core.invoke('imports.start', { paths: [path] })).jobId);
}

const LONG =
  'Please review the following quarterly sales summary for the northern region and list the three biggest risks ' +
  'to next quarter revenue, with one sentence of reasoning for each risk and a suggested mitigation owner';

/** Records with one purpose each: failures, a missing answer, tools, a conversation, variables, planted overlaps. */
function writeSpecial(path: string): void {
  const records: unknown[] = [
    { prompt: 'failing call one', response: 'x', metadata: { status: 'error' } },
    { prompt: 'failing call two', response: 'x', metadata: { status: 'error' } },
    { prompt: 'failing call three', response: 'x', metadata: { status: 'error' } },
    { messages: [{ role: 'user', content: 'a question nobody answered' }] },
    {
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temp":18}' },
        { role: 'assistant', content: '18°C in Paris.' },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
      metadata: { task: 'weather-tools' },
    },
    {
      messages: [
        { role: 'user', content: 'plan a trip to Rome for conv seven' },
        { role: 'assistant', content: 'Day 1: Colosseum.' },
        { role: 'user', content: 'and which hotels near the centre' },
        { role: 'assistant', content: 'Hotel Artemide.' },
      ],
      metadata: { conversation_id: 'conv-7', task: 'travel' },
    },
    { prompt: 'first question of conversation nine about invoices', response: 'Invoices are monthly.', metadata: { conversation_id: 'conv-9' } },
    { prompt: 'a follow up in conversation nine on due dates', response: 'Due in 30 days.', metadata: { conversation_id: 'conv-9' } },
    { prompt: 'Translate hello into French', response: 'bonjour', metadata: { task: 'translate', variables: { lang: 'French', text: 'hello' } } },
    { prompt: 'Translate cat into German', response: 'Katze', metadata: { task: 'translate', variables: { lang: 'German', text: 'cat' } } },
    { prompt: 'Translate dog into Spanish', response: 'perro', metadata: { task: 'translate', variables: { lang: 'Spanish' } } },
    { prompt: 'Reset my PASSWORD, please!!', response: 'Use the reset link.', metadata: { task: 'leak' } },
    { prompt: 'reset my password please', response: 'Click forgot password.', metadata: { task: 'leak' } },
    { prompt: LONG, response: 'Risks: churn, pricing, supply.', metadata: { task: 'leak' } },
    { prompt: LONG.replace('three biggest', 'three largest'), response: 'Churn, price, supply.', metadata: { task: 'leak' } },
  ];
  writeFileSync(path, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

describe('datasets', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  let dataDir: string;

  /** Row ids of the traces whose prompt or response contains `text`, by trace then turn. */
  async function rowIds(text: string): Promise<number[]> {
    const list = await core.invoke('traces.list', { where: { text }, limit: 1000 });
    const ids: number[] = [];
    for (const t of list.items) ids.push(...(await core.invoke('traces.get', { id: t.id })).rowsDetail.map((r) => r.id));
    return ids;
  }

  async function allRows(dataset: string, version?: number | 'draft'): Promise<DatasetRowView[]> {
    const out: DatasetRowView[] = [];
    for (let cursor: string | undefined, more = true; more; ) {
      const page = await core.invoke('datasets.rows', { dataset, ...(version === undefined ? {} : { version }), cursor, limit: 1000 });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      more = cursor !== undefined;
    }
    return out;
  }

  function asRow(v: DatasetRowView): DatasetRow {
    return {
      rowId: v.rowKey,
      messages: v.messages as DatasetRow['messages'],
      ...(v.tools ? { tools: v.tools } : {}),
      response: v.response as DatasetRow['response'],
      metadata: v.metadata,
      sourceTraceId: v.sourceTraceId,
      conversationId: v.conversationId,
      turnIndex: v.turnIndex,
      clusterId: v.clusterId,
      membershipScore: v.membershipScore,
      labels: v.labels,
      expectedOutput: v.expectedOutput,
      note: v.note,
    };
  }

  beforeAll(async () => {
    dir = makeTempDir();
    dataDir = join(dir.path, 'data');
    core = createCore({ dataDir });
    writeCorpus(join(dir.path, 'corpus.jsonl'), 0, 30);
    writeSpecial(join(dir.path, 'special.jsonl'));
    await importFile(core, join(dir.path, 'corpus.jsonl'));
    await importFile(core, join(dir.path, 'special.jsonl'));
    await settle(core, (await core.invoke('clusters.run', {})).jobId);
  }, 120_000);
  afterAll(async () => {
    await core.close();
    dir.remove();
  });

  it('fills from a traces filter, says why rows were left out, and keeps tools, tool calls and metadata', async () => {
    const { dataset, report } = await core.invoke('datasets.create', { name: 'all-special', kind: 'eval', source: { type: 'filter', where: { task: ['weather-tools', 'travel'] } } });
    // The weather trace gives two rows (the tool call, then the answer), the conversation two turns.
    expect(report).toMatchObject({ offered: 4, added: 4, draftRows: 4 });
    expect(dataset).toMatchObject({ name: 'all-special', kind: 'eval', draftRows: 4, latestVersion: null });

    const everything = await core.invoke('datasets.create', { name: 'everything', kind: 'training', source: { type: 'filter', where: {} } });
    expect(everything.report.leftOut).toMatchObject({ failed: 3, emptyResponse: 1, duplicate: 0 });
    expect(everything.report.notes).toContain('3 rows left out: their trace did not succeed');
    expect(everything.report.notes).toContain('1 row left out: they have no response');

    const rows = await allRows('all-special');
    const call = rows.find((r) => r.prompt === 'Weather in Paris?' && r.turnIndex === 0)!;
    expect(call.response).toMatchObject({ role: 'assistant', tool_calls: [{ function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] });
    const weather = rows.find((r) => r.prompt === 'Weather in Paris?' && r.turnIndex === 1)!;
    expect(weather.tools).toEqual([expect.objectContaining({ type: 'function' })]);
    expect(weather.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(weather.messages[2]).toMatchObject({ tool_calls: [{ id: 'call_1', function: { name: 'get_weather' } }] });
    expect(weather.response).toEqual({ role: 'assistant', content: '18°C in Paris.' });
    expect(weather.metadata).toMatchObject({ task: 'weather-tools' });
    const travel = rows.filter((r) => r.conversationId !== null && r.metadata['conversation_id'] === 'conv-7');
    expect(travel.map((r) => r.turnIndex).sort()).toEqual([0, 1]);
    expect(new Set(travel.map((r) => r.conversationId)).size).toBe(1);
  });

  it('adds rows from a cluster (members, all, above a score, picked) with a task description from the cluster', async () => {
    const { clusters } = await core.invoke('clusters.list', {});
    const cluster = clusters.filter((c) => c.level === 'cluster').sort((a, b) => b.size - a.size)[0]!;
    const members = await core.invoke('clusters.members', { clusterId: cluster.id, limit: 1000 });
    const { dataset, report } = await core.invoke('datasets.create', { name: 'from-cluster', kind: 'eval', source: { type: 'cluster', clusterId: cluster.id, pick: 'members' } });
    expect(report.added).toBe(members.total);
    expect(dataset.taskDescription).toContain(cluster.name);
    const rows = await allRows('from-cluster');
    expect(rows.every((r) => r.clusterId === cluster.id && r.membershipScore !== null)).toBe(true);

    const cut = members.items.map((m) => m.score).sort((a, b) => a - b)[Math.floor(members.items.length / 2)]!;
    const above = await core.invoke('datasets.create', { name: 'cluster-above', kind: 'eval', source: { type: 'cluster', clusterId: cluster.id, pick: 'above', minScore: cut } });
    expect(above.report.added).toBe(members.items.filter((m) => m.score >= cut).length);
    const picked = members.items.slice(0, 2).map((m) => m.rowId);
    const hand = await core.invoke('datasets.create', { name: 'cluster-picked', kind: 'eval', source: { type: 'cluster', clusterId: cluster.id, pick: 'picked', rowIds: picked } });
    expect((await allRows('cluster-picked')).map((r) => r.rowKey)).toEqual([...picked].sort((a, b) => a - b));
    expect(hand.report.added).toBe(2);
    const all = await core.invoke('datasets.create', { name: 'cluster-all', kind: 'eval', source: { type: 'cluster', clusterId: cluster.id, pick: 'all' } });
    expect(all.report.added).toBeGreaterThanOrEqual(members.total);

    // Adding the same cluster again only finds duplicates.
    const again = await core.invoke('datasets.addRows', { dataset: 'from-cluster', source: { type: 'cluster', clusterId: cluster.id } });
    expect(again).toMatchObject({ added: 0, leftOut: { duplicate: members.total } });
  });

  it('adds every row of hand-picked traces, records how many, and names traces that do not exist', async () => {
    const list = await core.invoke('traces.list', { where: { text: 'weather' }, limit: 3 });
    const traceIds = list.items.map((t) => t.id);
    const expected = (await Promise.all(traceIds.map((id) => core.invoke('traces.get', { id })))).flatMap((d) => d.rowsDetail.map((r) => r.id));
    const { report } = await core.invoke('datasets.create', { name: 'picked-traces', kind: 'eval', source: { type: 'traces', traceIds: [...traceIds, traceIds[0]!] } });
    expect(report).toMatchObject({ offered: expected.length, added: expected.length });
    expect((await allRows('picked-traces')).map((r) => r.sourceTraceId).sort((a, b) => a - b)).toEqual([...traceIds].sort((a, b) => a - b));
    const detail = await core.invoke('datasets.get', { dataset: 'picked-traces' });
    expect(detail.versions[0]!.recipe['sources']).toEqual([expect.objectContaining({ type: 'traces', traces: 3 })]);
    await expect(core.invoke('datasets.addRows', { dataset: 'picked-traces', source: { type: 'traces', traceIds: [traceIds[0]!, 999_999] } })).rejects.toThrow(/traces 999999 do not exist/);
  });

  it('bootstraps columns from the first row and names the missing columns of later rows', async () => {
    const [french] = await rowIds('Translate hello');
    const [german] = await rowIds('Translate cat');
    const [spanish] = await rowIds('Translate dog');
    const { dataset } = await core.invoke('datasets.create', { name: 'translations', kind: 'eval', source: { type: 'rows', rowIds: [french!] } });
    expect(dataset.columns).toEqual(['variables.lang', 'variables.text']);
    const added = await core.invoke('datasets.addRows', { dataset: 'translations', source: { type: 'rows', rowIds: [german!, spanish!] } });
    expect(added.added).toBe(1);
    expect(added.leftOut.missingColumns).toBe(1);
    expect(added.missingColumnMessages).toEqual([`row ${spanish} lacks the column variables.text that this dataset declares`]);
    // One trace added from its detail view.
    const trace = (await core.invoke('traces.list', { where: { text: 'Translate dog' } })).items[0]!;
    const one = await core.invoke('datasets.addRows', { dataset: 'translations', source: { type: 'trace', traceId: trace.id } });
    expect(one).toMatchObject({ offered: 1, added: 0, leftOut: { missingColumns: 1 } });
  });

  it('finds every kind of planted overlap with the eval version, stores the excluded rows, and warns above 25 %', async () => {
    const exactRow = (await rowIds('reset the password for account 1'))[0]!;
    const [conv9a] = await rowIds('first question of conversation nine');
    const [conv9b] = await rowIds('a follow up in conversation nine');
    const [upper] = await rowIds('Reset my PASSWORD');
    const [lower] = await rowIds('reset my password please');
    const [near1] = await rowIds('three biggest');
    const [near2] = await rowIds('three largest');
    await core.invoke('datasets.create', { name: 'leak-eval', kind: 'eval', source: { type: 'rows', rowIds: [exactRow, conv9a!, upper!, near1!] } });
    await core.invoke('datasets.freeze', { dataset: 'leak-eval' });
    const clean = (await rowIds('weather forecast in Paris')).slice(0, 10);
    const created = await core.invoke('datasets.create', {
      name: 'leak-train',
      kind: 'training',
      excludeEval: { dataset: 'leak-eval', version: 1 },
      source: { type: 'rows', rowIds: [exactRow, conv9b!, lower!, near2!, ...clean] },
    });
    expect(created.report.leakage).toMatchObject({ candidates: 14, excluded: { exact: 1, conversation: 1, normalized: 1, near: 1 } });
    expect(created.report.leakage!.overlap).toBeCloseTo(4 / 14);
    expect(created.report.leakage!.warning).toMatch(/too narrow/);
    expect(created.report.added).toBe(10);
    expect(created.dataset.excludes).toBe('leak-eval@v1');

    const report = await core.invoke('datasets.leakage', { dataset: 'leak-train', limit: 100 });
    expect(report).toMatchObject({ excludes: 'leak-eval@v1', candidates: 14, counts: { exact: 1, conversation: 1, normalized: 1, near: 1 }, total: 4, threshold: 0.8 });
    const byRule = Object.fromEntries(report.items.map((i) => [i.rule, i]));
    expect(byRule['exact']).toMatchObject({ rowKey: exactRow, evalRowKey: exactRow });
    expect(byRule['conversation']).toMatchObject({ rowKey: conv9b, evalRowKey: conv9a });
    expect(byRule['normalized']).toMatchObject({ rowKey: lower, evalRowKey: upper });
    expect(byRule['near']).toMatchObject({ rowKey: near2, evalRowKey: near1 });
    expect(byRule['near']!.similarity).toBeGreaterThanOrEqual(0.8);
    // Each excluded row can be compared with the eval row it matched.
    const evalPrompts = new Map((await allRows('leak-eval', 1)).map((r) => [r.rowKey, r.prompt]));
    for (const item of report.items) expect(item.evalPrompt).toBe(evalPrompts.get(item.evalRowKey));
    expect(byRule['normalized']!.evalPrompt).not.toBe(byRule['normalized']!.prompt);
    const nearOnly = await core.invoke('datasets.leakage', { dataset: 'leak-train', rule: 'near', limit: 10 });
    expect(nearOnly.items.map((i) => i.rowKey)).toEqual([near2]);
    expect((await allRows('leak-train')).map((r) => r.rowKey).sort((a, b) => a - b)).toEqual([...clean].sort((a, b) => a - b));

    // Raising the threshold above the pair's similarity lets the near duplicate through.
    const strict = await core.invoke('datasets.create', { name: 'leak-strict', kind: 'training', excludeEval: { dataset: 'leak-eval', version: 1 }, nearThreshold: 0.99, source: { type: 'rows', rowIds: [near2!, ...clean] } });
    expect(strict.report.leakage!.excluded.near).toBe(0);
    expect(strict.report.leakage!.warning).toBeNull();
  });

  it('refuses a training set that would be empty after leakage, and creates nothing', async () => {
    const [upper] = await rowIds('Reset my PASSWORD');
    const [lower] = await rowIds('reset my password please');
    const refused = core.invoke('datasets.create', { name: 'all-leaks', kind: 'training', excludeEval: { dataset: 'leak-eval', version: 1 }, source: { type: 'rows', rowIds: [upper!, lower!] } });
    await expect(refused).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/training set would be empty/) });
    expect((await core.invoke('datasets.list', {})).map((d) => d.name)).not.toContain('all-leaks');
    await expect(core.invoke('datasets.create', { name: 'bad-exclude', kind: 'eval', excludeEval: { dataset: 'leak-eval', version: 1 } })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(core.invoke('datasets.create', { name: 'bad-exclude', kind: 'training', excludeEval: { dataset: 'leak-eval', version: 9 } })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('v1') });
  });

  it('freezes with the SHA-256 of the canonical rows, then edits start a new draft, and diff lists the changes', async () => {
    const frozen = await core.invoke('datasets.freeze', { dataset: 'all-special' });
    expect(frozen).toMatchObject({ dataset: 'all-special', version: 'v1', number: 1, rows: 4, warnings: [] });
    const v1 = await allRows('all-special', 1);
    expect(frozen.hash).toBe(hashRows(v1.map(asRow)));
    await expect(core.invoke('datasets.freeze', { dataset: 'all-special' })).rejects.toMatchObject({ code: 'conflict' });

    const target = v1.find((r) => r.prompt === 'Weather in Paris?' && r.turnIndex === 1)!;
    const edited = await core.invoke('datasets.updateRow', {
      dataset: 'all-special',
      rowKey: target.rowKey,
      patch: { labels: ['tools', 'good'], expectedOutput: '18°C', note: 'tool use example', response: { role: 'assistant', content: 'It is 18°C in Paris.' } },
    });
    expect(edited).toMatchObject({ labels: ['good', 'tools'], expectedOutput: '18°C', note: 'tool use example', response: { content: 'It is 18°C in Paris.' } });
    const detail = await core.invoke('datasets.get', { dataset: 'all-special' });
    expect(detail.versions.map((v) => [v.label, v.status, v.rows])).toEqual([
      ['v1', 'frozen', 4],
      ['draft', 'draft', 4],
    ]);
    const translated = (await core.invoke('traces.list', { where: { text: 'Translate hello' } })).items[0]!;
    await core.invoke('datasets.addRows', { dataset: 'all-special', source: { type: 'trace', traceId: translated.id } });
    const v2 = await core.invoke('datasets.freeze', { dataset: 'all-special' });
    expect(v2).toMatchObject({ version: 'v2', rows: 5 });
    expect(v2.hash).not.toBe(frozen.hash);
    // v1 is untouched by the edit.
    expect(await allRows('all-special', 1)).toEqual(v1);

    const diff = await core.invoke('datasets.diff', { dataset: 'all-special', from: 1, to: 2, limit: 100 });
    expect(diff.counts).toMatchObject({ added: 1, removed: 0, changed: 1, unchanged: 3 });
    expect(diff.counts.byField).toMatchObject({ labels: 1, expectedOutput: 1, note: 1, response: 1, messages: 0 });
    const changed = diff.items.find((i) => i.before && i.after)!;
    expect(changed).toMatchObject({ rowKey: target.rowKey, fields: ['response', 'labels', 'expectedOutput', 'note'] });
    expect(diff.items.filter((i) => i.before === null)).toHaveLength(1);
    const back = await core.invoke('datasets.diff', { dataset: 'all-special', from: 2, to: 1, kind: 'removed', limit: 100 });
    expect(back.counts).toMatchObject({ added: 0, removed: 1, changed: 1 });
    expect(back.items).toHaveLength(1);
    const same = await core.invoke('datasets.diff', { dataset: 'all-special', from: 2, to: 2, limit: 10 });
    expect(same.counts).toMatchObject({ added: 0, removed: 0, changed: 0, unchanged: 5 });
    // Paging walks added, then changed rows.
    const first = await core.invoke('datasets.diff', { dataset: 'all-special', from: 1, to: 2, limit: 1 });
    const second = await core.invoke('datasets.diff', { dataset: 'all-special', from: 1, to: 2, limit: 1, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((i) => i.rowKey).sort()).toEqual(diff.items.map((i) => i.rowKey).sort());
  });

  it('keeps a row as promoted even when its trace would now parse differently', async () => {
    const before = await allRows('all-special', 2);
    const db = new BetterSqlite3(join(dataDir, 'winnow.sqlite'));
    try {
      const traceId = before.find((r) => r.prompt === 'Weather in Paris?')!.sourceTraceId;
      db.prepare('UPDATE trace_raw SET raw = ? WHERE id = ?').run(JSON.stringify({ prompt: 'changed', response: 'changed' }), traceId);
    } finally {
      db.close();
    }
    expect(await allRows('all-special', 2)).toEqual(before);
  });

  it('rejects raw SQL writes to a frozen version and its rows, and allows one draft per dataset', () => {
    const db = new BetterSqlite3(join(dataDir, 'winnow.sqlite'));
    try {
      const v1 = db.prepare(`SELECT v.id FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id WHERE d.name = 'all-special' AND v.number = 1`).pluck().get() as number;
      const key = db.prepare('SELECT row_key FROM dataset_rows WHERE version_id = ? LIMIT 1').pluck().get(v1) as number;
      expect(() => db.prepare(`UPDATE dataset_rows SET content_json = '{}' WHERE version_id = ?`).run(v1)).toThrow(/frozen/);
      expect(() => db.prepare('DELETE FROM dataset_rows WHERE version_id = ? AND row_key = ?').run(v1, key)).toThrow(/frozen/);
      expect(() => db.prepare(`INSERT INTO dataset_rows (version_id, row_key, content_json, source_trace_id) VALUES (?, 999999, '{}', 1)`).run(v1)).toThrow(/frozen/);
      expect(() => db.prepare(`UPDATE dataset_versions SET sha256 = 'sha256:0' WHERE id = ?`).run(v1)).toThrow(/frozen/);
      expect(() => db.prepare(`UPDATE dataset_versions SET status = 'draft', number = NULL WHERE id = ?`).run(v1)).toThrow(/frozen/);
      expect(() => db.prepare('DELETE FROM dataset_versions WHERE id = ?').run(v1)).toThrow(/frozen/);
      const datasetId = db.prepare(`SELECT id FROM datasets WHERE name = 'everything'`).pluck().get() as number;
      expect(() => db.prepare(`INSERT INTO dataset_versions (dataset_id, number, status, created_at) VALUES (?, NULL, 'draft', 0)`).run(datasetId)).toThrow(/UNIQUE/);
      // A draft's rows stay editable.
      const draft = db.prepare(`SELECT id FROM dataset_versions WHERE dataset_id = ? AND status = 'draft'`).pluck().get(datasetId) as number;
      expect(db.prepare(`UPDATE dataset_rows SET conversation_id = conversation_id WHERE version_id = ?`).run(draft).changes).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('splits a frozen version deterministically without touching its rows, and exports use the split', async () => {
    await core.invoke('datasets.freeze', { dataset: 'everything' });
    const before = await core.invoke('datasets.get', { dataset: 'everything' });
    const rowsBefore = await allRows('everything', 1);
    const split = await core.invoke('datasets.split', { dataset: 'everything', version: 1, test: 0.2, validation: 0.1, seed: 7 });
    expect(split.rows.train + split.rows.validation + split.rows.test).toBe(rowsBefore.length);
    expect(split.rows.test).toBeGreaterThan(0);
    expect(split.rows.validation).toBeGreaterThan(0);
    const assigned = await allRows('everything', 1);
    expect(assigned.map((r) => ({ ...r, split: null }))).toEqual(rowsBefore);
    const conv = assigned.filter((r) => r.metadata['conversation_id'] === 'conv-7');
    expect(conv).toHaveLength(2);
    expect(conv[0]!.split).toBe(conv[1]!.split);
    const again = await core.invoke('datasets.split', { dataset: 'everything', version: 1, test: 0.2, validation: 0.1, seed: 7 });
    expect(again.rows).toEqual(split.rows);
    expect((await allRows('everything', 1)).map((r) => r.split)).toEqual(assigned.map((r) => r.split));
    const after = await core.invoke('datasets.get', { dataset: 'everything' });
    expect(after.versions[0]!.sha256).toBe(before.versions[0]!.sha256);
    expect(after.versions[0]!.split).toMatchObject({ seed: 7, rows: split.rows });
    const test = await core.invoke('datasets.rows', { dataset: 'everything', version: 1, split: 'test', limit: 1000 });
    expect(test.total).toBe(split.rows.test);
    expect(test.items.every((r) => r.split === 'test')).toBe(true);

    const out = join(dir.path, 'split-export');
    const result = (await settle(core, (await core.invoke('datasets.export', { dataset: 'everything', version: 1, format: 'openai', out })).jobId)) as { files: string[]; rowsPerSplit: Record<string, number> };
    expect(result.files).toEqual(['manifest.json', 'test.jsonl', 'train.jsonl', 'validation.jsonl']);
    expect(result.rowsPerSplit).toEqual(split.rows);
    const trainLines = (await readFile(join(out, 'train.jsonl'), 'utf8')).trim().split('\n');
    expect(trainLines).toHaveLength(split.rows.train);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { rows_per_split: Record<string, number>; recipe: { split: { seed: number } }; version: string; sha256: string };
    expect(manifest).toMatchObject({ version: 'v1', sha256: before.versions[0]!.sha256, rows_per_split: split.rows, recipe: { split: { seed: 7 } } });
  });

  it('warns on a training version with few rows, rows spread over unrelated clusters, and no curation', () => {
    const recipe = { sources: [], clustering: null, excludes: null, nearThreshold: null, filters: [], judge: null };
    expect(guardrails({ kind: 'training' }, 150, { clusters: 6, groups: 3, unclustered: 0 }, recipe)).toEqual([
      expect.stringMatching(/only 150 rows/),
      expect.stringMatching(/6 clusters in 3 unrelated groups/),
      expect.stringMatching(/no curation run yet/),
    ]);
    expect(guardrails({ kind: 'training' }, 500, { clusters: 9, groups: 2, unclustered: 0 }, { ...recipe, judge: { model: 'x' } })).toEqual([]);
    expect(guardrails({ kind: 'eval' }, 5, { clusters: 9, groups: 9, unclustered: 0 }, recipe)).toEqual([]);
  });

  it('freezing a small training set reports the guardrails as warnings, not errors', async () => {
    const frozen = await core.invoke('datasets.freeze', { dataset: 'leak-train' });
    expect(frozen.warnings).toEqual([expect.stringMatching(/only 10 rows/), expect.stringMatching(/no curation/)]);
    const detail = await core.invoke('datasets.get', { dataset: 'leak-train' });
    expect(detail.versions[0]).toMatchObject({ warnings: frozen.warnings, recipe: { excludes: 'leak-eval@v1', counts: { rows: 10 } } });
  });

  it('exports every format byte-identically twice, records each export, and marks a draft export', async () => {
    for (const format of ['openai', 'jsonl', 'csv', 'parquet', 'hf', 'distil'] as const) {
      const outs = [join(dir.path, `x-${format}-1`), join(dir.path, `x-${format}-2`)];
      for (const out of outs) await settle(core, (await core.invoke('datasets.export', { dataset: 'all-special', version: 2, format, out })).jobId);
      const files = await listFiles(outs[0]!);
      expect(files).toContain('manifest.json');
      expect(await listFiles(outs[1]!)).toEqual(files);
      for (const f of files) expect(await readFile(join(outs[1]!, f)), `${format} ${f}`).toEqual(await readFile(join(outs[0]!, f)));
    }
    expect(await listFiles(join(dir.path, 'x-hf-1'))).toEqual(['README.md', 'data/train-00000-of-00001.parquet', 'manifest.json']);
    expect(await listFiles(join(dir.path, 'x-distil-1'))).toEqual(['config.yaml', 'job_description.json', 'manifest.json', 'traces.jsonl']);

    await core.invoke('datasets.updateRow', { dataset: 'all-special', rowKey: (await allRows('all-special', 2))[0]!.rowKey, patch: { note: 'draft edit' } });
    const started = await core.invoke('datasets.export', { dataset: 'all-special', version: 'draft', format: 'jsonl', out: join(dir.path, 'x-draft') });
    expect(started.warning).toMatch(/unfrozen draft/);
    await settle(core, started.jobId);
    const manifest = JSON.parse(await readFile(join(dir.path, 'x-draft', 'manifest.json'), 'utf8')) as { version: string; warning: string };
    expect(manifest).toMatchObject({ version: 'draft', warning: started.warning });
    const exports = await core.invoke('datasets.exports', { dataset: 'all-special' });
    expect(exports).toHaveLength(13);
    expect(exports[0]).toMatchObject({ version: 'draft', format: 'jsonl', warning: started.warning, rows: 5 });
    expect(exports.filter((e) => e.version === 'v2')).toHaveLength(12);
    await expect(core.invoke('datasets.export', { dataset: 'all-special', version: 9, format: 'csv', out: join(dir.path, 'nope') })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('gives back the same rows when an OpenAI JSONL, Winnow JSONL or Parquet export is imported', async () => {
    const rows = await allRows('all-special', 2);
    const roundDir = join(dir.path, 'round');
    const back = createCore({ dataDir: roundDir });
    try {
      for (const file of ['x-openai-1/data.jsonl', 'x-jsonl-1/data.jsonl', 'x-parquet-1/data.parquet']) {
        const before = (await back.invoke('app.info', {})).traces;
        await importFile(back, join(dir.path, file));
        const list = await back.invoke('traces.list', { limit: 100 });
        const imported = list.items.slice(before);
        expect(imported, file).toHaveLength(rows.length);
        for (let i = 0; i < rows.length; i++) {
          const detail = await back.invoke('traces.get', { id: imported[i]!.id });
          const last = detail.rowsDetail[detail.rowsDetail.length - 1]!;
          expect(last.messages, `${file} row ${i}`).toEqual(rows[i]!.messages);
          expect(last.response, `${file} row ${i}`).toEqual(rows[i]!.response);
          expect(detail.tools ?? null, `${file} row ${i}`).toEqual(rows[i]!.tools);
        }
      }
    } finally {
      await back.close();
    }
  });
});

describe('datasets at the cap', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;

  beforeAll(async () => {
    dir = makeTempDir();
    core = createCore({ dataDir: join(dir.path, 'data') });
    const lines: string[] = [];
    for (let i = 0; i < 10_001; i++) lines.push(JSON.stringify({ prompt: `question number ${i} about item ${i * 7}`, response: `answer ${i}` }));
    writeFileSync(join(dir.path, 'many.jsonl'), `${lines.join('\n')}\n`);
    await importFile(core, join(dir.path, 'many.jsonl'));
  }, 120_000);
  afterAll(async () => {
    await core.close();
    dir.remove();
  });

  it('refuses an eval set over 10,000 rows saying by how much, or fills up to the cap when asked', async () => {
    await expect(core.invoke('datasets.create', { name: 'too-big', kind: 'eval', source: { type: 'filter', where: {} } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/at most 10,000 rows.*1 row over/),
    });
    expect(await core.invoke('datasets.list', {})).toEqual([]);
    const { report } = await core.invoke('datasets.create', { name: 'capped', kind: 'eval', upToCap: true, source: { type: 'filter', where: {} } });
    expect(report).toMatchObject({ added: 10_000, draftRows: 10_000, leftOut: { overCap: 1 } });
    const training = await core.invoke('datasets.create', { name: 'big-training', kind: 'training', source: { type: 'filter', where: {} } });
    expect(training.report.added).toBe(10_001);
  }, 60_000);

  it('pages rows by key and cancels an export without leaving files behind', async () => {
    const first = await core.invoke('datasets.rows', { dataset: 'big-training', limit: 1000 });
    const second = await core.invoke('datasets.rows', { dataset: 'big-training', limit: 1000, cursor: first.nextCursor! });
    expect(first.total).toBe(10_001);
    expect(second.items[0]!.rowKey).toBeGreaterThan(first.items[999]!.rowKey);

    const out = join(dir.path, 'cancelled');
    const { jobId } = await core.invoke('datasets.export', { dataset: 'big-training', version: 'draft', format: 'parquet', out });
    await new Promise<void>((resolve) => {
      const off = core.events.on((e) => {
        if (e.name === 'job.progress' && e.payload.job.id === jobId && e.payload.job.done > 0) {
          off();
          resolve();
        }
      });
    });
    await core.invoke('jobs.cancel', { id: jobId });
    const job = await core.jobs.waitFor(jobId);
    expect(job.status).toBe('cancelled');
    expect((await readdir(dir.path)).filter((f) => f.startsWith('cancelled'))).toEqual([]);
    expect(await core.invoke('datasets.exports', { dataset: 'big-training' })).toEqual([]);
  }, 60_000);
});

async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(root, path)));
    else out.push(path);
  }
  return out.sort();
}
