import { area, booleanPointInPolygon, booleanWithin, kinks } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../data/district/generate';
import {
  NOW,
  collectRows,
  feature,
  groupBy,
  isConvexCounterClockwise,
  signedArea,
  type AllRows,
} from './district-fixtures';

let rows: AllRows;

beforeAll(() => {
  rows = collectRows(generateDistrict({ seed: 7, scale: 'small', now: NOW })).rows;
}, 60_000);

const ringOf = (geom: { coordinates: unknown }): Position[] => {
  const c = geom.coordinates as Position[][] | Position[][][];
  return (
    (Array.isArray(c[0]?.[0]?.[0]) ? (c as Position[][][])[0]?.[0] : (c as Position[][])[0]) ?? []
  );
};
const polygonOf = (geom: { coordinates: unknown }): Polygon => ({
  type: 'Polygon',
  coordinates: [ringOf(geom)],
});

describe('small demo district: admin areas and grids', () => {
  it('is one street of four communities with about 80 grids', () => {
    const levels = groupBy(rows.admin_areas, (a) => a.level);
    expect(levels.get('district')?.map((a) => a.code)).toEqual(['370871000000']);
    expect(levels.get('district')?.[0]?.name).toContain('演示');
    expect(levels.get('street')?.map((a) => a.code)).toEqual(['370871001000']);
    expect(levels.get('community')).toHaveLength(4);
    expect(rows.grids.length).toBeGreaterThanOrEqual(70);
    expect(rows.grids.length).toBeLessThanOrEqual(90);
  });

  it('codes communities with 12 digits under their street', () => {
    for (const c of rows.admin_areas.filter((a) => a.level === 'community')) {
      expect(c.code).toMatch(/^370871001\d{3}$/);
      expect(c.parent_code).toBe('370871001000');
      expect(c.name).toMatch(/(社区|村)$/);
    }
  });

  it('keeps every residential grid at 300–500 households and 1,000–1,500 people', () => {
    const residential = rows.grids.filter((g) => g.kind === 'residential');
    expect(residential.length).toBeGreaterThan(60);
    for (const g of residential) {
      expect(g.households).toBeGreaterThanOrEqual(300);
      expect(g.households).toBeLessThanOrEqual(500);
      expect(g.population).toBeGreaterThanOrEqual(1000);
      expect(g.population).toBeLessThanOrEqual(1500);
    }
  });

  it('codes grids with 15 digits numbered west→east, north→south within a community', () => {
    for (const [community, grids] of groupBy(rows.grids, (g) => g.community_code)) {
      const sorted = [...grids].sort((a, b) => a.code.localeCompare(b.code));
      sorted.forEach((g, k) => expect(g.code).toBe(community + String(k + 1).padStart(3, '0')));
      const centres = sorted.map((g) => {
        const ring = g.geom.coordinates[0]?.slice(0, -1) ?? [];
        const mean = (axis: 0 | 1) => ring.reduce((s, p) => s + (p[axis] ?? 0), 0) / ring.length;
        return { lng: mean(0), lat: mean(1) };
      });
      const bands: { lng: number; lat: number }[][] = [];
      centres.forEach((c, k) => {
        if (k === 0 || c.lng < (centres[k - 1]?.lng ?? 0)) bands.push([c]);
        else bands[bands.length - 1]?.push(c);
      });
      expect(bands.length).toBeGreaterThan(1);
      const lat = (band: { lat: number }[]) => band.reduce((s, c) => s + c.lat, 0) / band.length;
      for (let b = 1; b < bands.length; b++) {
        expect(lat(bands[b] ?? [])).toBeLessThan(lat(bands[b - 1] ?? []));
        expect(bands[b]).toHaveLength(bands[0]?.length ?? 0);
      }
    }
  });

  it('tiles each community with its grids, the street with its communities, the district with its streets', () => {
    const areaOf = (geom: { coordinates: unknown }) => area(feature(polygonOf(geom)));
    const admin = new Map(rows.admin_areas.map((a) => [a.code, areaOf(a.geom)]));
    const close = (parts: number, whole: number | undefined) =>
      expect(Math.abs(parts - (whole ?? 0)) / (whole ?? 1)).toBeLessThan(1e-9);
    for (const [code, grids] of groupBy(rows.grids, (g) => g.community_code)) {
      close(
        grids.reduce((s, g) => s + areaOf(g.geom), 0),
        admin.get(code),
      );
    }
    const communities = rows.admin_areas.filter((a) => a.level === 'community');
    close(
      communities.reduce((s, c) => s + (admin.get(c.code) ?? 0), 0),
      admin.get('370871001000'),
    );
    close(admin.get('370871001000') ?? 0, admin.get('370871000000'));
  });

  it('writes closed, counter-clockwise, simple rings and convex grid cells', () => {
    for (const a of rows.admin_areas) {
      const ring = ringOf(a.geom);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(signedArea(ring)).toBeGreaterThan(0);
      expect(kinks(feature(polygonOf(a.geom))).features).toHaveLength(0);
    }
    for (const g of rows.grids)
      expect(isConvexCounterClockwise(g.geom.coordinates[0] ?? [])).toBe(true);
  });

  it('gives every grid a leader and a street code', () => {
    for (const g of rows.grids) {
      expect(g.leader_id).toMatch(/^M\d{6}$/);
      expect(g.street_code).toBe('370871001000');
    }
    const shops = rows.grids.filter((g) => g.kind === 'shop');
    expect(shops.length).toBeGreaterThan(0);
    expect(shops.every((g) => g.shops > 0)).toBe(true);
  });

  it('places every building inside its grid, with households and population summing to the grid', () => {
    const grids = new Map(rows.grids.map((g) => [g.code, g]));
    for (const [code, buildings] of groupBy(rows.buildings, (b) => b.grid_code)) {
      const grid = grids.get(code);
      expect(grid).toBeDefined();
      expect(buildings.reduce((s, b) => s + b.households, 0)).toBe(grid?.households);
      expect(buildings.reduce((s, b) => s + b.population, 0)).toBe(grid?.population);
    }
    for (const b of rows.buildings) {
      const grid = grids.get(b.grid_code);
      expect(booleanWithin(feature(b.geom), feature(grid?.geom as Polygon))).toBe(true);
      expect(signedArea(b.geom.coordinates[0] ?? [])).toBeGreaterThan(0);
    }
    expect(new Set(rows.buildings.map((b) => b.id)).size).toBe(rows.buildings.length);
  });

  it('keeps every point feature inside the district polygon', () => {
    const district = feature(
      rows.admin_areas[0]?.geom as NonNullable<AllRows['admin_areas'][0]>['geom'],
    );
    const points = [
      ...rows.cameras.map((c) => c.geom),
      ...rows.service_points.map((s) => s.geom),
      ...rows.incidents.map((i) => i.geom),
      ...rows.grid_members.flatMap((m) => (m.geom ? [m.geom] : [])),
    ];
    expect(points.length).toBeGreaterThan(2000);
    for (const p of points) expect(booleanPointInPolygon(p, district)).toBe(true);
  });
}, 60_000);
