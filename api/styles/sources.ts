import type { SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { CollectionId } from '../db/collections';
import { SOURCE_IDS } from '../contract/style-layer-ids';
import type { BasemapCrs } from '../config-basemap';

/** The collections the styles draw from our tiles; incidents only for roles that may read them. */
const DRAWN_COLLECTIONS = ['grids', 'service-points', 'cameras', 'members'] as const;

/** Where the style's URLs point: scheme, host and port, with no trailing slash. */
export function normaliseOrigin(origin: string): string {
  return origin.replace(/\/+$/, '');
}

/**
 * Vector sources for our basemap and collections, each pointing at its TileJSON. MapLibre
 * resolves a TileJSON only from an absolute URL, hence the origin. Over a GCJ-02 basemap the
 * tiles are asked for shifted (`?crs=gcj02`), so they sit on the basemap's streets.
 */
export function buildVectorSources(
  origin: string,
  withIncidents: boolean,
  crs: BasemapCrs = 'wgs84',
): Record<string, SourceSpecification> {
  const base = normaliseOrigin(origin);
  const query = crs === 'wgs84' ? '' : `?crs=${crs}`;
  const ids: string[] = [
    SOURCE_IDS.basemap,
    ...DRAWN_COLLECTIONS,
    ...(withIncidents ? (['incidents'] satisfies CollectionId[]) : []),
  ];
  return Object.fromEntries(
    ids.map((id) => [id, { type: 'vector', url: `${base}/tiles/${id}.json${query}` } as const]),
  );
}
