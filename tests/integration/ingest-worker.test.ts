// Owns: parseFileInWorker / projectFileInWorker: same output as in-process, backpressure, abort, early exit, errors.
// Imports: vitest, node fs/os/path, the ingest public API and the shared test helpers.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, parseFileInWorker, projectFileInWorker, WORKER_WINDOW } from '../../src/main/core/traces/parse/index.ts';
import type { ProjectedBatch } from '../fixtures/ingest/counting-projection.ts';
import { fixture, readAll } from '../fixtures/ingest/read-all.ts';

const tmp = mkdtempSync(join(tmpdir(), 'winnow-ingest-worker-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bigPath = join(tmp, 'big.jsonl');
const BIG_LINES = 6000;
writeFileSync(
  bigPath,
  Array.from({ length: BIG_LINES }, (_, i) => JSON.stringify({ messages: [{ role: 'user', content: `q${i}` }, { role: 'assistant', content: `a${i}` }] })).join('\n'),
);
const projection = fixture('counting-projection.ts');

describe('parseFileInWorker', () => {
  it.each(['defects.jsonl', 'langfuse-observations.jsonl', 'openai-chat.json', 'defects.csv', 'prompt-response.csv'])(
    'yields exactly what readTraceFile yields for %s',
    async (name) => {
      const inProcess = await readAll(fixture(name), { batchSize: 3 });
      const inWorker = await readAll(fixture(name), { batchSize: 3 }, parseFileInWorker);
      expect(inWorker.batches).toEqual(inProcess.batches);
    },
  );

  it('resumes from a checkpoint like the in-process reader', async () => {
    const first = await readAll(bigPath, { batchSize: 1000 });
    const rest = await readAll(bigPath, { batchSize: 1000, resumeFrom: first.batches[2]?.checkpoint }, parseFileInWorker);
    expect(rest.records.map((r) => r.line)).toEqual(first.records.slice(3000).map((r) => r.line));
  });

  it('stops when aborted, throwing an AbortError', async () => {
    const controller = new AbortController();
    let batches = 0;
    const run = async () => {
      for await (const batch of parseFileInWorker(bigPath, { format: 'auto', batchSize: 100, signal: controller.signal })) {
        batches++;
        expect(batch.records).toHaveLength(100);
        controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ name: 'AbortError' });
    expect(batches).toBe(1);
  });

  it('shuts the worker down when the consumer leaves early', async () => {
    let batches = 0;
    for await (const _ of parseFileInWorker(bigPath, { format: 'auto', batchSize: 100 })) {
      batches++;
      if (batches === 2) break;
    }
    expect(batches).toBe(2);
  });

  it('propagates errors from the worker (a missing file)', async () => {
    const missing = join(tmp, 'does-not-exist.jsonl');
    await expect(readAll(missing, {}, parseFileInWorker)).rejects.toThrow(/ENOENT/);
  });
});

describe('projectFileInWorker', () => {
  it('runs the projection in the worker and yields its results', async () => {
    const projected: ProjectedBatch[] = [];
    for await (const batch of projectFileInWorker<ProjectedBatch>(fixture('defects.jsonl'), { format: 'auto', batchSize: 5 }, projection)) projected.push(batch);
    const inProcess = await readAll(fixture('defects.jsonl'), { batchSize: 5 });
    expect(projected.map((b) => b.lines)).toEqual(inProcess.batches.map((b) => b.records.map((r) => r.line)));
    expect(projected.flatMap((b) => b.hashes)).toEqual(inProcess.records.map((r) => contentHash(r.raw)));
    expect(projected.at(-1)?.checkpoint).toEqual(inProcess.batches.at(-1)?.checkpoint);
  });

  it('never runs more than the window ahead of a slow consumer (backpressure)', async () => {
    const counter = new SharedArrayBuffer(4);
    const projectedSoFar = () => Atomics.load(new Int32Array(counter), 0);
    const batchCount = BIG_LINES / 100;
    let consumed = 0;
    let maxAhead = 0;
    for await (const _ of projectFileInWorker<ProjectedBatch>(bigPath, { format: 'auto', batchSize: 100 }, projection, { counter })) {
      consumed++;
      if (consumed <= 3) await new Promise((r) => setTimeout(r, 150)); // stall: the worker must wait for us
      maxAhead = Math.max(maxAhead, projectedSoFar() - consumed);
    }
    expect(consumed).toBe(batchCount);
    // Posted and unacknowledged (WORKER_WINDOW) plus one projected batch waiting for credit.
    expect(maxAhead).toBeLessThanOrEqual(WORKER_WINDOW + 1);
  });

  it('fails clearly when the projection module has no projectBatch export', async () => {
    await expect(readAll(fixture('defects.jsonl'), {}, (path, opts) => projectFileInWorker(path, opts, fixture('read-all.ts')))).rejects.toThrow(
      /does not export a projectBatch function/,
    );
  });
});
