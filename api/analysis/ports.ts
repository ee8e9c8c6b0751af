import type pg from 'pg';
import { communityAt } from '../db/analysis-inputs';

/**
 * The few database services the analysis needs beside its model: finding the community and
 * the grid under a point. Bound to the owner pool (read-only
 * geometry work on whole-district data) at the composition root.
 */
export interface AnalysisPorts {
  locate(lng: number, lat: number): ReturnType<typeof communityAt>;
  gridsAt(points: readonly { lng: number; lat: number }[]): Promise<(string | null)[]>;
}

export function analysisPorts(pool: pg.Pool): AnalysisPorts {
  return {
    locate: (lng, lat) => communityAt(pool, lng, lat),
    async gridsAt(points) {
      if (points.length === 0) return [];
      const result = await pool.query<{ i: number; code: string | null }>(
        `SELECT p.i, (SELECT g.code FROM grids g
                       WHERE ST_Intersects(g.geom, ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326))
                       ORDER BY g.code LIMIT 1) AS code
           FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(lng, lat, i) ORDER BY p.i`,
        [points.map((p) => p.lng), points.map((p) => p.lat)],
      );
      return result.rows.map((r) => r.code);
    },
  };
}
