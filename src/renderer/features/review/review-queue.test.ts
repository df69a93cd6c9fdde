import { describe, expect, it } from 'vitest';
import { CurateRowView } from '../../../shared/contract/index.ts';
import { afterDecision, countReviewed, isPending, replaceRow, startIndex, step } from './review-queue.ts';

// Rows parsed through the contract schema, so the fixture cannot drift from what the core sends.
function row(rowKey: number, decision: 'accept' | 'reject' | null | 'none'): CurateRowView {
  return CurateRowView.parse({
    rowKey,
    kept: true,
    decidedBy: null,
    verdicts: [],
    override: null,
    judge: null,
    flagged: false,
    borderline: true,
    borderlineReasons: [],
    pii: [],
    review: decision === 'none' ? null : { decision, note: null, decidedAt: 1, edited: false },
    row: {
      rowKey,
      sourceTraceId: rowKey,
      conversationId: null,
      turnIndex: 0,
      clusterId: null,
      membershipScore: null,
      messages: [{ role: 'user', content: 'hi' }],
      tools: null,
      response: { role: 'assistant', content: 'hello' },
      metadata: {},
      labels: [],
      expectedOutput: null,
      note: null,
      split: null,
      prompt: 'hi',
      responseText: 'hello',
    },
  });
}

describe('review-queue', () => {
  it('treats a note without a decision as pending', () => {
    expect(isPending(row(1, 'none'))).toBe(true);
    expect(isPending(row(1, null))).toBe(true);
    expect(isPending(row(1, 'accept'))).toBe(false);
  });

  it('starts at the remembered row, else the first pending one', () => {
    const items = [row(1, 'accept'), row(2, 'reject'), row(3, 'none'), row(4, 'none')];
    expect(startIndex(items, 4)).toBe(3);
    expect(startIndex(items, 99)).toBe(2);
    expect(startIndex(items, null)).toBe(2);
    expect(startIndex([row(1, 'accept')], null)).toBe(0);
    expect(startIndex([], null)).toBe(-1);
  });

  it('moves past decided rows after a decision, wrapping to skipped ones, and stays on the last', () => {
    const items = [row(1, 'none'), row(2, 'accept'), row(3, 'accept'), row(4, 'none'), row(5, 'accept')];
    expect(afterDecision(items, 1)).toBe(3);
    expect(afterDecision(items, 3)).toBe(0);
    const done = [row(1, 'accept'), row(2, 'accept')];
    expect(afterDecision(done, 0)).toBe(1);
    expect(afterDecision(done, 1)).toBe(1);
  });

  it('steps within bounds and replaces a changed row in place', () => {
    const items = [row(1, 'none'), row(2, 'none')];
    expect(step(items, 1, 1)).toBe(1);
    expect(step(items, 0, -1)).toBe(0);
    expect(step([], 0, 1)).toBe(-1);
    const changed = replaceRow(items, row(2, 'reject'));
    expect(changed.map((r) => r.review?.decision ?? null)).toEqual([null, 'reject']);
    expect(countReviewed(changed)).toBe(1);
  });
});
