import type pg from 'pg';
import type { ServiceCategory } from '../contract/codes';

/**
 * What the walking analysis reads, for the whole district whatever the caller's scope: a
 * facility outside a caller's area still serves residents inside it. Answers are cut to the
 * caller's scope afterwards (api/analysis). Runs on the owner pool, read-only.
 */

/** Versions of the analysis inputs, e.g. `roads:3,buildings:2,service_points:7`. */
export async function readInputVersions(pool: pg.Pool): Promise<Record<string, number>> {
  const result = await pool.query<{ layer: string; version: string }>(
    'SELECT layer, version FROM analysis_versions',
  );
  return Object.fromEntries(result.rows.map((r) => [r.layer, Number(r.version)]));
}

/** Every road line's `[lng, lat]` positions, by id. */
export async function readRoadLines(pool: pg.Pool): Promise<[number, number][][]> {
  const result = await pool.query<{ c: [number, number][] }>(
    `SELECT (ST_AsGeoJSON(geom, 7)::json -> 'coordinates') AS c FROM roads ORDER BY id`,
  );
  return result.rows.map((r) => r.c);
}

export interface BuildingInput {
  id: number;
  name: string;
  gridCode: string;
  communityCode: string;
  population: number;
  households: number;
  /** A point inside the footprint (its centroid for the convex footprints we have). */
  lng: number;
  lat: number;
}

/** Every building with its residents and a point inside it, by id. */
export async function readBuildings(pool: pg.Pool): Promise<BuildingInput[]> {
  const result = await pool.query<BuildingInput>(
    `SELECT b.id::int AS id, b.name, b.grid_code AS "gridCode", g.community_code AS "communityCode",
            b.population, b.households,
            ST_X(ST_PointOnSurface(b.geom)) AS lng, ST_Y(ST_PointOnSurface(b.geom)) AS lat
       FROM buildings b JOIN grids g ON g.code = b.grid_code
      ORDER BY b.id`,
  );
  return result.rows;
}

export interface FacilityInput {
  code: string;
  name: string;
  category: ServiceCategory;
  communityCode: string;
  lng: number;
  lat: number;
}

/** Every service point, by code. */
export async function readFacilities(pool: pg.Pool): Promise<FacilityInput[]> {
  const result = await pool.query<FacilityInput>(
    `SELECT code, name, category, community_code AS "communityCode",
            ST_X(geom) AS lng, ST_Y(geom) AS lat
       FROM service_points ORDER BY code`,
  );
  return result.rows;
}

export interface AreaInput {
  code: string;
  name: string;
  level: string;
}

/** Streets and communities with their names (grids are named by code in the answers). */
export async function readAreas(pool: pg.Pool): Promise<AreaInput[]> {
  const result = await pool.query<AreaInput>(
    'SELECT code, name, level FROM admin_areas ORDER BY code',
  );
  return result.rows;
}
