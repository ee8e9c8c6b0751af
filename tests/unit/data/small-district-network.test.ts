import { booleanIntersects, booleanPointInPolygon } from '@turf/turf';
import type { LineString, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAMERA_KINDS, ROAD_CLASSES, SERVICE_CATEGORIES } from '../../../api/contract/codes';
import { generateDistrict } from '../../../data/district/generate';
import {
  NOW,
  collectRows,
  feature,
  groupBy,
  roadComponents,
  type AllRows,
} from './district-fixtures';

let rows: AllRows;

beforeAll(() => {
  rows = collectRows(generateDistrict({ seed: 11, scale: 'small', now: NOW })).rows;
}, 60_000);

const key = (p: Position) => `${p[0]},${p[1]}`;
const line = (coordinates: Position[]): LineString => ({ type: 'LineString', coordinates });

describe('small demo district: roads, river and bridges', () => {
  it('has one river and two bridges over it', () => {
    expect(rows.water_areas).toHaveLength(1);
    expect(rows.water_areas[0]?.kind).toBe('river');
    expect(rows.roads.filter((r) => r.bridge)).toHaveLength(2);
    expect(new Set(rows.roads.map((r) => r.class))).toEqual(new Set(ROAD_CLASSES));
  });

  it('splits roads at every junction into two-point segments with unique ids and names', () => {
    for (const r of rows.roads) {
      expect(r.geom.coordinates).toHaveLength(2);
      expect(r.name).toMatch(/(路|街|巷|桥|步道)$/);
      expect(r.street_code).toBe('370871001000');
    }
    expect(new Set(rows.roads.map((r) => r.id)).size).toBe(rows.roads.length);
  });

  it('forms one connected walking network through shared end points', () => {
    expect(roadComponents(rows.roads.map((r) => r.geom.coordinates))).toBe(1);
  });

  it('meets every grid corner on land with a road', () => {
    const river = feature(
      rows.water_areas[0]?.geom as NonNullable<AllRows['water_areas'][0]>['geom'],
    );
    const ends = new Set(rows.roads.flatMap((r) => r.geom.coordinates.map(key)));
    for (const g of rows.grids) {
      for (const p of g.geom.coordinates[0] ?? []) {
        if (!booleanPointInPolygon(p, river)) expect(ends.has(key(p))).toBe(true);
      }
    }
  });

  it('lets only bridges cross or touch the river', () => {
    const river = feature(
      rows.water_areas[0]?.geom as NonNullable<AllRows['water_areas'][0]>['geom'],
    );
    for (const r of rows.roads) {
      expect(booleanIntersects(feature(line(r.geom.coordinates)), river)).toBe(r.bridge);
    }
  });

  it('falls apart into the two banks without its bridges', () => {
    const withoutBridges = rows.roads.filter((r) => !r.bridge).map((r) => r.geom.coordinates);
    expect(roadComponents(withoutBridges)).toBe(2);
  });

  it('keeps buildings clear of the river', () => {
    const river = feature(
      rows.water_areas[0]?.geom as NonNullable<AllRows['water_areas'][0]>['geom'],
    );
    for (const b of rows.buildings) expect(booleanIntersects(feature(b.geom), river)).toBe(false);
  });
}, 60_000);

describe('small demo district: cameras and service points', () => {
  it('has a few hundred cameras of every kind with unique 20-digit codes', () => {
    expect(rows.cameras.length).toBeGreaterThan(200);
    expect(new Set(rows.cameras.map((c) => c.kind))).toEqual(new Set(CAMERA_KINDS));
    expect(new Set(rows.cameras.map((c) => c.code)).size).toBe(rows.cameras.length);
    for (const c of rows.cameras) {
      expect(c.code).toMatch(/^\d{20}$/);
      expect(c.heading).toBeGreaterThanOrEqual(0);
      expect(c.heading).toBeLessThan(360);
      expect(c.fov).toBeGreaterThanOrEqual(c.kind === 'high_point' ? 120 : 40);
      expect(c.range_m).toBeGreaterThan(0);
      expect(c.stream_url).toBeNull();
    }
  });

  it('keeps most cameras online', () => {
    const online = rows.cameras.filter((c) => c.status === 'online').length / rows.cameras.length;
    expect(online).toBeGreaterThan(0.8);
    expect(online).toBeLessThan(0.97);
  });

  it('has service points of all twenty categories with unique codes', () => {
    expect(rows.service_points.length).toBeGreaterThanOrEqual(80);
    expect(new Set(rows.service_points.map((s) => s.category))).toEqual(
      new Set(SERVICE_CATEGORIES),
    );
    expect(new Set(rows.service_points.map((s) => s.code)).size).toBe(rows.service_points.length);
    const communities = new Set(rows.admin_areas.map((a) => a.code));
    for (const s of rows.service_points) {
      expect(communities.has(s.community_code)).toBe(true);
      expect(s.community_code.slice(0, 9)).toBe(s.street_code.slice(0, 9));
      expect(s.opening_hours.length).toBeGreaterThan(0);
    }
  });

  it('puts a party service centre in every community', () => {
    const byCommunity = groupBy(
      rows.service_points.filter((s) => s.category === 'party_service_center'),
      (s) => s.community_code,
    );
    expect(byCommunity.size).toBe(rows.admin_areas.filter((a) => a.level === 'community').length);
  });
}, 60_000);
