import { readFileSync } from 'node:fs';
import distance from '@turf/distance';
import type { Geometry, Point, Position } from 'geojson';
import { expect } from 'vitest';

const FIXTURES = new URL('../../fixtures/import/', import.meta.url);

/** The bytes of a committed fixture under tests/fixtures/import. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** One known point: its attributes (名称, 类别, 地址, 编号) and WGS84 position. */
export type KnownPoint = Record<string, string> & { position: Position };

/** The known WGS84 points every fixture was made from (points.geojson), with their attributes. */
export const KNOWN: KnownPoint[] = (
  JSON.parse(new TextDecoder().decode(fixture('points.geojson'))) as {
    features: { properties: Record<string, string>; geometry: Point }[];
  }
).features.map((f) => Object.assign({ ...f.properties }, { position: f.geometry.coordinates }));

/** Asserts a geometry is a point within a metre of a known `[lng, lat]`. */
export function expectWithinOneMetre(geometry: Geometry | null, known: Position): void {
  expect(geometry?.type).toBe('Point');
  const at = (geometry as Point).coordinates;
  expect(distance(at, known, { units: 'meters' })).toBeLessThan(1);
}
