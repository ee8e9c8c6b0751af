import type { Browser } from 'playwright-core';

/** An `[r, g, b]` colour. */
export type Rgb = readonly [number, number, number];

/** What a screenshot contains, in numbers. */
export interface PixelStats {
  total: number;
  /** Distinct colours after reducing each channel to 5 bits (smooths out dithering). */
  distinctColours: number;
  /** Share of the pixels taken by the most common colour (1 = a blank, one-colour image). */
  dominantShare: number;
  /** Pixels within the tolerance of each target colour. */
  matches: Record<string, number>;
}

/**
 * Decodes a PNG screenshot in a blank browser page (no image library needed in Node) and
 * counts its colours and the pixels close to each target colour.
 */
export async function measurePixels(
  browser: Browser,
  png: Buffer,
  targets: Record<string, Rgb>,
  tolerance = 24,
): Promise<PixelStats> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ({ base64, targets, tolerance }) => {
        const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
        const bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none' });
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2d context');
        context.drawImage(bitmap, 0, 0);
        const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
        const histogram = new Map<number, number>();
        const matches: Record<string, number> = Object.fromEntries(
          Object.keys(targets).map((name) => [name, 0]),
        );
        for (let i = 0; i < data.length; i += 4) {
          const [r = 0, g = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
          const key = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
          histogram.set(key, (histogram.get(key) ?? 0) + 1);
          for (const [name, [tr, tg, tb]] of Object.entries(targets)) {
            const near =
              Math.abs(r - tr) <= tolerance &&
              Math.abs(g - tg) <= tolerance &&
              Math.abs(b - tb) <= tolerance;
            if (near) matches[name] = (matches[name] ?? 0) + 1;
          }
        }
        const total = data.length / 4;
        return {
          total,
          distinctColours: histogram.size,
          dominantShare: Math.max(...histogram.values()) / total,
          matches,
        };
      },
      { base64: png.toString('base64'), targets, tolerance },
    );
  } finally {
    await page.close();
  }
}

/** Parses a CSS hex colour (`#rrggbb`). */
export function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}
