import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { attachPoints } from '../../domain/walking/attach';
import { UnprocessableError } from '../../domain/errors';
import { toMetres } from '../../domain/walking/projection';
import { piecesLength, reachedPieces } from '../../domain/walking/reach';
import { reachPolygon } from '../../domain/walking/reach-polygon';
import { nodeDistances } from '../../domain/walking/shortest-paths';
import type { AnalysisModel } from './model';

/** What a reach polygon is drawn from: a service point or a spot on the map. */
export interface ReachOrigin {
  lng: number;
  lat: number;
  facility: string | null;
}

export interface ReachProperties {
  distance: number;
  facility: string | null;
  origin: [number, number];
  /** Metres of street reached (the skeleton the polygon widens). */
  streetLengthM: number;
}

/**
 * Reach polygons that follow the network: one Dijkstra run from the origin up to the largest
 * distance, the reached pieces for each distance, widened by the walkable width and dissolved.
 * Largest distance first, so a map draws the smaller ones on top.
 */
export function reachPolygons(
  model: AnalysisModel,
  origin: ReachOrigin,
  distances: readonly number[],
  widthM: number,
): FeatureCollection<MultiPolygon, ReachProperties> {
  const { network } = model;
  const [x, y] = toMetres(network.projection, origin.lng, origin.lat);
  const source = attachPoints(network, [x], [y]);
  if (source.edge[0]! < 0) {
    throw new UnprocessableError('There is no road within 1.5 km of that point to walk from.');
  }
  const sorted = [...new Set(distances)].sort((a, b) => b - a);
  const nodeDist = nodeDistances(network, source, sorted[0]);
  const features: Feature<MultiPolygon, ReachProperties>[] = [];
  for (const distance of sorted) {
    const pieces = reachedPieces(network, nodeDist, source, distance);
    const geometry = reachPolygon(pieces, widthM, network.projection);
    if (!geometry) continue;
    features.push({
      type: 'Feature',
      geometry,
      properties: {
        distance,
        facility: origin.facility,
        origin: [origin.lng, origin.lat],
        streetLengthM: Math.round(piecesLength(pieces)),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
