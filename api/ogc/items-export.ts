import type { Feature } from 'geojson';
import type { Collection } from '../db/collections';
import type { FeaturePage } from '../db/features';
import { type Crs, isShifted } from '../domain/crs';
import { writeExport } from '../files/write-export';
import { exportLayerOf, shiftFeatures } from '../files/write-fields';
import type { ItemsOutput } from './items-format';
import type { Link } from './links';

/**
 * The CRS the database is asked for: files always get longitude first (CSV's `lng`,`lat`
 * columns and GeoPackage's x, y), whatever axis order the CRS's own definition has.
 */
export function queryCrsOf(crs: Crs, output: ItemsOutput): Crs {
  return output.format === 'json' ? crs : { ...crs, latFirst: false };
}

/**
 * A page's GeoJSON features array in the requested CRS: the database's text as it is, unless the
 * CRS is GCJ-02 or BD-09, which gcoord converts per coordinate.
 */
export function featuresJsonIn(featuresJson: string, crs: Crs): string {
  if (!isShifted(crs)) return featuresJson;
  return JSON.stringify(shiftFeatures(JSON.parse(featuresJson) as Feature[], crs.fileCrs!));
}

/** The paging links of a file answer as an RFC 8288 `Link` header (a file cannot carry them). */
function linkHeader(links: Link[]): string {
  return links
    .filter((link) => link.rel === 'next' || link.rel === 'prev')
    .map((link) => `<${link.href}>; rel="${link.rel}"`)
    .join(', ');
}

/**
 * The body and headers of one items page as a CSV or GeoPackage attachment (`grids.csv`, `grids.gpkg`) with its
 * Content-Crs, and the next and previous pages in a `Link` header.
 */
export async function exportResponse(
  collection: Collection,
  page: FeaturePage,
  crs: Crs,
  output: ItemsOutput,
  links: Link[],
  now: Date,
): Promise<{ body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }> {
  const format = output.format === 'json' ? 'geojson' : output.format;
  const features = JSON.parse(page.featuresJson) as Feature[];
  const file = await writeExport(exportLayerOf(collection, crs.fileCrs ?? 'wgs84'), features, {
    format,
    encoding: output.encoding,
    now,
  });
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.filename}"`,
    'Content-Crs': `<${crs.uri}>`,
  };
  const link = linkHeader(links);
  if (link) headers.Link = link;
  return { body: new Uint8Array(file.bytes), headers };
}
