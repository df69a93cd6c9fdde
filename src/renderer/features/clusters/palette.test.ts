// The cluster palette: known colours for known ids, distinct for neighbouring ids, readable on the map's
// background, grey outliers per scheme.
import { describe, expect, it } from 'vitest';
import { MAP_BACKGROUND, OUTLIER_COLOR, clusterColor, oklchToHex, type ColorScheme } from './palette.ts';

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}
const distance = (a: string, b: string) => Math.hypot(...rgb(a).map((v, i) => v - rgb(b)[i]!));

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = rgb(hex).map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const SCHEMES: ColorScheme[] = ['light', 'dark'];

describe('cluster palette', () => {
  it('gives known ids their known colours, so a cluster keeps its colour across releases', () => {
    // Worked out apart from palette.ts from the OKLab definition (Ottosson 2020): id n has hue
    // (n * 137.508 + 30) mod 360, chroma 0.15 and the scheme's lightness step n mod 3; these ids are inside
    // the sRGB gamut at that chroma, so no chroma is given up.
    expect(clusterColor(2, 'light')).toBe('#a878db'); // oklch(0.66 0.15 305.016)
    expect(clusterColor(5, 'light')).toBe('#d86693'); // oklch(0.66 0.15 357.540)
    expect(clusterColor(6, 'light')).toBe('#508d23'); // oklch(0.58 0.15 135.048)
    expect(clusterColor(3, 'dark')).toBe('#d9a00e'); // oklch(0.74 0.15 82.524)
    expect(clusterColor(6, 'dark')).toBe('#80bf59'); // oklch(0.74 0.15 135.048)
  });

  it('gives valid hex and a different colour to each of the first hundred ids', () => {
    for (const scheme of SCHEMES) {
      const colours = Array.from({ length: 100 }, (_, i) => clusterColor(i + 1, scheme));
      for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
      expect(new Set(colours).size).toBe(100);
    }
  });

  it('keeps every cluster readable on the map background, and more so than the outliers', () => {
    // Measured minimums over ids 1-999: 2.70 on the light map, 5.56 on the dark one.
    const least: Record<ColorScheme, number> = { light: 2.5, dark: 5 };
    for (const scheme of SCHEMES) {
      const outliers = contrast(OUTLIER_COLOR[scheme], MAP_BACKGROUND[scheme]);
      for (let id = 1; id < 1000; id++) {
        const c = contrast(clusterColor(id, scheme), MAP_BACKGROUND[scheme]);
        expect(c, `${scheme} ${id}`).toBeGreaterThan(least[scheme]);
        expect(c, `${scheme} ${id}`).toBeGreaterThan(outliers);
      }
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
