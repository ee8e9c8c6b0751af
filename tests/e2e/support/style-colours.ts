import { hexToRgb, type Rgb } from './pixels';

/**
 * The colour a fill of `over` at `opacity` gives on top of `under` (MapLibre blends in sRGB),
 * so a test can look for a translucent layer's pixels by colour.
 */
export function blendHex(under: string, over: string, opacity: number): Rgb {
  const [a, b] = [hexToRgb(under), hexToRgb(over)];
  return [0, 1, 2].map((i) => Math.round((a[i] ?? 0) * (1 - opacity) + (b[i] ?? 0) * opacity)) as [
    number,
    number,
    number,
  ];
}
