// Review over a curated draft (real SQLite): decisions saved as made, an edited response and labels written into
// the draft row, undo of one decision and of a bulk action, bulk accept of a filter's drops, and every decision
// still there for a new core opened on the same folder.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/create-core.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { allRows, byCase, coreWithDataset, curate, PIPELINE_FIXTURE } from '../../support/curate-core.ts';

describe('review decisions', () => {
  const dir = makeTempDir('winnow-review-');
  const dataDir = join(dir.path, 'data');
  let core: Core;

  beforeAll(async () => {
    core = await coreWithDataset(dataDir, PIPELINE_FIXTURE, 'support');
    await curate(core, { dataset: 'support' });
  }, 120_000);
  afterAll(async () => {
    await core.close();
    dir.remove();
  });

  it('accepts a dropped row, edits a response with labels and a note, and undoes a decision', async () => {
    const rows = byCase(await allRows(core, 'support'));
    const refusal = rows.get('refusal')!;
    const accepted = await core.invoke('review.decide', { dataset: 'support', rowKey: refusal.rowKey, decision: 'accept', note: 'a fine refusal to teach' });
    expect(accepted.row.kept).toBe(true);
    expect(accepted.row.decidedBy).toMatchObject({ by: 'review' });
    expect(accepted.row.review).toMatchObject({ decision: 'accept', note: 'a fine refusal to teach', edited: false });

    const truncated = rows.get('truncated-text')!;
    const edited = await core.invoke('review.decide', {
      dataset: 'support',
      rowKey: truncated.rowKey,
      decision: 'accept',
      response: { role: 'assistant', content: 'Open the admin page, sign in with the password on the sticker, then set the network name.' },
      labels: ['router', 'fixed'],
    });
    expect(edited.row.review?.edited).toBe(true);
    expect(edited.row.row.response['content']).toMatch(/set the network name\.$/);
    expect(edited.row.row.labels).toEqual(['fixed', 'router']);
    // The draft itself holds the edit: what freeze and export read.
    const draftRow = (await core.invoke('datasets.rows', { dataset: 'support', version: 'draft', limit: 100 })).items.find((r) => r.rowKey === truncated.rowKey)!;
    expect(draftRow.responseText).toMatch(/set the network name/);

    const undone = await core.invoke('review.undo', { dataset: 'support', undoToken: edited.undoToken });
    expect(undone.rows).toBe(1);
    expect(undone.row?.review).toBeNull();
    expect(undone.row?.kept).toBe(false);
    expect(undone.row?.row.response['content']).toBe(truncated.row.response['content']);
    expect(undone.row?.row.labels).toEqual([]);
    await expect(core.invoke('review.undo', { dataset: 'support', undoToken: edited.undoToken })).rejects.toMatchObject({ code: 'conflict' });
  }, 60_000);

  it('bulk-rejects a stage, counts the queue, and undoes the bulk action', async () => {
    const before = await core.invoke('curate.summary', { dataset: 'support' });
    const queue = await core.invoke('review.queue', { dataset: 'support', stage: 'dropped:truncated' });
    expect(queue.total).toBe(2);
    expect(queue.pending).toBe(2);
    const bulk = await core.invoke('review.bulk', { dataset: 'support', stage: 'kept', decision: 'reject' });
    expect(bulk.changed).toBe(before.kept - 1); // the accepted refusal is kept but reviewed, so not pending
    const after = await core.invoke('curate.summary', { dataset: 'support' });
    expect(after.kept).toBe(1);
    expect(after.reviewed.rejected).toBe(bulk.changed);
    const undone = await core.invoke('review.undo', { dataset: 'support', undoToken: bulk.undoToken });
    expect(undone.rows).toBe(bulk.changed);
    expect((await core.invoke('curate.summary', { dataset: 'support' })).kept).toBe(before.kept);
  }, 60_000);

  it('keeps every decision for a new core on the same folder', async () => {
    const rows = byCase(await allRows(core, 'support'));
    const dup = rows.get('duplicate')!;
    await core.invoke('review.decide', { dataset: 'support', rowKey: dup.rowKey, decision: 'accept', note: 'wording differs enough' });
    const summary = await core.invoke('curate.summary', { dataset: 'support' });
    await core.close();
    core = createCore({ dataDir });
    const reopened = byCase(await allRows(core, 'support'));
    expect(reopened.get('duplicate')!.review).toMatchObject({ decision: 'accept', note: 'wording differs enough' });
    expect(reopened.get('refusal')!.review).toMatchObject({ decision: 'accept' });
    expect(await core.invoke('curate.summary', { dataset: 'support' })).toEqual(summary);
  }, 60_000);
});
