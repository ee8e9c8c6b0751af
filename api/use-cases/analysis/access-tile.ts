import type { ServiceCategory } from '../../contract/codes';
import { encodeTile, type TileFeature } from '../../domain/tile-encode';
import { TILE_BUFFER_PX, TILE_EXTENT, type TileAddress, tileBounds } from '../../domain/tile-math';
import type { AnswerArea } from './area-filter';
import { categoryDistances } from './engine';
import type { AnalysisModel } from './model';

/** Name of the one layer in a walking-distance tile. */
export const ACCESS_TILE_LAYER = 'walking_distance';

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/**
 * A vector tile of the answer's buildings as points, each with its walking metres to the nearest
 * facility of the category (`distance_m`, absent when there is no path) and whether that is
 * within `distance` — the same figures as the GeoJSON, for MapLibre or QGIS to colour.
 */
export function accessTile(
  model: AnalysisModel,
  category: ServiceCategory,
  distance: number,
  answer: AnswerArea,
  tile: TileAddress,
): Uint8Array {
  const walking = categoryDistances(model, category);
  const [w, s, e, n] = tileBounds(tile);
  const top = mercY(n);
  const scaleX = TILE_EXTENT / (e - w);
  const scaleY = TILE_EXTENT / (top - mercY(s));
  const features: TileFeature[] = [];
  model.buildings.forEach((b, i) => {
    if (!answer.include[i]) return;
    const x = Math.round((b.lng - w) * scaleX);
    const y = Math.round((top - mercY(b.lat)) * scaleY);
    const margin = TILE_BUFFER_PX;
    if (x < -margin || y < -margin || x > TILE_EXTENT + margin || y > TILE_EXTENT + margin) return;
    const metres = walking[i]!;
    features.push({
      geometry: { type: 'Point', coordinates: [x, y] },
      properties: {
        id: b.id,
        grid_code: b.gridCode,
        population: b.population,
        distance_m: Number.isFinite(metres) ? Math.round(metres) : null,
        covered: metres <= distance,
      },
    });
  });
  return encodeTile([{ name: ACCESS_TILE_LAYER, features }]);
}
