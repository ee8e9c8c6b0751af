import {
  bbox,
  booleanIntersects,
  booleanTouches,
  centroid,
  lineIntersect,
  lineString,
  pointToLineDistance,
} from '@turf/turf';
import type { BBox, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDistrict, type DistrictPlan } from '../../../data/district/generate';
import { NOW, collectRows, feature, roadComponents, type AllRows } from './district-fixtures';

let plan: DistrictPlan;
let rows: AllRows;

beforeAll(() => {
  plan = generateDistrict({ seed: 11, scale: 'small', now: NOW });
  rows = collectRows(plan).rows;
}, 60_000);

type Road = AllRows['roads'][number];

/** About 45 m in degrees at this latitude, to pick the roads near a point before measuring. */
const NEAR_DEG = 0.0005;

const overlaps = (a: BBox, b: BBox, pad = 0) =>
  a[0] - pad <= b[2] && b[0] - pad <= a[2] && a[1] - pad <= b[3] && b[1] - pad <= a[3];

const samePoint = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

function roadBoxes(roads: readonly Road[]): { road: Road; box: BBox }[] {
  return roads.map((road) => ({ road, box: bbox(road.geom) }));
}

describe('small demo district: compound lanes and footpaths', () => {
  it('adds lanes and footpaths as class path, named after their grid or building', () => {
    const paths = rows.roads.filter((r) => r.class === 'path');
    expect(paths.length).toBeGreaterThan(rows.buildings.length);
    expect(paths.filter((r) => r.name.endsWith('步道'))).toHaveLength(rows.buildings.length);
    for (const r of paths)
      expect(r.name).toMatch(/(小区路|村内路|内街|号楼步道|号院步道|商业楼步道)$/);
    expect(paths.some((r) => r.bridge)).toBe(false);
  });

  it('counts its road rows exactly in the plan estimate, with ids 1…N', () => {
    expect(plan.estimate.roads).toBe(rows.roads.length);
    expect(rows.roads.map((r) => r.id)).toEqual(rows.roads.map((_, k) => k + 1));
  });

  it('puts a road line within 30 m of every building centroid', () => {
    const roads = roadBoxes(rows.roads);
    for (const b of rows.buildings) {
      const c = centroid(b.geom);
      const [lng, lat] = c.geometry.coordinates as [number, number];
      const near = roads.filter(({ box }) => overlaps(box, [lng, lat, lng, lat], NEAR_DEG));
      const nearest = Math.min(
        ...near.map(({ road }) => pointToLineDistance(c, road.geom, { units: 'meters' })),
      );
      expect(nearest, b.name).toBeLessThanOrEqual(30);
    }
  });

  it('runs no road into a building (a footpath only touches its own)', () => {
    const roads = roadBoxes(rows.roads);
    for (const b of rows.buildings) {
      const box = bbox(b.geom);
      for (const { road } of roads.filter((r) => overlaps(r.box, box))) {
        const line = feature(road.geom);
        const enters = booleanIntersects(line, b.geom) && !booleanTouches(line, b.geom);
        expect(enters, `${road.name} into ${b.name}`).toBe(false);
      }
    }
  });

  it('meets other roads only at shared end points, never between them', () => {
    const roads = roadBoxes(rows.roads);
    for (let k = 0; k < roads.length; k++) {
      const a = roads[k]!;
      for (const b of roads.slice(k + 1).filter((other) => overlaps(other.box, a.box))) {
        for (const hit of lineIntersect(a.road.geom, b.road.geom).features) {
          const p = hit.geometry.coordinates;
          const ends = [...a.road.geom.coordinates, ...b.road.geom.coordinates];
          const shared = a.road.geom.coordinates.some((e) =>
            b.road.geom.coordinates.some((f) => samePoint(e, f)),
          );
          const atEnd = ends.some((e) => Math.hypot(e[0]! - p[0]!, e[1]! - p[1]!) < 1e-9);
          expect(shared && atEnd, `${a.road.name} × ${b.road.name}`).toBe(true);
        }
      }
    }
  });

  it('joins everything into one network through end points, cut in two without its bridges', () => {
    expect(roadComponents(rows.roads.map((r) => r.geom.coordinates))).toBe(1);
    const withoutBridges = rows.roads.filter((r) => !r.bridge).map((r) => r.geom.coordinates);
    expect(roadComponents(withoutBridges)).toBe(2);
  });

  it('lets only bridges into the river strip', () => {
    const river = rows.water_areas[0]!.geom;
    const box = bbox(river);
    for (const r of rows.roads.filter((road) => overlaps(bbox(road.geom), box))) {
      const line = lineString(r.geom.coordinates);
      if (booleanIntersects(line, river)) expect(r.bridge, r.name).toBe(true);
    }
  });
}, 60_000);
