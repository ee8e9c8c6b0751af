import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coverage } from '../../../api/contract/analysis';
import { tileAt } from '../../../api/domain/tile-math';
import type { DistrictOutcome } from '../../../api/use-cases/imports/district-report';
import { sqlWalkingDistances } from '../analysis/sql-walking';
import { report, send } from '../incidents/support';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { makeKey } from '../support/identities';
import {
  expectedDistrict,
  replaceWithFixture,
  restoreDemo,
  snapshot,
  type ExpectedDistrict,
} from './district-support';

const db = useTestDatabase();
let demo: Record<string, string[]>;
let demoIncidents: number;
let outcome: DistrictOutcome;
let expected: ExpectedDistrict;
let app: ReturnType<typeof createTestApp>;
let admin: string;

beforeAll(async () => {
  demo = await snapshot(db());
  demoIncidents = demo.incidents!.length;
  expected = expectedDistrict();
  outcome = await replaceWithFixture(db());
  app = createTestApp(db());
  admin = (await makeKey(db(), 'admin', [expected.districtCode])).key;
});

afterAll(async () => {
  await restoreDemo(db());
});

const TABLE_OF: Record<string, string> = {
  'admin-areas': 'admin_areas',
  grids: 'grids',
  members: 'grid_members',
  buildings: 'buildings',
  roads: 'roads',
  water: 'water_areas',
  'service-points': 'service_points',
  cameras: 'cameras',
};

