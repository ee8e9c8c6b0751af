import { z } from 'zod';

/** The coordinate systems a basemap may be drawn in: WGS84 (our data) or GCJ-02 (Gaode, Tencent). */
export const BASEMAP_CRSS = ['wgs84', 'gcj02'] as const;
export type BasemapCrs = (typeof BASEMAP_CRSS)[number];

/** `BASEMAP_CRS`: the CRS of the custom style's tiles; our overlays are shifted to it. */
export const BasemapCrsSchema = z.enum(BASEMAP_CRSS, {
  message: 'must be wgs84 or gcj02 (the coordinate system of the custom style’s tiles)',
});

/** `BASEMAP_STYLE_URL`: an http(s) URL of a MapLibre style (version 8) JSON document. */
export const BasemapStyleUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL of a MapLibre style JSON');

/** A custom basemap from the configuration: any MapLibre style, in WGS84 or GCJ-02. */
export interface CustomBasemap {
  styleUrl: string;
  crs: BasemapCrs;
  /** Its name in the basemap switcher (Chinese first, then English). */
  title: string;
}

/** `BASEMAP_TILE_ORIGINS`: comma-separated http(s) origins a custom style's tiles come from. */
export const BasemapOriginsSchema = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().refine((value) => {
        try {
          return ['http:', 'https:'].includes(new URL(value).protocol);
        } catch {
          return false;
        }
      }, 'each entry must be an http:// or https:// origin, e.g. https://tiles.example.com'),
    ),
  )
  .transform((origins) => origins.map((origin) => new URL(origin).origin));

/** Tianditu's tile hosts t0 … t7 (api/styles/tianditu.ts). */
const TIANDITU_ORIGIN = 'https://*.tianditu.gov.cn';

/**
 * The origins outside our own that the browser may load basemap styles and tiles from: Tianditu
 * when its key is set, the custom style's origin and any configured tile origins. The page's
 * Content-Security-Policy allows exactly these; with nothing configured, only our own origin.
 */
export function mapOrigins(settings: {
  tiandituToken: string | undefined;
  styleUrl: string | undefined;
  tileOrigins: readonly string[];
}): string[] {
  const origins = [
    ...(settings.tiandituToken ? [TIANDITU_ORIGIN] : []),
    ...(settings.styleUrl ? [new URL(settings.styleUrl).origin] : []),
    ...settings.tileOrigins,
  ];
  return [...new Set(origins)];
}
