// Geometry of the 2-D cluster map: points in columns, the data→screen view (fit, zoom, pan) and a grid
// index for "nearest point under the cursor". Imports: nothing (pure, unit-tested).

/** The map's points in columns (typed arrays keep 20k+ points cheap to scan and draw). */
export interface PackedPoints {
  count: number;
  rowIds: Float64Array;
  xs: Float32Array;
  ys: Float32Array;
  /** Fine cluster id per point; -1 for an outlier. */
  clusters: Float64Array;
}

export type MapPointTuple = readonly [number, number, number, number | null];

export function packPoints(points: readonly MapPointTuple[]): PackedPoints {
  const count = points.length;
  const packed: PackedPoints = {
    count,
    rowIds: new Float64Array(count),
    xs: new Float32Array(count),
    ys: new Float32Array(count),
    clusters: new Float64Array(count),
  };
  points.forEach(([rowId, x, y, cluster], i) => {
    packed.rowIds[i] = rowId;
    packed.xs[i] = x;
    packed.ys[i] = y;
    packed.clusters[i] = cluster ?? -1;
  });
  return packed;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function pointBounds(p: PackedPoints): Bounds {
  if (p.count === 0) return { minX: -1, minY: -1, maxX: 1, maxY: 1 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < p.count; i++) {
    const x = p.xs[i]!;
    const y = p.ys[i]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/** screen = data × scale + offset, in CSS pixels. The y axis is not flipped: layout axes mean nothing. */
export interface View {
  scale: number;
  tx: number;
  ty: number;
}

/** The view that shows all of `bounds` centred in a width × height box with `pad` pixels spare. */
export function fitView(bounds: Bounds, width: number, height: number, pad = 16): View {
  // A single point (or a line of them) has zero extent; treat it as a small square.
  const bw = Math.max(bounds.maxX - bounds.minX, 1e-6);
  const bh = Math.max(bounds.maxY - bounds.minY, 1e-6);
  const scale = Math.max(1e-6, Math.min((width - 2 * pad) / bw, (height - 2 * pad) / bh));
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cy = (bounds.minY + bounds.maxY) / 2;
  return { scale, tx: width / 2 - cx * scale, ty: height / 2 - cy * scale };
}

export const MAX_ZOOM = 64;

/** Zooms by `factor` keeping the data point under (sx, sy) in place; never beyond 1/4× or 64× the fitted scale. */
export function zoomAt(view: View, factor: number, sx: number, sy: number, fittedScale: number): View {
  const scale = Math.min(fittedScale * MAX_ZOOM, Math.max(fittedScale / 4, view.scale * factor));
  const f = scale / view.scale;
  return { scale, tx: sx - (sx - view.tx) * f, ty: sy - (sy - view.ty) * f };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { scale: view.scale, tx: view.tx + dx, ty: view.ty + dy };
}

export function toScreen(view: View, x: number, y: number): [number, number] {
  return [x * view.scale + view.tx, y * view.scale + view.ty];
}

export function toData(view: View, sx: number, sy: number): [number, number] {
  return [(sx - view.tx) / view.scale, (sy - view.ty) / view.scale];
}

/** Points bucketed into a uniform grid over their bounds (compressed rows), built once per point set. */
export interface PointIndex {
  bounds: Bounds;
  cell: number;
  cols: number;
  rows: number;
  /** starts[c]..starts[c+1] is cell c's slice of `order`. */
  starts: Uint32Array;
  order: Uint32Array;
}

export function buildPointIndex(p: PackedPoints, targetPerCell = 8): PointIndex {
  const bounds = pointBounds(p);
  const w = Math.max(bounds.maxX - bounds.minX, 1e-9);
  const h = Math.max(bounds.maxY - bounds.minY, 1e-9);
  // About `targetPerCell` points per cell on average, capped so the grid stays small.
  const cellsWanted = Math.min(65_536, Math.max(1, Math.ceil(p.count / targetPerCell)));
  const cell = Math.max(Math.sqrt((w * h) / cellsWanted), w / 256, h / 256);
  const cols = Math.max(1, Math.ceil(w / cell) + 1);
  const rows = Math.max(1, Math.ceil(h / cell) + 1);
  const cellOf = new Uint32Array(p.count);
  const starts = new Uint32Array(cols * rows + 1);
  for (let i = 0; i < p.count; i++) {
    const c = cellIndex(bounds, cell, cols, rows, p.xs[i]!, p.ys[i]!);
    cellOf[i] = c;
    starts[c + 1]!++;
  }
  for (let c = 0; c < cols * rows; c++) starts[c + 1]! += starts[c]!;
  const fill = starts.slice(0, cols * rows);
  const order = new Uint32Array(p.count);
  for (let i = 0; i < p.count; i++) order[fill[cellOf[i]!]!++] = i;
  return { bounds, cell, cols, rows, starts, order };
}

function cellIndex(b: Bounds, cell: number, cols: number, rows: number, x: number, y: number): number {
  const cx = Math.min(cols - 1, Math.max(0, Math.floor((x - b.minX) / cell)));
  const cy = Math.min(rows - 1, Math.max(0, Math.floor((y - b.minY) / cell)));
  return cy * cols + cx;
}

/**
 * Index of the point nearest to data position (x, y) within `radius` (data units), or -1. Ties go to
 * the later point, which is drawn on top. `accept` can skip points (e.g. dimmed ones).
 */
export function nearestPoint(index: PointIndex, p: PackedPoints, x: number, y: number, radius: number, accept?: (i: number) => boolean): number {
  const { bounds, cell, cols, rows, starts, order } = index;
  const x0 = Math.max(0, Math.floor((x - radius - bounds.minX) / cell));
  const x1 = Math.min(cols - 1, Math.floor((x + radius - bounds.minX) / cell));
  const y0 = Math.max(0, Math.floor((y - radius - bounds.minY) / cell));
  const y1 = Math.min(rows - 1, Math.floor((y + radius - bounds.minY) / cell));
  let best = -1;
  let bestD = radius * radius;
  for (let cy = y0; cy <= y1; cy++) {
    for (let cx = x0; cx <= x1; cx++) {
      const c = cy * cols + cx;
      for (let k = starts[c]!; k < starts[c + 1]!; k++) {
        const i = order[k]!;
        const dx = p.xs[i]! - x;
        const dy = p.ys[i]! - y;
        const d = dx * dx + dy * dy;
        if ((d < bestD || (d === bestD && i > best)) && (!accept || accept(i))) {
          best = i;
          bestD = d;
        }
      }
    }
  }
  return best;
}
