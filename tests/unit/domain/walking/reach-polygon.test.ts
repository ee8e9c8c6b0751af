import { area, booleanPointInPolygon, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { toLngLat } from '../../../../api/domain/walking/projection';
import { reachedPieces } from '../../../../api/domain/walking/reach';
import { reachPolygon } from '../../../../api/domain/walking/reach-polygon';
import { nodeDistances } from '../../../../api/domain/walking/shortest-paths';
import { PLANE, attach, riverWithOneBridge } from './hand-made';

describe('reach polygons', () => {
  const network = riverWithOneBridge();
  const source = attach(network, [300, 0]);
  const pieces = reachedPieces(network, nodeDistances(network, source, 450), source, 450);
  const polygon = reachPolygon(pieces, 40, PLANE)!;
  const inside = (x: number, y: number) =>
    booleanPointInPolygon(point(toLngLat(PLANE, x, y)), polygon);

  it('widen the reached streets by the walkable width', () => {
    // 1,050 m of street reached, 40 m wide: about 42,000 m², plus the overlap at the junction.
    expect(area(polygon)).toBeGreaterThan(1050 * 40 * 0.9);
    expect(area(polygon)).toBeLessThan(1050 * 40 * 1.15);
  });

  it('hold the streets reached and not the far bank opposite', () => {
    expect(inside(0, 0)).toBe(true);
    expect(inside(740, 10)).toBe(true);
    expect(inside(500, 190)).toBe(true);
    expect(inside(300, 200)).toBe(false); // 200 m away across the river, 600 m on foot
    expect(inside(300, 100)).toBe(false); // the river itself
    expect(inside(800, 0)).toBe(false); // beyond 450 m along the bank
  });

  it('is nothing when nothing is reached', () => {
    expect(reachPolygon([], 40, PLANE)).toBeNull();
  });
});
