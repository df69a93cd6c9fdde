// The import job end to end through the core's commands: counts, rejected lines, dedup, lossless rows,
// multi-turn modes, cancel + resume, and a killed process leaving a consistent, resumable store.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeOpenAiTraces } from '../../bench/import-data.ts';
import type { Job } from '../../src/shared/contract/index.ts';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { repoRoot } from '../support/shared-data.ts';

const fixture = join(repoRoot, 'tests/fixtures/import/mixed-quality.jsonl');

async function importAndWait(core: Core, paths: string[], multiTurn: 'split' | 'keep' = 'split'): Promise<Job> {
  const { jobId } = await core.invoke('imports.start', { paths, multiTurn });
  return core.jobs.waitFor(jobId);
}

describe('import job', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(() => {
    dir = makeTempDir();
    core = createCore({ dataDir: join(dir.path, 'data') });
  });
  afterEach(async () => {
    await core.close();
    dir.remove();
  });

  it('imports valid lines, keeps rejected ones with line and reason, and counts everything', async () => {
    const job = await importAndWait(core, [fixture]);
    expect(job.status).toBe('succeeded');
    const [file] = await core.invoke('imports.files', {});
    expect(file).toMatchObject({ path: fixture, status: 'complete', traces: 4, duplicates: 0, blankLines: 1, rejected: 2, notices: 1 });
    // Split mode: the tool-call conversation has 2 assistant turns, the chat 2, the vision 1, the prompt-only 1.
    expect(file!.rows).toBe(6);

    const rejected = await core.invoke('imports.rejected', { fileId: file!.id });
    expect(rejected.items.map((r) => [r.line, r.code])).toEqual([
      [4, 'invalid_json'],
      [5, 'messages_not_list'],
    ]);
    expect(rejected.items[0]!.raw).toBe('{"messages": [{"role": "user", "content": "broken"');
    expect(rejected.items[0]!.message.length).toBeGreaterThan(5);

    const list = await core.invoke('traces.list', {});
    expect(list.total).toBe(4);
    expect(list.items.map((t) => t.line)).toEqual([1, 2, 3, 7]);
  });

  it('filters traces by facets and time, and counts facet values', async () => {
    await importAndWait(core, [fixture]);
    const prod = await core.invoke('traces.list', { where: { environment: ['prod'] } });
    expect(prod.items.map((t) => t.model)).toEqual(['gpt-4o', 'claude-3-5-sonnet']);
    const since = await core.invoke('traces.list', { where: { from: Date.parse('2026-01-06T00:00:00Z') } });
    expect(since.total).toBe(2);
    const facets = await core.invoke('traces.facets', { where: { environment: ['prod'] } });
    expect(facets.total).toBe(2);
    // A facet's own filter does not hide its other values, so the user can add to the selection.
    expect(facets.facets.environment).toEqual([
      { value: 'prod', count: 2 },
      { value: 'dev', count: 1 },
      { value: 'staging', count: 1 },
    ]);
    expect(facets.facets.model).toEqual([
      { value: 'claude-3-5-sonnet', count: 1 },
      { value: 'gpt-4o', count: 1 },
    ]);
    const text = await core.invoke('traces.list', { where: { text: 'chicken' } });
    expect(text.items.map((t) => t.line)).toEqual([3]);
  });

  it('adds nothing twice when the same file is imported again', async () => {
    await importAndWait(core, [fixture]);
    await importAndWait(core, [fixture]);
    const [file] = await core.invoke('imports.files', {});
    expect(file).toMatchObject({ traces: 0, duplicates: 4, rejected: 2 });
    expect((await core.invoke('app.info', {})).traces).toBe(4);
    expect((await core.invoke('imports.rejected', {})).total).toBe(2);
  });

  it('keeps tools, tool calls, tool results and content parts unchanged in the rows', async () => {
    await importAndWait(core, [fixture]);
    const source = readFileSync(fixture, 'utf8').split('\n');
    const first = JSON.parse(source[0]!) as { messages: Record<string, unknown>[]; tools: unknown[] };
    const [toolTrace, visionTrace] = (await core.invoke('traces.list', {})).items;
    const detail = await core.invoke('traces.get', { id: toolTrace!.id });
    expect(detail.raw).toBe(source[0]);
    expect(detail.tools).toEqual(first.tools);
    const last = detail.rowsDetail[detail.rowsDetail.length - 1]!;
    expect([...last.messages, last.response]).toEqual(first.messages);
    const firstTurn = detail.rowsDetail[0]!;
    expect(firstTurn.messages).toEqual(first.messages.slice(0, 2));
    expect(firstTurn.response).toEqual(first.messages[2]);

    const vision = JSON.parse(source[1]!) as { messages: Record<string, unknown>[] };
    const visionDetail = await core.invoke('traces.get', { id: visionTrace!.id });
    expect(visionDetail.rowsDetail[0]!.messages).toEqual(vision.messages.slice(0, 1));
  });

  it('keeps one row per conversation with --multi-turn keep', async () => {
    await importAndWait(core, [fixture], 'keep');
    const [file] = await core.invoke('imports.files', {});
    expect(file!.rows).toBe(4);
    const chat = (await core.invoke('traces.list', { where: { text: 'chicken' } })).items[0]!;
    const detail = await core.invoke('traces.get', { id: chat.id });
    expect(detail.rowsDetail).toHaveLength(1);
    expect(detail.rowsDetail[0]!.messages).toHaveLength(3);
    expect(detail.rowsDetail[0]!.response).toEqual({ role: 'assistant', content: 'Why did the chicken cross the road?' });
  });

  it('reports an unreadable path as a failed file with the reason, and imports the others', async () => {
    const missing = join(dir.path, 'nope.jsonl');
    const job = await importAndWait(core, [missing, fixture]);
    expect(job.status).toBe('succeeded');
    const files = await core.invoke('imports.files', {});
    expect(files.find((f) => f.path === missing)).toMatchObject({ status: 'failed', error: expect.stringMatching(/nope\.jsonl: cannot be read \(no such file\)/) });
    expect(files.find((f) => f.path === fixture)).toMatchObject({ status: 'complete', traces: 4 });
  });

  it('fails, with the reasons, an import none of whose files could be read', async () => {
    const missing = join(dir.path, 'nope.jsonl');
    const job = await importAndWait(core, [missing, dir.path]);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/nope\.jsonl: cannot be read \(no such file\)/);
    expect(job.error).toContain(`${dir.path}: cannot be read (it is a folder, not a file)`);
    expect(await core.invoke('app.info', {})).toMatchObject({ traces: 0 });
  });

  it('cancels mid-way keeping complete batches, then resumes without duplicates', async () => {
    const big = join(dir.path, 'big.jsonl');
    await writeOpenAiTraces(big, 30_000);
    const { jobId } = await core.invoke('imports.start', { paths: [big] });
    const stop = core.events.on((event) => {
      if (event.name === 'job.progress' && event.payload.job.id === jobId && event.payload.job.done > 0) {
        stop();
        void core.invoke('jobs.cancel', { id: jobId });
      }
    });
    expect((await core.jobs.waitFor(jobId)).status).toBe('cancelled');
    const partial = (await core.invoke('app.info', {})).traces;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(30_000);
    expect((await core.invoke('imports.files', {}))[0]).toMatchObject({ status: 'cancelled', traces: partial });

    await core.invoke('jobs.resume', { id: jobId });
    expect((await core.jobs.waitFor(jobId)).status).toBe('succeeded');
    const [file] = await core.invoke('imports.files', {});
    expect(file).toMatchObject({ status: 'complete', traces: 30_000, duplicates: 0 });
    expect((await core.invoke('app.info', {})).traces).toBe(30_000);
  });
});

