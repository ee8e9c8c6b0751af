import type { BuildingPlacement } from '../contract/quality';
import { queryRows, type Queryable } from './queryable';

/**
 * Buildings in no grid (a point on the footprint's surface lies in none) or in two or more
 * (more than `share` of the footprint inside each of at least two grids). Shares are computed
 * only for the few footprints that touch two grids; the rest answer from the GiST index alone.
 * With a scope, the buildings touching those communities are checked.
 */
export function findMisplacedBuildings(db: Queryable, codes: string[] | null, share: number) {
  return queryRows<BuildingPlacement>(
    db,
    `WITH checked AS (
       SELECT b.id, b.name, b.geom FROM buildings b
        WHERE $1::text[] IS NULL OR EXISTS (
              SELECT 1 FROM admin_areas c
               WHERE c.code = ANY ($1::text[]) AND c.geom && b.geom AND ST_Intersects(c.geom, b.geom))
     ), touching AS (
       SELECT b.id, g.code, b.geom AS footprint, g.geom AS grid
         FROM checked b JOIN grids g ON g.geom && b.geom AND ST_Intersects(g.geom, b.geom)
     ), straddling AS (
       SELECT id FROM touching GROUP BY id HAVING count(*) >= 2
     ), holders AS (
       SELECT t.id, t.code FROM touching t JOIN straddling USING (id)
        WHERE ST_Area(ST_Intersection(t.footprint, t.grid)) > $2 * ST_Area(t.footprint)
     ), several AS (
       SELECT id, array_agg(code ORDER BY code) AS codes FROM holders
        GROUP BY id HAVING count(*) >= 2
     ), homeless AS (
       SELECT b.id FROM checked b, LATERAL ST_PointOnSurface(b.geom) AS p
        WHERE NOT EXISTS (SELECT 1 FROM grids g WHERE g.geom && p AND ST_Intersects(g.geom, p))
     )
     SELECT b.id::float8 AS "buildingId", b.name, '{}'::text[] AS "gridCodes",
            'no_grid' AS problem
       FROM checked b JOIN homeless USING (id)
     UNION ALL
     SELECT b.id::float8, b.name, s.codes, 'several_grids'
       FROM checked b JOIN several s USING (id)
     ORDER BY problem, "buildingId"`,
    [codes, share],
  );
}
