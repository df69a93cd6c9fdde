// The cluster palette: stable per id, distinct for neighbouring ids, valid hex, grey outliers per scheme.
import { describe, expect, it } from 'vitest';
import { OUTLIER_COLOR, clusterColor, oklchToHex } from './palette.ts';

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}
const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((v, i) => v - rgb(b)[i]!));

describe('cluster palette', () => {
  it('gives the same colour to the same id every time, and valid hex', () => {
    for (const id of [1, 2, 17, 4096]) {
      expect(clusterColor(id, 'light')).toBe(clusterColor(id, 'light'));
      expect(clusterColor(id, 'light')).toMatch(/^#[0-9a-f]{6}$/);
      expect(clusterColor(id, 'dark')).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('tells consecutive ids apart (clusters of one run get consecutive ids)', () => {
    for (let id = 1; id < 200; id++) {
      expect(distance(clusterColor(id, 'light'), clusterColor(id + 1, 'light'))).toBeGreaterThan(60);
      expect(distance(clusterColor(id, 'dark'), clusterColor(id + 1, 'dark'))).toBeGreaterThan(60);
    }
  });

  it('draws outliers in the scheme’s grey and keeps clusters away from it', () => {
    expect(clusterColor(null, 'light')).toBe(OUTLIER_COLOR.light);
    expect(clusterColor(null, 'dark')).toBe(OUTLIER_COLOR.dark);
    for (let id = 1; id < 50; id++) expect(distance(clusterColor(id, 'light'), OUTLIER_COLOR.light)).toBeGreaterThan(40);
  });

  it('is lighter in the dark scheme, so points stand out on a dark map', () => {
    const lum = (hex: string) => rgb(hex).reduce((a, b) => a + b, 0);
    for (let id = 1; id < 30; id++) expect(lum(clusterColor(id, 'dark'))).toBeGreaterThan(lum(clusterColor(id, 'light')));
  });

  it('converts known OKLCH values', () => {
    expect(oklchToHex(1, 0, 0)).toBe('#ffffff');
    expect(oklchToHex(0, 0, 0)).toBe('#000000');
    expect(oklchToHex(0.5, 0, 0)).toBe('#636363');
    // sRGB red is oklch(0.628 0.2577 29.23).
    expect(distance(oklchToHex(0.628, 0.2577, 29.23), '#ff0000')).toBeLessThan(4);
  });
});
