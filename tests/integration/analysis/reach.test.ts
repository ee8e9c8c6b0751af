import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { send } from '../incidents/support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let planner: string;

type Reach = FeatureCollection<Polygon | MultiPolygon, { distance: number }>;

beforeAll(async () => {
  app = createTestApp(db());
  planner = (await makeKey(db(), 'planner', [(await areaCodes(db())).district])).key;
});

/**
 * Square metres of a GeoJSON geometry, and how far its farthest boundary vertex lies from a road
 * (each vertex's nearest road by geography distance: no unions, which the embedded PostGIS
 * cannot do reliably).
 */
async function measure(geometry: Polygon | MultiPolygon) {
  const result = await db().pool.query<{ area: number; farthest: number }>(
    `WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g)
     SELECT (SELECT ST_Area(g::geography) FROM g) AS area,
            (SELECT max(n.d) FROM g, ST_DumpPoints(g.g) v CROSS JOIN LATERAL (
               SELECT ST_Distance(r.geom::geography, v.geom::geography) AS d
                 FROM roads r ORDER BY r.geom <-> v.geom LIMIT 1) n) AS farthest`,
    [JSON.stringify(geometry)],
  );
  return result.rows[0]!;
}

describe('reach polygons', () => {
  it('follow the network: nested by distance, smaller than circles, never away from roads', async () => {
    const facility = await db().pool.query<{ code: string; lng: number; lat: number }>(
      "SELECT code, ST_X(geom) AS lng, ST_Y(geom) AS lat FROM service_points WHERE category = 'health_station' ORDER BY code LIMIT 1",
    );
    const { code } = facility.rows[0]!;
    const response = await send(
      app,
      'GET',
      `/api/v1/analysis/isochrones?facility=${code}&distances=300,1000&width=40`,
      planner,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Reach;
    expect(body.features.map((f) => f.properties.distance)).toEqual([1000, 300]);
    const far = await measure(body.features[0]!.geometry);
    const near = await measure(body.features[1]!.geometry);
    expect(near.area).toBeLessThan(far.area);
    expect(far.area).toBeLessThan(Math.PI * 1000 * 1000 * 0.5);
    // Half the 40 m width from the street, give or take the 13 m sampling grid.
    expect(far.farthest).toBeLessThan(20 + 14);
    expect(far.farthest).toBeGreaterThan(20 - 14);
  });

  it('start from a clicked point inside the district, and refuse one outside', async () => {
    const inside = await db().pool.query<{ lng: number; lat: number }>(
      "SELECT ST_X(c) AS lng, ST_Y(c) AS lat FROM (SELECT ST_PointOnSurface(geom) AS c FROM admin_areas WHERE level = 'district') q",
    );
    const { lng, lat } = inside.rows[0]!;
    const ok = await send(
      app,
      'GET',
      `/api/v1/analysis/isochrones?point=${lng},${lat}&distances=500`,
      planner,
    );
    expect(ok.status).toBe(200);
    const outside = await send(
      app,
      'GET',
      '/api/v1/analysis/isochrones?point=120.5,30.2&distances=500',
      planner,
    );
    expect(outside.status).toBe(422);
    expect(((await outside.json()) as { error: { message: string } }).error.message).toContain(
      'outside the district',
    );
  });
});
