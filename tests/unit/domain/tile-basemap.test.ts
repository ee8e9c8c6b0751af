import { describe, expect, it } from 'vitest';
import {
  BASEMAP_LAYERS,
  PATHS_MIN_ZOOM,
  placeLevels,
  roadClassesAt,
} from '../../../api/domain/tile-basemap';
import { buildTileJson } from '../../../api/domain/tile-json';
import { WORLD_BOUNDS } from '../../../api/domain/tile-math';

describe('basemap contract', () => {
  it('lists its layers bottom first with the fields the styles read', () => {
    expect(BASEMAP_LAYERS.map((layer) => [layer.id, Object.keys(layer.fields)])).toEqual([
      ['water', ['name', 'kind']],
      ['roads', ['name', 'class', 'bridge']],
      ['buildings', ['floors']],
      ['boundaries', ['code', 'name', 'level']],
      ['places', ['code', 'name', 'level']],
    ]);
  });

  it('labels the district at every zoom, streets from 11 and communities from 13', () => {
    expect(placeLevels(0)).toEqual(['district']);
    expect(placeLevels(10)).toEqual(['district']);
    expect(placeLevels(11)).toEqual(['district', 'street']);
    expect(placeLevels(13)).toEqual(['district', 'street', 'community']);
  });

  it('carries compound lanes and footpaths only from street zoom', () => {
    expect(roadClassesAt(PATHS_MIN_ZOOM - 1)).toEqual(['arterial', 'street', 'alley']);
    expect(roadClassesAt(PATHS_MIN_ZOOM)).toEqual(['arterial', 'street', 'alley', 'path']);
  });
});

describe('buildTileJson', () => {
  it('spans the zooms of all its layers', () => {
    const layer = (id: string, minzoom: number, maxzoom: number) => ({
      id,
      description: id,
      minzoom,
      maxzoom,
      fields: {},
    });
    const doc = buildTileJson({
      name: 'test',
      description: 'test',
      tileUrl: 'http://x/{z}/{x}/{y}.mvt',
      bounds: WORLD_BOUNDS,
      center: [0, 0, 2],
      layers: [layer('a', 14, 18), layer('b', 10, 16)],
    });
    expect(doc).toMatchObject({ tilejson: '3.0.0', minzoom: 10, maxzoom: 18, scheme: 'xyz' });
    expect(doc.tiles).toEqual(['http://x/{z}/{x}/{y}.mvt']);
  });
});
