// The scroll geometry of very long lists: every row reachable, the last at the bottom, positions round-trip.
import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, scrollHeight, scrollTopFor, visibleRows } from './scaled-scroll.ts';

const short = { rowHeight: 34, total: 1000, viewport: 600 };
const million = { rowHeight: 34, total: 1_000_000, viewport: 600 };

describe('scaled scrolling', () => {
  it('is plain scrolling while the rows fit in one element', () => {
    expect(scrollHeight(short)).toBe(34_000);
    const v = visibleRows(340, short);
    expect(v.first).toBe(10);
    expect(v.top(10)).toBe(340);
    expect(v.end).toBe(28);
    expect(scrollTopFor(500, 0, short, 'start')).toBe(17_000);
  });

  it('caps the element height and still reaches the first and the last row', () => {
    expect(scrollHeight(million)).toBe(MAX_SCROLL_HEIGHT);
    const top = visibleRows(0, million);
    expect(top.first).toBe(0);
    expect(top.top(0)).toBe(0);
    const bottom = visibleRows(MAX_SCROLL_HEIGHT - 600, million);
    expect(bottom.end).toBe(1_000_000);
    // The last row ends exactly at the bottom of the viewport.
    expect(bottom.top(999_999) + 34).toBeCloseTo(MAX_SCROLL_HEIGHT, 6);
    // Past the end is clamped, never beyond the last row.
    expect(visibleRows(MAX_SCROLL_HEIGHT * 2, million).end).toBe(1_000_000);
  });

  it('maps a dragged position to its share of the rows and back', () => {
    const middle = visibleRows((MAX_SCROLL_HEIGHT - 600) * 0.6, million);
    expect(middle.first).toBeGreaterThan(599_000);
    expect(middle.first).toBeLessThan(601_000);
    for (const index of [1, 600_000, 777_777, 999_999]) {
      const s = scrollTopFor(index, 0, million, 'start');
      const v = visibleRows(s, million);
      expect(v.first <= index && index < v.end).toBe(true);
      // The row is wholly in view.
      expect(v.top(index) - s).toBeGreaterThanOrEqual(0);
      expect(v.top(index) - s + 34).toBeLessThanOrEqual(600);
    }
  });

  it('moves only when a row is out of view (auto)', () => {
    const s = scrollTopFor(600_000, 0, million, 'start');
    expect(scrollTopFor(600_003, s, million)).toBe(s);
    const below = scrollTopFor(600_040, s, million);
    const v = visibleRows(below, million);
    expect(v.top(600_040) - below + 34).toBeLessThanOrEqual(600);
    expect(v.top(600_040) - below + 34).toBeGreaterThan(560);
  });
});
