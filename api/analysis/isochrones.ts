import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { attachPoints } from '../domain/walking/attach';
import { UnprocessableError } from '../domain/errors';
import { toLngLat, toMetres } from '../domain/walking/projection';
import { reachedPieces } from '../domain/walking/reach';
import { nodeDistances } from '../domain/walking/shortest-paths';
import type { AnalysisModel } from './model';

/** What a reach polygon is drawn from: a service point or a spot on the map. */
export interface ReachOrigin {
  lng: number;
  lat: number;
  facility: string | null;
}

/** The reached network pieces within each distance, as lng/lat multi-lines (largest first). */
export function reachLines(
  model: AnalysisModel,
  origin: ReachOrigin,
  distances: readonly number[],
): { distance: number; lines: MultiLineString }[] {
  const { network } = model;
  const [x, y] = toMetres(network.projection, origin.lng, origin.lat);
  const source = attachPoints(network, [x], [y]);
  if (source.edge[0]! < 0) {
    throw new UnprocessableError('There is no road within 1.5 km of that point to walk from.');
  }
  const sorted = [...new Set(distances)].sort((a, b) => b - a);
  const nodeDist = nodeDistances(network, source, sorted[0]);
  return sorted.map((distance) => ({
    distance,
    lines: {
      type: 'MultiLineString',
      coordinates: reachedPieces(network, nodeDist, source, distance).map((piece) => {
        const out: [number, number][] = [];
        for (let i = 0; i < piece.length; i += 2) {
          const [lng, lat] = toLngLat(network.projection, piece[i]!, piece[i + 1]!);
          out.push([Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7]);
        }
        return out;
      }),
    },
  }));
}

/** The reach polygons as a GeoJSON FeatureCollection, largest distance first. */
export async function reachPolygons(
  model: AnalysisModel,
  origin: ReachOrigin,
  distances: readonly number[],
  buffer: (lines: MultiLineString) => Promise<Polygon | MultiPolygon | null>,
): Promise<FeatureCollection> {
  const features: Feature[] = [];
  for (const { distance, lines } of reachLines(model, origin, distances)) {
    const geometry = await buffer(lines);
    if (!geometry) continue;
    features.push({
      type: 'Feature',
      geometry,
      properties: { distance, facility: origin.facility, origin: [origin.lng, origin.lat] },
    });
  }
  return { type: 'FeatureCollection', features };
}
