// A trace nested too deeply to cross IPC (V8's structured clone overflows on deep nesting): it imports with a
// notice, and traces.get returns a detail that serialises, with the deep parts cut, an explanation and the raw text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TraceDetail } from '../../src/shared/contract/index.ts';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const DEPTH = 5000;
const deepJson = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const messages = [{ role: 'user', content: 'What is in my account?' }, { role: 'assistant', content: 'Two invoices.' }];

async function importFile(core: Core, path: string): Promise<void> {
  const { jobId } = await core.invoke('imports.start', { paths: [path] });
  const job = await core.jobs.waitFor(jobId);
  expect(job.status).toBe('succeeded');
}

/** Depth of the first element chain: how far a cut array still nests before its marker. */
function chainDepth(value: unknown): { depth: number; end: unknown } {
  let depth = 0;
  let v = value;
  while (Array.isArray(v)) {
    depth++;
    v = v[0];
  }
  return { depth, end: v };
}

describe('a trace nested too deeply for IPC', () => {
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

  it('imports with a notice, and traces.get returns a detail that serialises and says why it is cut', async () => {
    const path = join(dir.path, 'deep.jsonl');
    const line = `{"messages": ${JSON.stringify(messages)}, "metadata": {"tenant": "acme", "deep": ${deepJson(DEPTH)}}}`;
    // The problem is real: this very value cannot be serialised the way IPC does it.
    expect(() => v8.serialize(JSON.parse(line))).toThrow(RangeError);
    writeFileSync(path, `${JSON.stringify({ messages })}\n${line}\n`);
    await importFile(core, path);

    const [file] = await core.invoke('imports.files', {});
    expect(file).toMatchObject({ traces: 2, rejected: 0, noticeCodes: { deep_nesting: 1 } });
    const notices = await core.invoke('imports.notices', { fileId: file!.id });
    expect(notices.items.map((n) => [n.line, n.code, n.message])).toEqual([
      [2, 'deep_nesting', 'metadata nests more than 100 levels deep; kept whole in the raw text, cut at that depth where shown'],
    ]);

    const deep = (await core.invoke('traces.list', {})).items.find((t) => t.line === 2)!;
    const result = await core.dispatch('traces.get', { id: deep.id });
    expect(() => v8.serialize(result)).not.toThrow();
    expect(result.ok).toBe(true);
    const detail = (result.ok ? result.value : null) as TraceDetail;
    expect(detail.problem).toMatch(/^This trace's metadata nests more than 100 levels deep, too deep to show here; .*The raw source line below holds the complete text\.$/);
    expect(detail.raw).toBe(line);
    expect(detail.metadata.tenant).toBe('acme');
    const { depth, end } = chainDepth(detail.metadata.deep);
    expect(depth).toBe(99); // metadata is level 1, so its `deep` array may hold 99 levels before the marker
    expect(end).toBe('[nested deeper than 100 levels: see the raw text]');
    expect(detail.rowsDetail[0]!.response).toEqual(messages[1]);
    expect(detail.notices.map((n) => n.code)).toEqual(['deep_nesting']);

    // A trace of ordinary depth comes back whole, without a problem.
    const plain = (await core.invoke('traces.list', {})).items.find((t) => t.line === 1)!;
    const whole = await core.invoke('traces.get', { id: plain.id });
    expect(whole.problem).toBeUndefined();
  });

  it('imports a CSV cell of JSON nested 100,000 deep instead of failing the file', async () => {
    const path = join(dir.path, 'deep.csv');
    writeFileSync(path, `prompt,response,extra\nhi,hello,"{""deep"": ${deepJson(100_000)}}"\nsecond,row,x\n`);
    await importFile(core, path);
    const [file] = await core.invoke('imports.files', {});
    expect(file).toMatchObject({ status: 'complete', traces: 2, noticeCodes: { deep_nesting: 1 } });
    const first = (await core.invoke('traces.list', {})).items.find((t) => t.line === 2)!;
    const result = await core.dispatch('traces.get', { id: first.id });
    expect(() => v8.serialize(result)).not.toThrow();
    // CSV traces keep their parsed form, cut when stored; the detail still says why.
    const detail = (result.ok ? result.value : null) as TraceDetail;
    expect(detail.problem).toMatch(/^Parts of this trace nest more than 100 levels deep, too deep to show here/);
    expect(chainDepth(detail.metadata.deep)).toEqual({ depth: 99, end: '[nested deeper than 100 levels: see the raw text]' });
    expect(detail.raw).toContain('""deep"": [[[');
  });
});
