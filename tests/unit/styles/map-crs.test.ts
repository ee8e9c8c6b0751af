import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import {
  fromMapFrame,
  geometryToMapFrame,
  mapCrsOf,
  toMapFrame,
} from '../../../web/domain/map-crs';
import { wallDataToMapFrame } from '../../../web/domain/wall-data-crs';

const P: [number, number] = [116.3912, 39.9062];
const GCJ = gcoord.transform(P, gcoord.WGS84, gcoord.GCJ02) as [number, number];

describe('client-side GCJ-02 shift', () => {
  it('moves positions as gcoord does, and back within 5 cm', () => {
    expect(toMapFrame(P, 'gcj02')).toEqual(GCJ);
    expect(toMapFrame(P, 'wgs84')).toBe(P);
    const back = fromMapFrame(GCJ, 'gcj02');
    expect(Math.abs(back[0] - P[0])).toBeLessThan(5e-7);
    expect(Math.abs(back[1] - P[1])).toBeLessThan(5e-7);
  });

  it('moves every vertex of a geometry', () => {
    const shifted = geometryToMapFrame(
      { type: 'MultiPolygon', coordinates: [[[P, P, P, P]]] },
      'gcj02',
    );
    expect(shifted.coordinates[0]![0]).toEqual([GCJ, GCJ, GCJ, GCJ]);
  });

  it('reads the CRS from a style’s metadata', () => {
    expect(mapCrsOf({ 'yiping:crs': 'gcj02' })).toBe('gcj02');
    expect(mapCrsOf({})).toBe('wgs84');
    expect(mapCrsOf(undefined)).toBe('wgs84');
  });

  it('shifts the wall’s data but keeps codes and order (picking still finds the same item)', () => {
    const data = {
      grids: [
        {
          code: 'G1',
          geometry: { type: 'Polygon' as const, coordinates: [[P, P, P, P]] },
          labelAt: P,
        },
      ],
      cameras: [{ code: 'C1', lng: P[0], lat: P[1] }],
      servicePoints: [],
      members: [],
      trails: new Map([['m1', [P]]]),
      incidents: [{ code: 'I1', lng: P[0], lat: P[1] }],
      reach: [],
    };
    const shifted = wallDataToMapFrame(data, 'gcj02');
    expect(shifted.cameras[0]).toEqual({ code: 'C1', lng: GCJ[0], lat: GCJ[1] });
    expect(shifted.incidents[0]!.code).toBe('I1');
    expect(shifted.grids[0]!.labelAt).toEqual(GCJ);
    expect(shifted.trails.get('m1')).toEqual([GCJ]);
    expect(wallDataToMapFrame(data, 'wgs84')).toBe(data);
  });
});
