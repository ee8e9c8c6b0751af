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
