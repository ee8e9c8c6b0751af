import { useMemo } from 'react';
import type { SearchHit, SearchIndex } from '../../domain/search';
import type { MapFocus } from '../../map/use-map-focus';
import { SearchBox } from '../search-box/search-box';
import type { PlaceStop } from './use-tour-stops';
import type { WallData } from './use-wall-data';

/** Zoom the map flies to for a found incident, camera, grid or service point. */
const FOUND_ZOOM = 16;

/**
 * Where the map goes for a search hit: the thing's point, a road's box around all its
 * segments, or a street's or community's box.
 */
export function focusOfHit(hit: SearchHit, places: readonly PlaceStop[]): MapFocus | null {
  const key = `hit-${hit.kind}-${hit.id}-${Date.now()}`;
  if (hit.bounds) return { key, bounds: hit.bounds };
  if (hit.lngLat) return { key, center: hit.lngLat, zoom: FOUND_ZOOM };
  const place = places.find((p) => p.code === hit.id);
  return place ? { key, bounds: place.bounds } : null;
}

/** The title bar's search over what the wall holds (and addresses on the server). */
export function WallSearch({
  data,
  places,
  onPick,
}: {
  data: WallData;
  places: readonly PlaceStop[];
  onPick: (hit: SearchHit) => void;
}) {
  const index = useMemo<SearchIndex>(
    () => ({
      incidents: data.allIncidents,
      grids: data.grids,
      cameras: data.cameras,
      servicePoints: data.servicePoints,
      places: places
        .filter((p) => p.level !== 'district')
        .map((p) => ({
          code: p.code,
          name: p.name,
          level: p.level === 'street' ? 'street' : 'community',
        })),
    }),
    [data.allIncidents, data.grids, data.cameras, data.servicePoints, places],
  );
  return <SearchBox index={index} onPick={onPick} />;
}
