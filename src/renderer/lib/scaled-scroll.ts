// Maps a scroll position to rows of a list too tall for one element: above MAX_SCROLL_HEIGHT the scrollbar
// stays that tall and each pixel of it stands for more than one pixel of rows. Imports: nothing.

/**
 * Chromium stops growing an element at about 33.5M px (34 px rows: under a million). Half of that keeps a margin
 * and still gives a drag resolution of one row in 2 at a million rows.
 */
export const MAX_SCROLL_HEIGHT = 16_000_000;

export interface ScrollGeometry {
  rowHeight: number;
  /** Rows in the list. */
  total: number;
  /** Height in px of the area rows are visible in. */
  viewport: number;
}

/** Height of the element the scrollbar spans. */
export function scrollHeight({ rowHeight, total }: ScrollGeometry): number {
  return Math.min(total * rowHeight, MAX_SCROLL_HEIGHT);
}

/** How many px of rows one px of scrolling moves: 1 until the list is taller than MAX_SCROLL_HEIGHT. */
function ratio(g: ScrollGeometry): number {
  const real = g.total * g.rowHeight;
  const shown = scrollHeight(g);
  if (real <= shown || shown <= g.viewport) return 1;
  // The last scroll position shows the last rows: both ranges end one viewport before their end.
  return (real - g.viewport) / (shown - g.viewport);
}

export interface VisibleRows {
  /** Index of the first row (partly) in view. */
  first: number;
  /** Index after the last row (partly) in view. */
  end: number;
  /** Where row `index` sits, in px from the top of the scrolled element. */
  top(index: number): number;
}

export function visibleRows(scrollTop: number, g: ScrollGeometry): VisibleRows {
  const maxTop = Math.max(0, scrollHeight(g) - g.viewport);
  const s = Math.min(Math.max(0, scrollTop), maxTop);
  const offset = s * ratio(g);
  const first = Math.min(Math.floor(offset / g.rowHeight), Math.max(0, g.total - 1));
  const end = Math.min(g.total, Math.ceil((offset + g.viewport) / g.rowHeight));
  // Rows are laid out around the scroll position, so they move pixel for pixel with it between jumps.
  return { first, end, top: (index) => s + index * g.rowHeight - offset };
}

/**
 * The scroll position that brings row `index` into view: `start` puts it at the top; `auto` moves as little
 * as possible, or not at all when the row is already wholly visible.
 */
export function scrollTopFor(index: number, scrollTop: number, g: ScrollGeometry, align: 'start' | 'auto' = 'auto'): number {
  const r = ratio(g);
  const rowTop = index * g.rowHeight;
  const offset = Math.max(0, scrollTop) * r;
  let target: number;
  // Scaled positions round towards the side that keeps the whole row in view.
  if (align === 'start' || rowTop < offset) target = Math.floor(rowTop / r);
  else if (rowTop + g.rowHeight > offset + g.viewport) target = Math.ceil((rowTop + g.rowHeight - g.viewport) / r);
  else return scrollTop;
  return Math.min(Math.max(0, scrollHeight(g) - g.viewport), target);
}