describe('a district replaced by import', () => {
  it('loads every layer of the fixture and discards the demo’s operational records', () => {
    expect(
      outcome.files.map((f) => [
        f.file,
        f.status,
        f.problems.filter((p) => p.severity === 'error'),
      ]),
    ).toEqual(outcome.files.map((f) => [f.file, 'succeeded', []]));
    expect(outcome.status).toBe('replaced');
    for (const [collection, table] of Object.entries(TABLE_OF)) {
      expect(outcome.loaded![table as keyof typeof outcome.loaded], collection).toBe(
        expected.counts[collection],
      );
    }
    expect(outcome.discarded).toBe(true);
    expect(outcome.orphans!.incidents).toBe(demoIncidents);
  });

  it('leaves no row of the generated demo in any static layer', async () => {
    const now = await snapshot(db());
    for (const table of Object.values(TABLE_OF)) {
      const left = now[table]!.filter((key) => demo[table]!.includes(key));
      expect(left, table).toEqual([]);
    }
    const { rows } = await db().pool.query<{ outside: number }>(
      `SELECT count(*)::int AS outside FROM (
         SELECT geom FROM admin_areas UNION ALL SELECT geom FROM grids
         UNION ALL SELECT geom FROM buildings UNION ALL SELECT geom FROM roads
         UNION ALL SELECT geom FROM water_areas UNION ALL SELECT geom FROM cameras
         UNION ALL SELECT geom FROM service_points) g
        WHERE NOT ST_CoveredBy(geom, ST_Expand(ST_MakeEnvelope($1, $2, $3, $4, 4326), 0.001))`,
      [expected.bounds.west, expected.bounds.south, expected.bounds.east, expected.bounds.north],
    );
    expect(rows[0]!.outside).toBe(0);
    expect(now.incidents).toEqual([]);
  });

  it('serves OGC items counts equal to the fixture’s, per collection', async () => {
    for (const collection of [
      'admin-areas',
      'grids',
      'buildings',
      'roads',
      'service-points',
      'cameras',
    ]) {
      const response = await app.request(
        `/ogc/collections/${collection}/items?limit=1`,
        bearer(admin),
      );
      expect(response.status, collection).toBe(200);
      const body = (await response.json()) as { numberMatched: number };
      expect(body.numberMatched, collection).toBe(expected.counts[collection]);
    }
  });

  it('lands every service point and camera within 1 m of its true WGS84 position', async () => {
    const points = [
      ...expected.servicePoints.map((p) => ({ ...p, table: 'service_points' })),
      ...expected.cameras.map((p) => ({ ...p, table: 'cameras' })),
    ];
    for (const p of points) {
      const { rows } = await db().pool.query<{ d: number }>(
        `SELECT ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography) AS d
           FROM ${p.table} WHERE code = $1`,
        [p.code, p.wgs84[0], p.wgs84[1]],
      );
      expect(rows, p.code).toHaveLength(1);
      expect(rows[0]!.d, p.code).toBeLessThan(1);
    }
  });

  it('draws the imported grids, roads and water in the tiles', async () => {
    const { west, south, east, north } = expected.bounds;
    const t = tileAt([(west + east) / 2, (south + north) / 2], 13);
    const layer = async (path: string, name: string) => {
      const response = await app.request(path, bearer(admin));
      expect(response.status, path).toBe(200);
      const found = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())))
        .layers[name];
      return found ? Array.from({ length: found.length }, (_, i) => found.feature(i)) : [];
    };
    const grids = await layer(`/tiles/grids/${t.z}/${t.x}/${t.y}.mvt`, 'grids');
    const codes = new Set(grids.map((f) => f.properties.code));
    expect(codes.size).toBe(expected.counts.grids);
    expect([...codes].every((c) => String(c).startsWith('370881'))).toBe(true);
    const basemap = `/tiles/basemap/${t.z}/${t.x}/${t.y}.mvt`;
    expect((await layer(basemap, 'roads')).length).toBeGreaterThan(0);
    const { rows } = await db().pool.query<{ name: string; lng: number; lat: number }>(
      `SELECT name, ST_X(ST_PointOnSurface(geom)) AS lng, ST_Y(ST_PointOnSurface(geom)) AS lat
         FROM water_areas ORDER BY name`,
    );
    expect(rows.map((r) => r.name)).toEqual(['小沂河', '泮池']);
    for (const water of rows) {
      // Small ponds are left out at low zooms: look where the basemap draws them.
      const w = tileAt([water.lng, water.lat], 15);
      const drawn = await layer(`/tiles/basemap/${w.z}/${w.x}/${w.y}.mvt`, 'water');
      expect(drawn.map((f) => f.properties.name)).toContain(water.name);
    }
  });

  it('computes the life-circle coverage of a community from the imported data', async () => {
    const community = '370881001001';
    const response = await send(
      app,
      'GET',
      `/api/v1/analysis/coverage?category=health_station&distance=500&area=${community}`,
      admin,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Coverage;
    const sql = await sqlWalkingDistances(db().pool, 'health_station');
    const { rows } = await db().pool.query<{ id: number; population: number }>(
      `SELECT id::int AS id, population FROM buildings WHERE grid_code LIKE $1 || '%'`,
      [community],
    );
    const total = rows.reduce((sum, b) => sum + b.population, 0);
    const covered = rows.reduce(
      (sum, b) => sum + ((sql.get(b.id) ?? Infinity) <= 500 ? b.population : 0),
      0,
    );
    expect(total).toBeGreaterThan(0);
    expect(covered).toBeGreaterThan(0);
    expect(body.population.total).toBe(total);
    expect(Math.abs(body.population.covered - covered)).toBeLessThanOrEqual(total * 0.01);
  });

  it('records who replaced the district and keeps it from being taken for a demo seed', async () => {
    const { rows } = await db().pool.query<{ actor: string; detail: { discarded: boolean } }>(
      `SELECT actor, detail FROM audit_log WHERE action = 'district.replace' ORDER BY seq DESC LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({ actor: 'test:district', detail: { discarded: true } });
    const seed = await db().pool.query<{ value: { state: string; scale: string } }>(
      `SELECT value FROM yiping_meta WHERE key = 'seed'`,
    );
    expect(seed.rows[0]!.value).toMatchObject({ state: 'done', scale: 'import' });
  });

  it('replaced again by the same files, keeps the incidents of the areas that come back', async () => {
    const operator = (await makeKey(db(), 'operator', [expected.districtCode])).key;
    const [lng, lat] = expected.servicePoints[0]!.wgs84;
    const created = await report(app, operator, lng!, lat!);
    const again = await replaceWithFixture(db(), false);
    expect(again.status).toBe('replaced');
    expect(again.orphans!.incidents).toBe(0);
    const { rows } = await db().pool.query('SELECT 1 FROM incidents WHERE code = $1', [
      created.incident.code,
    ]);
    expect(rows).toHaveLength(1);
  });
});
