import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import type { Geometry } from 'geojson';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { encodeTile, type TileValue } from '../../../api/domain/tile-encode';

const decode = (bytes: Uint8Array) => new VectorTile(new PbfReader(bytes));

function encodeOne(geometry: Geometry, properties: Record<string, TileValue> = {}) {
  const tile = decode(encodeTile([{ name: 'layer', features: [{ geometry, properties }] }]));
  return tile.layers.layer!.feature(0);
}

const coordinates = (feature: VectorTileFeature) =>
  feature.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y]));

/** Signed area with y down: positive means clockwise on screen (an MVT exterior ring). */
const screenArea = (ring: number[][]) =>
  ring.reduce((sum, [x1 = 0, y1 = 0], i) => {
    const [x2 = 0, y2 = 0] = ring[(i + 1) % ring.length]!;
    return sum + (x1 * y2 - x2 * y1);
  }, 0) / 2;

describe('encodeTile', () => {
  it('writes a version-2 layer with extent 4096', () => {
    const tile = decode(
      encodeTile([
        {
          name: 'cameras',
          features: [{ geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} }],
        },
      ]),
    );
    expect(tile.layers.cameras).toMatchObject({ version: 2, extent: 4096, length: 1 });
  });

  it('encodes points and multipoints as type 1', () => {
    const point = encodeOne({ type: 'Point', coordinates: [10, 20] });
    expect([point.type, coordinates(point)]).toEqual([1, [[[10, 20]]]]);
    const multi = encodeOne({
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
    // The reader returns each point of a multipoint as its own one-point "ring".
    expect([multi.type, coordinates(multi)]).toEqual([1, [[[1, 2]], [[3, 4]]]]);
  });

  it('encodes every part of a MultiLineString as one type-2 feature', () => {
    const feature = encodeOne({
      type: 'MultiLineString',
      coordinates: [
        [
          [0, 0],
          [10, 0],
        ],
        [
          [20, 20],
          [30, 40],
          [50, 40],
        ],
      ],
    });
    expect(feature.type).toBe(2);
    expect(coordinates(feature)).toEqual([
      [
        [0, 0],
        [10, 0],
      ],
      [
        [20, 20],
        [30, 40],
        [50, 40],
      ],
    ]);
  });

  it('keeps ring winding, so exterior rings stay clockwise on screen and holes opposite', () => {
    const outer = [
      [0, 0],
      [100, 0],
      [100, 100],
      [0, 100],
      [0, 0],
    ];
    const hole = [
      [20, 20],
      [20, 80],
      [80, 80],
      [80, 20],
      [20, 20],
    ];
    const feature = encodeOne({ type: 'Polygon', coordinates: [outer, hole] });
    const rings = coordinates(feature);
    expect(feature.type).toBe(3);
    expect(screenArea(rings[0]!)).toBeGreaterThan(0);
    expect(screenArea(rings[1]!)).toBeLessThan(0);
    expect(feature.toGeoJSON(0, 0, 0).geometry.type).toBe('Polygon');
  });

  it('writes a MultiPolygon as the rings of all its parts in one feature', () => {
    const square = (x: number) => [
      [x, 0],
      [x + 10, 0],
      [x + 10, 10],
      [x, 10],
      [x, 0],
    ];
    const feature = encodeOne({ type: 'MultiPolygon', coordinates: [[square(0)], [square(50)]] });
    expect(coordinates(feature)).toHaveLength(2);
    expect(feature.toGeoJSON(0, 0, 0).geometry.type).toBe('MultiPolygon');
  });

  it('keeps string, number and boolean properties and leaves out nulls', () => {
    const feature = encodeOne(
      { type: 'Point', coordinates: [1, 1] },
      { name: '网格', floors: 6, heading: 42.5, bridge: true, closed_at: null },
    );
    expect(feature.properties).toEqual({ name: '网格', floors: 6, heading: 42.5, bridge: true });
    expect(feature.id).toBeUndefined();
  });

  it('leaves out layers without features, so an empty tile is zero bytes', () => {
    expect(encodeTile([{ name: 'grids', features: [] }]).byteLength).toBe(0);
    const tile = decode(
      encodeTile([
        { name: 'empty', features: [] },
        {
          name: 'full',
          features: [{ geometry: { type: 'Point', coordinates: [0, 0] }, properties: {} }],
        },
      ]),
    );
    expect(Object.keys(tile.layers)).toEqual(['full']);
  });
});
