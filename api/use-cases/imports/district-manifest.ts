import { z } from 'zod';
import {
  FILE_CRS,
  IMPORT_COLLECTIONS,
  IMPORT_FORMATS,
  TEXT_ENCODINGS,
  type ImportCollection,
} from '../../contract/imports';

/**
 * The order a district's layers are loaded in: each after the layers its rows refer to (grids
 * name communities, members their grids, buildings their grid, the rest their street or
 * community, found by location among the admin areas already loaded).
 */
export const DISTRICT_LAYER_ORDER: readonly ImportCollection[] = [
  'admin-areas',
  'grids',
  'members',
  'buildings',
  'roads',
  'water',
  'service-points',
  'cameras',
];

/** Layers a district cannot be without: everything else refers to them. */
export const REQUIRED_DISTRICT_LAYERS: readonly ImportCollection[] = ['admin-areas', 'grids'];

export const DistrictFileSchema = z.object({
  /** File name, relative to the manifest. */
  file: z.string().min(1),
  collection: z.enum(IMPORT_COLLECTIONS),
  crs: z.enum(FILE_CRS),
  format: z.enum(IMPORT_FORMATS).optional(),
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  mapping: z.record(z.string(), z.string()).optional(),
});
export type DistrictFile = z.infer<typeof DistrictFileSchema>;

/**
 * A district's files, one per layer: `npm run import:district -- manifest.json`. A layer the
 * manifest leaves out is left empty after the replacement.
 */
export const DistrictManifestSchema = z
  .object({
    name: z.string().min(1).optional(),
    files: z.array(DistrictFileSchema).min(1),
  })
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    for (const [i, f] of manifest.files.entries()) {
      if (seen.has(f.collection)) {
        ctx.addIssue({
          code: 'custom',
          path: ['files', i, 'collection'],
          message: `图层 ${f.collection} 出现了两次 / layer ${f.collection} is listed twice`,
        });
      }
      seen.add(f.collection);
    }
    for (const layer of REQUIRED_DISTRICT_LAYERS) {
      if (!seen.has(layer)) {
        ctx.addIssue({
          code: 'custom',
          path: ['files'],
          message: `缺少图层 ${layer} / the manifest must list a ${layer} file`,
        });
      }
    }
  });
export type DistrictManifest = z.infer<typeof DistrictManifestSchema>;

/** The manifest's files in loading order. */
export function filesInLoadingOrder(manifest: DistrictManifest): DistrictFile[] {
  const rank = (f: DistrictFile) => DISTRICT_LAYER_ORDER.indexOf(f.collection);
  return [...manifest.files].sort((a, b) => rank(a) - rank(b));
}
