import type { Geometry } from 'geojson';
import type { Queryable } from './queryable';

/** What PostGIS says of one imported geometry, and where it lies among the areas of the district. */
export interface GeometryCheck {
  valid: boolean;
  /** `ST_IsValidReason` when invalid. */
  reason: string | null;
  /** The `ST_MakeValid` repair (GeoJSON) when invalid and a repair was asked for. */
  repaired: Geometry | null;
  /** Inside the district's union (null: no district area to check against). */
  inside: boolean | null;
  /** The community and street containing its point on surface, and the grid (buildings). */
  communityCode: string | null;
  streetCode: string | null;
  gridCode: string | null;
  gridStreetCode: string | null;
  /** Its point on surface, `[lng, lat]`, to tell a person where it is. */
  at: [number, number];
}

const BATCH = 1000;

// The district is buffered by about 20 m so a boundary drawn on another basemap still fits.
const CHECK_SQL = `
WITH d AS MATERIALIZED (
  SELECT ST_Buffer(ST_Union(geom), 0.0002) AS geom FROM admin_areas WHERE level = 'district'
), src AS (
  SELECT i, g, CASE WHEN ST_IsValid(g) THEN g ELSE ST_MakeValid(g) END AS fixed
    FROM (SELECT i, ST_SetSRID(ST_GeomFromGeoJSON(t), 4326) AS g
            FROM unnest($1::text[]) WITH ORDINALITY AS s(t, i)) s
), p AS (
  SELECT i, g, fixed, ST_PointOnSurface(fixed) AS pt FROM src
)
SELECT p.i::int AS i, ST_IsValid(p.g) AS valid,
       CASE WHEN NOT ST_IsValid(p.g) THEN ST_IsValidReason(p.g) END AS reason,
       CASE WHEN $2::boolean AND NOT ST_IsValid(p.g) THEN ST_AsGeoJSON(p.fixed) END AS repaired,
       CASE WHEN d.geom IS NULL OR $3::boolean THEN NULL ELSE ST_CoveredBy(p.fixed, d.geom) END AS inside,
       (SELECT code FROM admin_areas a WHERE a.level = 'community' AND a.geom && p.pt
           AND ST_Intersects(a.geom, p.pt) ORDER BY code LIMIT 1) AS community_code,
       (SELECT code FROM admin_areas a WHERE a.level = 'street' AND a.geom && p.pt
           AND ST_Intersects(a.geom, p.pt) ORDER BY code LIMIT 1) AS street_code,
       gr.code AS grid_code, gr.street_code AS grid_street_code,
       ST_X(p.pt) AS lng, ST_Y(p.pt) AS lat
  FROM p CROSS JOIN d
  LEFT JOIN LATERAL (SELECT code, street_code FROM grids g WHERE $4::boolean AND g.geom && p.pt
                       AND ST_Intersects(g.geom, p.pt) ORDER BY code LIMIT 1) gr ON true
 ORDER BY p.i`;

interface CheckRow {
  valid: boolean;
  reason: string | null;
  repaired: string | null;
  inside: boolean | null;
  community_code: string | null;
  street_code: string | null;
  grid_code: string | null;
  grid_street_code: string | null;
  lng: number;
  lat: number;
}

/** What to check besides validity. */
export interface CheckOptions {
  repair: boolean;
  /** Skip the district test (admin areas are the district). */
  skipDistrict: boolean;
  /** Locate each geometry in a grid (buildings). */
  locateGrid: boolean;
}

/**
 * Checks WGS84 geometries in PostGIS, 1,000 per statement: validity with its reason (and the
 * `ST_MakeValid` repair when asked), whether each lies inside the district, and the community,
 * street and grid at its point on surface — all against what the transaction sees, so admin areas
 * loaded earlier in a district import count. Geometries must be structurally sound (closed rings).
 */
export async function checkGeometries(
  db: Queryable,
  geometries: readonly Geometry[],
  options: CheckOptions,
  onBatch: (done: number) => void = () => undefined,
): Promise<GeometryCheck[]> {
  const checks: GeometryCheck[] = [];
  for (let start = 0; start < geometries.length; start += BATCH) {
    const batch = geometries.slice(start, start + BATCH).map((g) => JSON.stringify(g));
    const { rows } = await db.query<CheckRow>(CHECK_SQL, [
      batch,
      options.repair,
      options.skipDistrict,
      options.locateGrid,
    ]);
    for (const r of rows) checks.push(toCheck(r));
    onBatch(Math.min(geometries.length, start + BATCH));
  }
  return checks;
}

function toCheck(r: CheckRow): GeometryCheck {
  return {
    valid: r.valid,
    reason: r.reason,
    repaired: r.repaired === null ? null : (JSON.parse(r.repaired) as Geometry),
    inside: r.inside,
    communityCode: r.community_code,
    streetCode: r.street_code,
    gridCode: r.grid_code,
    gridStreetCode: r.grid_street_code,
    at: [r.lng, r.lat],
  };
}