describe('a killed import', () => {
  it('leaves complete batches only, and resumes to the full file without duplicates', async () => {
    const dir = makeTempDir();
    try {
      const big = join(dir.path, 'big.jsonl');
      const dataDir = join(dir.path, 'data');
      await writeOpenAiTraces(big, 60_000);
      const child = spawn(process.execPath, [join(repoRoot, 'src/main/cli/winnow.ts'), '--data', dataDir, 'import', big, '--json'], { stdio: 'ignore' });
      const dbFile = join(dataDir, 'winnow.sqlite');
      // Wait until at least one batch is committed, then kill without warning.
      for (let tries = 0; ; tries++) {
        await new Promise((r) => setTimeout(r, 50));
        try {
          const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
          const row = db.prepare('SELECT checkpoint_json FROM jobs WHERE id = 1').get() as { checkpoint_json: string | null } | undefined;
          db.close();
          if (row?.checkpoint_json) break;
        } catch {
          // the database is not created yet
        }
        if (tries > 400) throw new Error('the import never committed a batch');
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const core = createCore({ dataDir });
      try {
        const [job] = core.jobs.list(1);
        expect(job!.status).toBe('interrupted');
        const db = new BetterSqlite3(dbFile, { readonly: true });
        const counts = db.prepare('SELECT (SELECT COUNT(*) FROM traces) AS traces, (SELECT traces FROM import_files) AS counted, (SELECT status FROM import_files) AS status').get() as { traces: number; counted: number; status: string };
        // The file's counters were written in the same transaction as its traces: they agree.
        expect(counts.counted).toBe(counts.traces);
        expect(counts.status).toBe('interrupted');
        expect(counts.traces).toBeLessThan(60_000);
        const orphanRows = db.prepare('SELECT COUNT(*) AS n FROM traces t WHERE t.row_count != (SELECT COUNT(*) FROM rows r WHERE r.trace_id = t.id)').get() as { n: number };
        expect(orphanRows.n).toBe(0);
        db.close();

        core.jobs.resume(job!.id);
        expect((await core.jobs.waitFor(job!.id)).status).toBe('succeeded');
        expect(core.jobs.get(job!.id)!.result).toMatchObject({ traces: 60_000 });
        const info = await core.dispatch('app.info', {});
        expect(info.ok && (info.value as { traces: number }).traces).toBe(60_000);
      } finally {
        await core.close();
      }
    } finally {
      dir.remove();
    }
  });
});
