import { describe, expect, it } from 'vitest';
import { hashRows } from './canonical-json.ts';
import { diffVersions } from './diff.ts';
import { makeRow } from '../../../../../tests/support/dataset-rows.ts';

describe('diffVersions', () => {
  const v1 = [makeRow({ rowId: 1 }), makeRow({ rowId: 2 }), makeRow({ rowId: 3 }), makeRow({ rowId: 'x', labels: ['a', 'b'] })];

  it('lists added, removed and changed rows with the fields that changed', () => {
    const v2 = [
      makeRow({ rowId: 'x', labels: ['a', 'b'], note: 'checked' }),
      makeRow({ rowId: 3, response: { role: 'assistant', content: 'better answer' }, expectedOutput: 'gold' }),
      makeRow({ rowId: 1 }),
      makeRow({ rowId: 10 }),
      makeRow({ rowId: 4 }),
    ];
    const diff = diffVersions(v1, v2);
    expect(diff.added.map((r) => r.rowId)).toEqual([4, 10]);
    expect(diff.removed.map((r) => r.rowId)).toEqual([2]);
    expect(diff.changed.map((c) => [c.rowId, c.fields])).toEqual([
      [3, ['response', 'expectedOutput']],
      ['x', ['note']],
    ]);
    expect(diff.counts).toEqual({
      added: 2, removed: 1, changed: 2, unchanged: 1,
      byField: { messages: 0, tools: 0, response: 1, metadata: 0, sourceTraceId: 0, conversationId: 0, turnIndex: 0, clusterId: 0, membershipScore: 0, labels: 0, expectedOutput: 1, note: 1, split: 0 },
    });
  });

  it('ignores key order inside content but not label order', () => {
    const reordered = v1.map((r) => (r.rowId === 1 ? { ...r, messages: [{ content: 'question 1', role: 'user' }] } : r));
    expect(diffVersions(v1, reordered).counts.changed).toBe(0);
    const labels = v1.map((r) => (r.rowId === 'x' ? { ...r, labels: ['b', 'a'] } : r));
    expect(diffVersions(v1, labels).changed.map((c) => c.fields)).toEqual([['labels']]);
  });

  it('finds a change exactly when the version hash changes', () => {
    const edits = [
      (r: ReturnType<typeof makeRow>) => ({ ...r, messages: [...r.messages, { role: 'user', content: 'more' }] }),
      (r: ReturnType<typeof makeRow>) => ({ ...r, metadata: { k: 1 } }),
      (r: ReturnType<typeof makeRow>) => ({ ...r, split: 'test' as const }),
      (r: ReturnType<typeof makeRow>) => ({ ...r, preview: 'not stored' }),
    ];
    for (const edit of edits) {
      const v2 = v1.map((r) => (r.rowId === 2 ? edit(r) : r));
      expect(diffVersions(v1, v2).counts.changed === 1).toBe(hashRows(v1) !== hashRows(v2));
    }
  });

  it('refuses a version with a repeated rowId', () => {
    expect(() => diffVersions([makeRow({ rowId: 1 }), makeRow({ rowId: 1 })], [])).toThrow(/appears twice in the before version/);
  });
});
