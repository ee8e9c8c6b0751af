import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../api/domain/errors';
import {
  boundsCenter,
  clampBounds,
  MAX_MERCATOR_LAT,
  parseTileAddress,
  simplifyTolerance,
  tileAt,
  tileBounds,
  WORLD_BOUNDS,
} from '../../../api/domain/tile-math';

const issuePaths = (raw: { z: string; x: string; y: string }) => {
  try {
    parseTileAddress(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) => issue.path);
  }
  throw new Error('expected a ValidationError');
};

describe('parseTileAddress', () => {
  it('accepts the corners of the pyramid', () => {
    expect(parseTileAddress({ z: '0', x: '0', y: '0' })).toEqual({ z: 0, x: 0, y: 0 });
    expect(parseTileAddress({ z: '22', x: '4194303', y: '4194303' })).toEqual({
      z: 22,
      x: 4194303,
      y: 4194303,
    });
  });

  it('refuses a zoom beyond 22', () => {
    expect(issuePaths({ z: '23', x: '0', y: '0' })).toEqual(['z']);
  });

  it('refuses x and y beyond 2^z − 1', () => {
    expect(issuePaths({ z: '3', x: '8', y: '8' })).toEqual(['x', 'y']);
  });

  it.each(['-1', '1.5', '1e3', '01', '', 'abc', ' 1'])('refuses "%s" as a coordinate', (raw) => {
    expect(issuePaths({ z: '10', x: raw, y: '0' })).toEqual(['x']);
  });

  it('names the bad address in its message', () => {
    expect(() => parseTileAddress({ z: '2', x: '9', y: '0' })).toThrow(
      /2\/9\/0.*x must be between 0 and 3/,
    );
  });
});

describe('tile bounds', () => {
  it('span the Web-Mercator world at zoom 0', () => {
    const [w, s, e, n] = tileBounds({ z: 0, x: 0, y: 0 });
    expect([w, e]).toEqual([-180, 180]);
    expect(s).toBeCloseTo(-MAX_MERCATOR_LAT, 9);
    expect(n).toBeCloseTo(MAX_MERCATOR_LAT, 9);
  });

  it('put y = 0 in the north', () => {
    const [, south, , north] = tileBounds({ z: 1, x: 1, y: 0 });
    expect(south).toBeCloseTo(0, 9);
    expect(north).toBeCloseTo(MAX_MERCATOR_LAT, 9);
  });

  it('contain the point tileAt found them for', () => {
    const point: [number, number] = [116.675, 35.4];
    for (const z of [0, 5, 12, 14, 22]) {
      const [w, s, e, n] = tileBounds(tileAt(point, z));
      expect(point[0]).toBeGreaterThanOrEqual(w);
      expect(point[0]).toBeLessThan(e);
      expect(point[1]).toBeGreaterThan(s);
      expect(point[1]).toBeLessThanOrEqual(n);
    }
  });

  it('keep tileAt inside the pyramid at the edges of the world', () => {
    expect(tileAt([180, -90], 3)).toEqual({ z: 3, x: 7, y: 7 });
    expect(tileAt([-180, 90], 3)).toEqual({ z: 3, x: 0, y: 0 });
  });
});

describe('TileJSON bounds and centre', () => {
  it('fall back to the whole world when there is no data', () => {
    expect(clampBounds(null)).toEqual(WORLD_BOUNDS);
  });

  it('clamp to the Web-Mercator latitude limit', () => {
    expect(clampBounds([-200, -90, 10, 89])).toEqual([
      -180,
      -MAX_MERCATOR_LAT,
      10,
      MAX_MERCATOR_LAT,
    ]);
  });

  it('centre a district-sized box at a zoom that shows it whole', () => {
    const [lng, lat, zoom] = boundsCenter([116.647, 35.382, 116.703, 35.418], 0, 18);
    expect(lng).toBeCloseTo(116.675, 6);
    expect(lat).toBeCloseTo(35.4, 2);
    expect(zoom).toBe(13);
  });

  it('keep the centre zoom within the tile set zooms', () => {
    expect(boundsCenter(WORLD_BOUNDS, 10, 18)[2]).toBe(10);
    expect(boundsCenter([116.6, 35.4, 116.6, 35.4], 0, 18)[2]).toBe(18);
  });
});

describe('simplifyTolerance', () => {
  it('is one tile pixel from zoom 12 and coarser below', () => {
    expect(simplifyTolerance(12)).toBe(1);
    expect(simplifyTolerance(22)).toBe(1);
    expect(simplifyTolerance(10)).toBeGreaterThan(1);
    expect(simplifyTolerance(3)).toBeGreaterThanOrEqual(simplifyTolerance(10));
  });
});
