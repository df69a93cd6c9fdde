// Map geometry: packing, fitting the view, zooming about the cursor, and nearest-point hit tests.
import { describe, expect, it } from 'vitest';
import { buildPointIndex, fitView, nearestPoint, packPoints, panBy, pointBounds, toData, toScreen, zoomAt, type MapPointTuple } from './map-geometry.ts';

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('map geometry', () => {
  it('packs tuples into columns with -1 for outliers', () => {
    const p = packPoints([
      [10, 0.5, -0.25, 3],
      [11, -1, 1, null],
    ]);
    expect(p.count).toBe(2);
    expect([...p.rowIds]).toEqual([10, 11]);
    expect([...p.clusters]).toEqual([3, -1]);
    expect(pointBounds(p)).toEqual({ minX: -1, minY: -0.25, maxX: 0.5, maxY: 1 });
  });

  it('fits the bounds into the box, centred, with padding on the tighter axis', () => {
    const view = fitView({ minX: -1, minY: -1, maxX: 1, maxY: 1 }, 400, 200, 10);
    expect(view.scale).toBe(90);
    expect(toScreen(view, 0, 0)).toEqual([200, 100]);
    expect(toScreen(view, -1, -1)).toEqual([110, 10]);
    expect(toData(view, 200, 100)).toEqual([0, 0]);
  });

  it('fits a single point without dividing by zero', () => {
    const view = fitView({ minX: 2, minY: 2, maxX: 2, maxY: 2 }, 100, 100);
    expect(Number.isFinite(view.scale)).toBe(true);
    expect(toScreen(view, 2, 2)).toEqual([50, 50]);
  });

  it('zooms about the cursor and clamps the zoom range', () => {
    const fitted = fitView({ minX: -1, minY: -1, maxX: 1, maxY: 1 }, 200, 200, 0);
    const before = toData(fitted, 150, 60);
    const zoomed = zoomAt(fitted, 2, 150, 60, fitted.scale);
    const after = toData(zoomed, 150, 60);
    expect(after[0]).toBeCloseTo(before[0]);
    expect(after[1]).toBeCloseTo(before[1]);
    expect(zoomAt(fitted, 1e9, 0, 0, fitted.scale).scale).toBe(fitted.scale * 64);
    expect(zoomAt(fitted, 1e-9, 0, 0, fitted.scale).scale).toBe(fitted.scale / 4);
    expect(panBy(fitted, 5, -5)).toEqual({ scale: fitted.scale, tx: fitted.tx + 5, ty: fitted.ty - 5 });
  });

  it('finds the nearest point within the radius, exactly like a full scan', () => {
    const rnd = random(7);
    const tuples: MapPointTuple[] = Array.from({ length: 5000 }, (_, i) => [i + 1, rnd() * 2 - 1, rnd() * 2 - 1, i % 7 === 0 ? null : i % 5]);
    const p = packPoints(tuples);
    const index = buildPointIndex(p);
    for (let q = 0; q < 300; q++) {
      const x = rnd() * 2.2 - 1.1;
      const y = rnd() * 2.2 - 1.1;
      const radius = 0.002 + rnd() * 0.05;
      let expected = -1;
      let bestD = radius * radius;
      for (let i = 0; i < p.count; i++) {
        const d = (p.xs[i]! - x) ** 2 + (p.ys[i]! - y) ** 2;
        if (d < bestD || (d === bestD && i > expected)) {
          expected = i;
          bestD = d;
        }
      }
      expect(nearestPoint(index, p, x, y, radius)).toBe(expected);
    }
  });

  it('returns -1 when nothing is close, and honours the accept filter', () => {
    const p = packPoints([
      [1, 0, 0, 1],
      [2, 0.01, 0, 2],
    ]);
    const index = buildPointIndex(p);
    expect(nearestPoint(index, p, 5, 5, 0.1)).toBe(-1);
    expect(nearestPoint(index, p, 0.009, 0, 0.1)).toBe(1);
    expect(nearestPoint(index, p, 0.009, 0, 0.1, (i) => p.clusters[i] === 1)).toBe(0);
  });

  it('indexes an empty point set', () => {
    const p = packPoints([]);
    expect(nearestPoint(buildPointIndex(p), p, 0, 0, 1)).toBe(-1);
  });
});
