// The curation pipeline over a real dataset draft (real SQLite): every filter on a fixture row that holds its
// case and on its near-miss, verdicts with reasons, duplicates naming the row they copy, overrides, switches,
// counts, and freeze/export leaving dropped rows out with the filters in the recipe.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/create-core.ts';
import { allRows, byCase, curate, PIPELINE_FIXTURE, settle, useCurateCore } from '../../support/curate-core.ts';

describe('curation pipeline on a draft', () => {
  const { core: opened, dir } = useCurateCore('winnow-curate-', PIPELINE_FIXTURE, 'support');
  let core: Core;
  beforeAll(() => {
    core = opened();
  });

  it('drops each case with the filter named and its reason, and keeps the near-misses', async () => {
    await curate(core, { dataset: 'support' });
    const rows = byCase(await allRows(core, 'support'));
    expect(rows.size).toBe(14);
    const droppedBy = (c: string): string | null => rows.get(c)!.decidedBy?.filter ?? null;
    expect(droppedBy('failed')).toBe('failed');
    expect(droppedBy('empty')).toBe('empty');
    expect(droppedBy('refusal')).toBe('refusal');
    expect(droppedBy('truncated-length')).toBe('truncated');
    expect(rows.get('truncated-length')!.decidedBy!.reason).toMatch(/length/);
    expect(droppedBy('truncated-text')).toBe('truncated');
    expect(droppedBy('invalid-json')).toBe('invalid_json');
    expect(droppedBy('pii')).toBe('pii');
    expect(droppedBy('duplicate')).toBe('duplicate');
    for (const kept of ['clean', 'refusal-near-miss', 'truncated-near-miss', 'valid-json', 'pii-near-miss', 'long']) {
      expect(rows.get(kept)!.kept, kept).toBe(true);
      expect(rows.get(kept)!.decidedBy, kept).toBeNull();
    }
    // A duplicate names the kept row it copies.
    const dup = rows.get('duplicate')!.verdicts.find((v) => v.filter === 'duplicate')!;
    expect(dup.duplicateOf).toBe(rows.get('clean')!.rowKey);
    // PII spans point into the text they cover.
    const pii = rows.get('pii')!;
    const email = pii.pii.find((s) => s.type === 'EMAIL' && s.message === 'response')!;
    expect((pii.row.response['content'] as string).slice(email.start, email.end)).toBe('jane.doe@example.com');
    expect(pii.pii.some((s) => s.type === 'CREDIT_CARD')).toBe(true);

    const summary = await core.invoke('curate.summary', { dataset: 'support' });
    expect(summary).toMatchObject({ rows: 14, kept: 6, judged: 0, flagged: 0, stale: false, withPii: 1 });
    expect(summary.dropped).toMatchObject({ failed: 1, empty: 1, refusal: 1, truncated: 2, invalid_json: 1, pii: 1, duplicate: 1, cluster: 0, too_long: 0 });
  }, 60_000);

  it('pages a stage by cursor and counts it', async () => {
    const first = await core.invoke('curate.rows', { dataset: 'support', stage: 'dropped', limit: 3 });
    expect(first.total).toBe(8);
    expect(first.items).toHaveLength(3);
    const rest = await core.invoke('curate.rows', { dataset: 'support', stage: 'dropped', limit: 10, cursor: first.nextCursor! });
    expect(rest.items).toHaveLength(5);
    expect(rest.nextCursor).toBeNull();
    const keys = [...first.items, ...rest.items].map((r) => r.rowKey);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    const truncated = await core.invoke('curate.rows', { dataset: 'support', stage: 'dropped:truncated' });
    expect(truncated.items.map((r) => r.row.metadata['case']).sort()).toEqual(['truncated-length', 'truncated-text']);
  });

  it('switches filters off and on, with their options', async () => {
    await curate(core, { dataset: 'support', filters: { refusal: { enabled: false }, pii: { enabled: false }, too_long: { enabled: true, maxTokens: 100 } } });
    const rows = byCase(await allRows(core, 'support'));
    expect(rows.get('refusal')!.kept).toBe(true);
    expect(rows.get('pii')!.kept).toBe(true);
    expect(rows.get('long')!.decidedBy?.filter).toBe('too_long');
    // Only rows in cluster 999 stay: none is clustered, so every row the earlier filters left goes.
    await curate(core, { dataset: 'support', filters: { cluster: { enabled: true, clusterIds: [999] } } });
    const s = await core.invoke('curate.summary', { dataset: 'support' });
    expect(s.kept).toBe(0);
    expect(s.dropped.cluster).toBe(14 - s.dropped.failed - s.dropped.empty);
  }, 60_000);

  it('keeps an override across runs and lets freeze and export leave dropped rows out', async () => {
    await curate(core, { dataset: 'support' });
    let rows = byCase(await allRows(core, 'support'));
    const refusal = rows.get('refusal')!;
    const clean = rows.get('clean')!;
    expect((await core.invoke('curate.override', { dataset: 'support', rowKey: refusal.rowKey, action: 'keep' })).kept).toBe(true);
    expect((await core.invoke('curate.override', { dataset: 'support', rowKey: clean.rowKey, action: 'drop' })).decidedBy).toMatchObject({ by: 'override' });
    await curate(core, { dataset: 'support' });
    rows = byCase(await allRows(core, 'support'));
    expect(rows.get('refusal')!.kept).toBe(true);
    expect(rows.get('refusal')!.override).toBe('keep');
    expect(rows.get('clean')!.kept).toBe(false);
    // The clean row is dropped by hand, so its copy is no longer a duplicate of a kept row.
    expect(rows.get('duplicate')!.kept).toBe(true);
    const summary = await core.invoke('curate.summary', { dataset: 'support' });
    expect(summary.overridden).toEqual({ keep: 1, drop: 1 });

    const out = join(dir.path, 'export');
    const exported = await core.invoke('datasets.export', { dataset: 'support', version: 'draft', format: 'jsonl', out });
    const result = (await settle(core, exported.jobId)) as { rows: number };
    expect(result.rows).toBe(summary.kept);
    const lines = (await readFile(join(out, 'data.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(summary.kept);

    const frozen = await core.invoke('datasets.freeze', { dataset: 'support' });
    expect(frozen.rows).toBe(summary.kept);
    const detail = await core.invoke('datasets.get', { dataset: 'support' });
    const recipe = detail.versions.find((v) => v.number === 1)!.recipe as { filters: { name: string }[]; judge: unknown; curation: { rows: number } };
    expect(recipe.filters.map((f) => f.name)).toEqual(['failed', 'empty', 'refusal', 'truncated', 'invalid_json', 'pii', 'duplicate']);
    expect(recipe.judge).toBeNull();
    expect(recipe.curation.rows).toBe(14);
    expect(detail.versions.find((v) => v.number === 1)!.warnings.join(' ')).not.toMatch(/no curation run/);
  }, 60_000);
});
