// Widths of the Clusters screen's panes: the cluster list, the map between, the cluster panel. The user's
// widths are kept as asked and fitted to the window on every layout, so the map never shrinks below a usable
// size and a narrow window never pushes a pane off screen. Imports: nothing (pure, unit-tested).

export interface PaneWidths {
  list: number;
  panel: number;
}

export const DEFAULT_WIDTHS: PaneWidths = { list: 300, panel: 460 };
export const LIMITS = {
  list: { min: 220, max: 640 },
  panel: { min: 360, max: 1100 },
  /** The map keeps at least this much, taken from the panel first, then from the list. */
  map: 280,
};
/** Room of one drag handle between panes. */
export const HANDLE = 6;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/**
 * The widths to lay out in a body `body` px wide, given the user's widths and which side panes show. Each is
 * held within its limits; if the map would get less than its minimum the panel gives first, then the list,
 * never below their minimums (on a very narrow window the map takes what is left).
 */
export function fitPanes(body: number, asked: PaneWidths, shown: { list: boolean; panel: boolean }): PaneWidths & { map: number } {
  let list = shown.list ? clamp(asked.list, LIMITS.list.min, LIMITS.list.max) : 0;
  let panel = shown.panel ? clamp(asked.panel, LIMITS.panel.min, LIMITS.panel.max) : 0;
  const handles = (shown.list ? HANDLE : 0) + (shown.panel ? HANDLE : 0);
  let over = list + panel + handles + LIMITS.map - body;
  if (over > 0 && shown.panel) {
    const give = Math.min(over, panel - LIMITS.panel.min);
    panel -= give;
    over -= give;
  }
  if (over > 0 && shown.list) {
    const give = Math.min(over, list - LIMITS.list.min);
    list -= give;
  }
  return { list, panel, map: Math.max(0, body - list - panel - handles) };
}

/** A width after dragging a handle by `dx` px: the list grows to the right, the panel to the left. */
export function dragged(pane: keyof PaneWidths, start: number, dx: number): number {
  const next = pane === 'list' ? start + dx : start - dx;
  return Math.round(clamp(next, LIMITS[pane].min, LIMITS[pane].max));
}
