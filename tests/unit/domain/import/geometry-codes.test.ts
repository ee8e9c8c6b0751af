import { describe, expect, it } from 'vitest';
import {
  adminCodeFault,
  communityKindOfName,
  levelOfCode,
  parentOfCode,
} from '../../../../api/domain/import/admin-codes';
import { derivedCode, shapeGeometry, toWgs84 } from '../../../../api/domain/import/geometry-shape';
import { ringFault } from '../../../../api/domain/import/rings';
import { convertPosition } from '../../../../api/domain/china-crs';

const ring = [
  [116, 39],
  [116.01, 39],
  [116.01, 39.01],
  [116, 39],
];

describe('admin codes (GB/T 2260)', () => {
  it('accepts 12-digit codes with a county prefix and refuses the rest', () => {
    expect(adminCodeFault('370811001001')).toBeNull();
    expect(adminCodeFault('37081100100')).not.toBeNull();
    expect(adminCodeFault('990811001001')).not.toBeNull();
    expect(adminCodeFault('370800001001')).not.toBeNull();
  });

  it('derives the level and parent from the code', () => {
    expect([levelOfCode('370811000000'), parentOfCode('370811000000')]).toEqual(['district', null]);
    expect([levelOfCode('370811001000'), parentOfCode('370811001000')]).toEqual([
      'street',
      '370811000000',
    ]);
    expect([levelOfCode('370811001002'), parentOfCode('370811001002')]).toEqual([
      'community',
      '370811001000',
    ]);
    expect([communityKindOfName('王庄村'), communityKindOfName('洸河社区')]).toEqual([
      'village',
      'urban',
    ]);
  });
});

describe('shapeGeometry', () => {
  it('takes a one-part MultiPolygon as a Polygon and a Polygon as a MultiPolygon', () => {
    expect(shapeGeometry('Polygon', { type: 'MultiPolygon', coordinates: [[ring]] })).toEqual({
      ok: true,
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
    expect(shapeGeometry('MultiPolygon', { type: 'Polygon', coordinates: [ring] })).toMatchObject({
      ok: true,
      geometry: { type: 'MultiPolygon' },
    });
  });

  it('refuses several parts, another type, no geometry and coordinates out of range', () => {
    expect(
      shapeGeometry('Polygon', { type: 'MultiPolygon', coordinates: [[ring], [ring]] }).ok,
    ).toBe(false);
    expect(shapeGeometry('Point', { type: 'LineString', coordinates: ring }).ok).toBe(false);
    expect(shapeGeometry('Point', null).ok).toBe(false);
    expect(shapeGeometry('Point', { type: 'Point', coordinates: [39, 116] })).toMatchObject({
      ok: false,
      en: 'Coordinates out of longitude/latitude range: 39, 116 (latitude and longitude swapped?).',
    });
    expect(shapeGeometry('Point', { type: 'Point', coordinates: [116, 139] }).ok).toBe(false);
  });

  it('refuses malformed coordinates and unknown types instead of failing', () => {
    const bad = [
      { type: 'Point' },
      { type: 'Point', coordinates: ['116', 39] },
      { type: 'Polygon', coordinates: [[116, 39]] },
      { type: 'MultiPolygon', coordinates: [] },
      { type: 'Circle', coordinates: [116, 39] },
    ];
    for (const g of bad) expect(shapeGeometry('Polygon', g as never).ok).toBe(false);
  });

  it('finds unclosed rings before PostGIS would refuse to parse them', () => {
    expect(ringFault({ type: 'Polygon', coordinates: [ring.slice(0, 3)] })).not.toBeNull();
    expect(ringFault({ type: 'Polygon', coordinates: [ring] })).toBeNull();
  });
});

describe('conversion and derived codes', () => {
  it('converts GCJ-02 to WGS84 and drops extra ordinates', () => {
    const gcj = convertPosition([116.4, 39.9], 'wgs84', 'gcj02');
    const back = toWgs84({ type: 'Point', coordinates: [...gcj, 50] }, 'gcj02');
    expect(back.type === 'Point' && back.coordinates.length).toBe(2);
    const [lng, lat] = back.type === 'Point' ? back.coordinates : [0, 0];
    expect(Math.abs(lng! - 116.4)).toBeLessThan(1e-5);
    expect(Math.abs(lat! - 39.9)).toBeLessThan(1e-5);
  });

  it('derives the same code for the same geometry and another for a moved one', () => {
    const a = derivedCode('BLD', { type: 'Point', coordinates: [116, 39] });
    expect(derivedCode('BLD', { type: 'Point', coordinates: [116, 39] })).toBe(a);
    expect(derivedCode('BLD', { type: 'Point', coordinates: [116, 39.0001] })).not.toBe(a);
    expect(a).toMatch(/^BLD-[0-9a-f]{16}$/);
  });
});
