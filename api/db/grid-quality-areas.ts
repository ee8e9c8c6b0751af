import type { GridGap, GridOutside, GridOverlap } from '../contract/quality';
import { queryRows, type Queryable } from './queryable';

/**
 * The area checks of the grid topology report, one statement each. `$1` is the scope (community
 * codes, or null for every community), `$2` the tolerance in m²: pieces below it are noise along
 * shared boundaries. Areas on the spheroid (geography); geometries GeoJSON with counter-clockwise
 * outer rings (RFC 7946), 6 decimals (≈ 0.1 m).
 */
const IN_SCOPE = (alias: string) =>
  `($1::text[] IS NULL OR ${alias}.community_code = ANY ($1::text[]))`;

const AS_GEOJSON = `ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 6)::json`;

/** Ground of each community that none of its own grids covers, one row per separate part. */
export function findGaps(db: Queryable, codes: string[] | null, toleranceM2: number) {
  return queryRows<GridGap>(
    db,
    `WITH uncovered AS (
       SELECT c.code,
              coalesce(ST_Difference(c.geom,
                         (SELECT ST_Union(g.geom) FROM grids g WHERE g.community_code = c.code)),
                       c.geom) AS geom
         FROM admin_areas c
        WHERE c.level = 'community' AND ($1::text[] IS NULL OR c.code = ANY ($1::text[]))
     ), parts AS (
       SELECT code, (ST_Dump(geom)).geom AS geom FROM uncovered
     ), measured AS (
       SELECT code, geom, ST_Area(geom::geography) AS area
         FROM parts WHERE ST_Dimension(geom) = 2
     )
     SELECT code AS "communityCode", area AS "areaM2", ${AS_GEOJSON} AS geometry
       FROM measured WHERE area >= $2
      ORDER BY area DESC, code`,
    [codes, toleranceM2],
  );
}

/**
 * Pairs of grids whose interiors share ground, in one community or across two. Candidates come
 * from the GiST index (`&&`); neighbours that only share an edge intersect in lines, which
 * `ST_CollectionExtract(…, 3)` drops (area 0). Measured on the city seed, this is five times
 * faster than testing each pair with `ST_Relate(a, b, '2********')` first. Each pair is
 * reported once, lower code first. With a scope, a pair counts when either grid lies in it.
 */
export function findOverlaps(db: Queryable, codes: string[] | null, toleranceM2: number) {
  return queryRows<GridOverlap>(
    db,
    `WITH pairs AS (
       SELECT least(a.code, b.code) AS first, greatest(a.code, b.code) AS second,
              ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 3) AS geom
         FROM grids a JOIN grids b ON a.geom && b.geom AND a.code <> b.code
        WHERE ${IN_SCOPE('a')} AND (a.code < b.code OR NOT ${IN_SCOPE('b')})
          AND ST_Intersects(a.geom, b.geom)
     ), measured AS (
       SELECT first, second, geom, ST_Area(geom::geography) AS area FROM pairs
     )
     SELECT json_build_array(first, second) AS "gridCodes", area AS "areaM2",
            ${AS_GEOJSON} AS geometry
       FROM measured WHERE area >= $2
      ORDER BY area DESC, first, second`,
    [codes, toleranceM2],
  );
}

/** Grids reaching beyond their own community: the part outside it. */
export function findOutside(db: Queryable, codes: string[] | null, toleranceM2: number) {
  return queryRows<GridOutside>(
    db,
    `WITH beyond AS (
       SELECT g.code, g.community_code,
              ST_CollectionExtract(ST_Difference(g.geom, c.geom), 3) AS geom
         FROM grids g JOIN admin_areas c ON c.code = g.community_code
        WHERE ${IN_SCOPE('g')} AND NOT ST_CoveredBy(g.geom, c.geom)
     ), measured AS (
       SELECT code, community_code, geom, ST_Area(geom::geography) AS area
         FROM beyond WHERE NOT ST_IsEmpty(geom)
     )
     SELECT code AS "gridCode", community_code AS "communityCode", area AS "areaM2",
            ${AS_GEOJSON} AS geometry
       FROM measured WHERE area >= $2
      ORDER BY area DESC, code`,
    [codes, toleranceM2],
  );
}
