// Draws the cluster map's points on a 2-D canvas: dimmed context first, the highlighted clusters on top,
// then the hovered point's ring. Imports: map geometry and the palette (no React, no DOM lookups).
import type { PackedPoints, View } from './map-geometry.ts';
import { MAP_BACKGROUND, clusterColor, type ColorScheme } from './palette.ts';

export interface DrawOptions {
  view: View;
  width: number;
  height: number;
  scheme: ColorScheme;
  /** Fine cluster ids to light (null = outliers); empty lights everything. */
  highlighted: ReadonlySet<number | null>;
  hovered: number;
}

/** Point radius by how many points there are: dense maps need small dots to show structure. */
export function pointRadius(count: number): number {
  return count > 10_000 ? 1.6 : count > 2_000 ? 2.2 : count > 300 ? 3 : 4;
}

/** Point indices bucketed by cluster (-1 = outliers), so each colour is set once per frame. */
export function bucketByCluster(p: PackedPoints): Map<number, number[]> {
  const buckets = new Map<number, number[]>();
  for (let i = 0; i < p.count; i++) {
    const c = p.clusters[i]!;
    let list = buckets.get(c);
    if (!list) buckets.set(c, (list = []));
    list.push(i);
  }
  return buckets;
}

export function drawMap(ctx: CanvasRenderingContext2D, p: PackedPoints, buckets: Map<number, number[]>, o: DrawOptions): void {
  const { view, scheme } = o;
  ctx.clearRect(0, 0, o.width, o.height);
  const r = pointRadius(p.count);
  const anyHighlight = o.highlighted.size > 0;
  const lit = (c: number) => o.highlighted.has(c < 0 ? null : c);

  // Outliers go first so clustered points are never hidden under grey ones.
  const order = [...buckets.keys()].sort((a, b) => (a < 0 ? -1 : b < 0 ? 1 : a - b));
  const inView = (x: number, y: number, radius: number) => x >= -radius && y >= -radius && x <= o.width + radius && y <= o.height + radius;
  const fillDots = (list: readonly number[], radius: number) => {
    ctx.beginPath();
    for (const i of list) {
      const x = p.xs[i]! * view.scale + view.tx;
      const y = p.ys[i]! * view.scale + view.ty;
      if (!inView(x, y, radius)) continue;
      ctx.moveTo(x + radius, y);
      ctx.arc(x, y, radius, 0, Math.PI * 2);
    }
    ctx.fill();
  };

  const pass = (onTop: boolean) => {
    const chosen = order.filter((c) => (anyHighlight ? lit(c) === onTop : !onTop));
    if (onTop && chosen.length > 0) {
      // A halo in the background colour lifts the highlighted clusters off the dimmed ones beneath.
      ctx.globalAlpha = 1;
      ctx.fillStyle = MAP_BACKGROUND[scheme];
      for (const c of chosen) fillDots(buckets.get(c)!, r + 2.4);
    }
    for (const c of chosen) {
      ctx.fillStyle = clusterColor(c < 0 ? null : c, scheme);
      ctx.globalAlpha = anyHighlight && !onTop ? (scheme === 'dark' ? 0.3 : 0.24) : c < 0 ? 0.75 : 0.9;
      fillDots(buckets.get(c)!, onTop ? r + 0.8 : r);
    }
  };
  pass(false);
  pass(true);
  ctx.globalAlpha = 1;

  if (o.hovered >= 0 && o.hovered < p.count) {
    const x = p.xs[o.hovered]! * view.scale + view.tx;
    const y = p.ys[o.hovered]! * view.scale + view.ty;
    ctx.lineWidth = 2;
    ctx.strokeStyle = scheme === 'dark' ? '#ffffff' : '#1d1d1b';
    ctx.beginPath();
    ctx.arc(x, y, r + 3.5, 0, Math.PI * 2);
    ctx.stroke();
  }
}
