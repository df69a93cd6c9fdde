// Lines that import with a notice, end to end through the core's commands: the notice per line and per code on
// the file, facets left null for implausible values, a failed empty answer keeping its status, the bounded
// list of lines per code, and a CSV broken quote rejected on its own line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src/shared/contract/index.ts';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import { MAX_NOTICE_LINES_PER_CODE } from '../../src/main/core/traces/import-repository.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { repoRoot } from '../support/shared-data.ts';

const fixture = join(repoRoot, 'tests/fixtures/import/notices.jsonl');

async function importAndWait(core: Core, paths: string[]): Promise<Job> {
  const { jobId } = await core.invoke('imports.start', { paths });
  return core.jobs.waitFor(jobId);
}

describe('notices of an import', () => {
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

  it('imports every line, lists each notice with its line, and counts them per code on the file', async () => {
    expect((await importAndWait(core, [fixture])).status).toBe('succeeded');
    const [file] = await core.invoke('imports.files', {});
    expect(file).toMatchObject({ traces: 6, rejected: 0, notices: 6, noticeCodes: { empty_response: 1, implausible_value: 5 } });

    const notices = await core.invoke('imports.notices', { fileId: file!.id });
    expect(notices.items.map((n) => [n.line, n.code])).toEqual([
      [2, 'empty_response'],
      [3, 'implausible_value'],
      [4, 'implausible_value'],
      [5, 'implausible_value'],
      [5, 'implausible_value'],
      [6, 'implausible_value'],
    ]);
    expect(notices.items[2]!.message).toBe("timestamp 1e+29 is not a plausible date; kept in the raw text, not used as the trace's time");
    expect(notices.items[0]!.path).toBe(fixture);
    const implausible = await core.invoke('imports.notices', { fileId: file!.id, code: 'implausible_value', limit: 2 });
    expect(implausible.total).toBe(5);
    expect(implausible.items).toHaveLength(2);
    expect(implausible.nextCursor).not.toBeNull();

    const traces = (await core.invoke('traces.list', {})).items;
    const byLine = new Map(traces.map((t) => [t.line, t]));
    // The failed call with an empty answer keeps its status; implausible values are not stored as facts.
    expect(byLine.get(2)).toMatchObject({ status: 'error', response: '' });
    expect(byLine.get(3)!.totalTokens).toBeNull();
    expect(byLine.get(4)!.timestamp).toBeNull();
    expect(byLine.get(5)).toMatchObject({ latencyMs: null, cost: null });
    expect(byLine.get(6)!.totalTokens).toBeNull();
    expect(byLine.get(1)!.timestamp).toBe(Date.parse('2026-01-05T10:00:00Z'));
    // The trace keeps its raw text and shows its notice in the detail view.
    const detail = await core.invoke('traces.get', { id: byLine.get(4)!.id });
    expect(detail.raw).toContain('"timestamp": 1e29');
    expect(detail.notices.map((n) => n.code)).toEqual(['implausible_value']);
    const facets = await core.invoke('traces.facets', {});
    expect(facets.timeRange).toEqual({ min: Date.parse('2026-01-05T10:00:00Z'), max: Date.parse('2026-01-05T10:00:00Z') });
  });

  it('keeps the first lines of a frequent notice but counts them all, and clears them when the file is imported again', async () => {
    const path = join(dir.path, 'prompts.jsonl');
    const lines = Array.from({ length: MAX_NOTICE_LINES_PER_CODE + 5 }, (_, i) => JSON.stringify({ prompt: `question ${i}` }));
    lines.push(JSON.stringify({ prompt: 'last', response: 'answer', cost: -1 }));
    writeFileSync(path, `${lines.join('\n')}\n`);
    await importAndWait(core, [path]);
    const [file] = await core.invoke('imports.files', {});
    expect(file).toMatchObject({ notices: MAX_NOTICE_LINES_PER_CODE + 6, noticeCodes: { no_assistant_turn: MAX_NOTICE_LINES_PER_CODE + 5, implausible_value: 1 } });
    const kept = await core.invoke('imports.notices', { fileId: file!.id, limit: 1 });
    expect(kept.total).toBe(MAX_NOTICE_LINES_PER_CODE + 1);
    const rare = await core.invoke('imports.notices', { fileId: file!.id, code: 'implausible_value' });
    expect(rare.items.map((n) => n.line)).toEqual([MAX_NOTICE_LINES_PER_CODE + 6]);

    // Imported again, every line is a duplicate: the file's notices start over like its other counts.
    await importAndWait(core, [path]);
    expect((await core.invoke('imports.notices', { fileId: file!.id })).total).toBe(0);
  });

  it('rejects a CSV line with an unterminated quote by its line and imports the records after it', async () => {
    await importAndWait(core, [join(repoRoot, 'tests/fixtures/ingest/unterminated-quote.csv')]);
    const [file] = await core.invoke('imports.files', {});
    expect(file).toMatchObject({ traces: 5, rejected: 1 });
    const rejected = await core.invoke('imports.rejected', { fileId: file!.id });
    expect(rejected.items.map((r) => [r.line, r.code, r.raw])).toEqual([[3, 'invalid_csv', '"my invoice says,billing']]);
    expect(rejected.items[0]!.message).toMatch(/^line 3: .*line 3 skipped, reading resumed on line 4$/);
    expect((await core.invoke('traces.list', {})).items.map((t) => t.line)).toEqual([2, 4, 5, 6, 7]);
  });
});
