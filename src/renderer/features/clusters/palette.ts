// The map's and list's cluster colours: a stable colour per cluster id, per colour scheme; outliers grey.
// Imports: nothing (pure; colours are computed in OKLCH and converted to sRGB hex here).

export type ColorScheme = 'light' | 'dark';

/** The map's background (tokens.css --bg): halos around highlighted points are drawn in it. */
export const MAP_BACKGROUND: Record<ColorScheme, string> = { light: '#f7f7f5', dark: '#121211' };

export const OUTLIER_COLOR: Record<ColorScheme, string> = { light: '#a3a39b', dark: '#5a5a55' };

// Successive ids step round the hue circle by the golden angle, so neighbouring ids (clusters made in
// one run get consecutive ids) never share a hue, and a cluster keeps its colour after a merge or split
// elsewhere in the run (new clusters get new ids, hence new colours).
const GOLDEN_ANGLE = 137.508;
// Three lightness steps separate hues that end up close after many steps round the circle.
const LIGHTNESS: Record<ColorScheme, readonly number[]> = { light: [0.58, 0.5, 0.66], dark: [0.74, 0.66, 0.82] };
const CHROMA = 0.15;

const cache = new Map<string, string>();

/** The colour of a fine cluster (or group) id; `null` is the outliers' grey. */
export function clusterColor(id: number | null, scheme: ColorScheme): string {
  if (id === null) return OUTLIER_COLOR[scheme];
  const key = `${scheme}:${id}`;
  let hex = cache.get(key);
  if (hex === undefined) {
    const steps = LIGHTNESS[scheme];
    const hue = (id * GOLDEN_ANGLE + 30) % 360;
    hex = oklchToHex(steps[id % steps.length] ?? 0.6, CHROMA, hue);
    cache.set(key, hex);
  }
  return hex;
}

/** OKLCH to an sRGB hex colour, lowering chroma until the colour fits the sRGB gamut. */
export function oklchToHex(l: number, c: number, hueDeg: number): string {
  for (let chroma = c; chroma >= 0; chroma -= 0.005) {
    const rgb = oklchToLinearRgb(l, chroma, hueDeg);
    if (rgb.every((v) => v >= -2e-3 && v <= 1 + 2e-3)) return toHex(rgb);
  }
  return toHex(oklchToLinearRgb(l, 0, hueDeg));
}

function oklchToLinearRgb(l: number, c: number, hueDeg: number): [number, number, number] {
  const h = (hueDeg * Math.PI) / 180;
  const a = c * Math.cos(h);
  const b = c * Math.sin(h);
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
    -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
    -0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_,
  ];
}

function toHex(linear: [number, number, number]): string {
  return (
    '#' +
    linear
      .map((v) => {
        const x = Math.min(1, Math.max(0, v));
        const srgb = x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055;
        return Math.round(srgb * 255)
          .toString(16)
          .padStart(2, '0');
      })
      .join('')
  );
}
