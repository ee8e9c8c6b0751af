import distance from '@turf/distance';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { convertPosition } from '../../../api/domain/china-crs';

/**
 * Published WGS84 → GCJ-02 pairs from the eviltransform project's own test table
 * (github.com/googollee/eviltransform, python tests: Shanghai, Shenzhen, Beijing), written there
 * as lat, lng and here as [lng, lat]. An implementation independent of gcoord.
 */
const WGS_GCJ: { place: string; wgs: Position; gcj: Position }[] = [
  { place: 'Shanghai', wgs: [121.5272106, 31.1774276], gcj: [121.531541859215, 31.17530398364597] },
  { place: 'Shenzhen', wgs: [113.912316, 22.543847], gcj: [113.9171764808363, 22.540796131694766] },
  { place: 'Beijing', wgs: [116.377817, 39.911954], gcj: [116.38404722455657, 39.91334545536069] },
];

/**
 * The GCJ-02 ⇄ BD-09 pair published in the coordtransform project's README and test
 * (github.com/wandergis/coordtransform, test/app.js), for the point 116.404, 39.915.
 */
const GCJ_BD = { gcj: [116.404, 39.915], bd: [116.41036949371029, 39.92133699351021] };
const BD_GCJ = { bd: [116.404, 39.915], gcj: [116.39762729119315, 39.90865673957631] };

const metres = (a: Position, b: Position) => distance(a, b, { units: 'meters' });

describe('convertPosition against published GCJ-02 and BD-09 pairs', () => {
  it.each(WGS_GCJ)('$place: WGS84 → GCJ-02 within 1 m', ({ wgs, gcj }) => {
    expect(metres(convertPosition(wgs, 'wgs84', 'gcj02'), gcj)).toBeLessThan(1);
  });

  it.each(WGS_GCJ)('$place: GCJ-02 → WGS84 within 1 m', ({ wgs, gcj }) => {
    expect(metres(convertPosition(gcj, 'gcj02', 'wgs84'), wgs)).toBeLessThan(1);
  });

  it.each(WGS_GCJ)(
    '$place: the offset is hundreds of metres, so the test can fail',
    ({ wgs, gcj }) => {
      expect(metres(wgs, gcj)).toBeGreaterThan(100);
    },
  );

  it('GCJ-02 → BD-09 and BD-09 → GCJ-02 within 1 m of the published pair', () => {
    expect(metres(convertPosition(GCJ_BD.gcj, 'gcj02', 'bd09'), GCJ_BD.bd)).toBeLessThan(1);
    expect(metres(convertPosition(BD_GCJ.bd, 'bd09', 'gcj02'), BD_GCJ.gcj)).toBeLessThan(1);
  });
});
