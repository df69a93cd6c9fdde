// Pane widths of the Clusters screen: limits, the map's minimum, drag direction.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WIDTHS, HANDLE, LIMITS, dragged, fitPanes } from './pane-sizes.ts';

describe('fitPanes', () => {
  it('keeps the asked widths when the window has room, the map taking the rest', () => {
    const body = 1720;
    expect(fitPanes(body, DEFAULT_WIDTHS, { list: true, panel: true })).toEqual({ list: 300, panel: 460, map: body - 300 - 460 - 2 * HANDLE });
  });

  it('takes from the panel first, then the list, so the map keeps its minimum', () => {
    const body = 1200;
    const fit = fitPanes(body, { list: 400, panel: 700 }, { list: true, panel: true });
    expect(fit.map).toBe(LIMITS.map);
    expect(fit.list).toBe(400);
    expect(fit.panel).toBe(body - 400 - 2 * HANDLE - LIMITS.map);
    const tighter = fitPanes(1000, { list: 400, panel: 700 }, { list: true, panel: true });
    expect(tighter.panel).toBe(LIMITS.panel.min);
    expect(tighter.list).toBe(1000 - LIMITS.panel.min - 2 * HANDLE - LIMITS.map);
    expect(tighter.map).toBe(LIMITS.map);
  });

  it('never goes below a pane minimum; a very narrow window leaves the map what is left', () => {
    const fit = fitPanes(700, DEFAULT_WIDTHS, { list: true, panel: true });
    expect(fit).toEqual({ list: LIMITS.list.min, panel: LIMITS.panel.min, map: 700 - LIMITS.list.min - LIMITS.panel.min - 2 * HANDLE });
  });

  it('gives a hidden pane no width (the enlarged map, no cluster open)', () => {
    expect(fitPanes(1200, DEFAULT_WIDTHS, { list: false, panel: true })).toEqual({ list: 0, panel: 460, map: 1200 - 460 - HANDLE });
    expect(fitPanes(1200, DEFAULT_WIDTHS, { list: false, panel: false })).toEqual({ list: 0, panel: 0, map: 1200 });
  });

  it('holds asked widths within limits', () => {
    expect(fitPanes(5000, { list: 10, panel: 99_999 }, { list: true, panel: true })).toMatchObject({ list: LIMITS.list.min, panel: LIMITS.panel.max });
  });
});

describe('dragged', () => {
  it('widens the list to the right and the panel to the left, within limits', () => {
    expect(dragged('list', 300, 50)).toBe(350);
    expect(dragged('panel', 460, -100)).toBe(560);
    expect(dragged('panel', 460, 400)).toBe(LIMITS.panel.min);
    expect(dragged('list', 300, 10_000)).toBe(LIMITS.list.max);
  });
});
