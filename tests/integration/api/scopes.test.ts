import { beforeAll, describe, expect, it } from 'vitest';
import { withScope } from '../../../api/db/scoped';
import type { Principal } from '../../../api/domain/principal';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const db = useTestDatabase();
let mine: string;
let other: string;
let street: string;

const principal = (scopes: string[], role: Principal['role'] = 'operator'): Principal => ({
  kind: 'api_key',
  id: 0,
  name: 'test',
  role,
  scopes,
});

/** Runs `work` scoped and always rolls back, so write attempts leave nothing behind. */
async function attempt<T>(scopes: string[], work: Parameters<typeof withScope<T>>[2]) {
  let result: T | undefined;
  await withScope(db().pool, principal(scopes), async (client) => {
    result = await work(client);
    throw new Error('rollback');
  }).catch((error: Error) => {
    if (error.message !== 'rollback') throw error;
  });
  return result as T;
}

beforeAll(async () => {
  const codes = await areaCodes(db());
  [mine, other] = codes.communities as [string, string];
  street = codes.street;
});

describe('a community-scoped key', () => {
  it('reads only its own community through the API: others are absent, not forbidden', async () => {
    const { key } = await makeKey(db(), 'operator', [mine]);
    const response = await createTestApp(db()).request(
      '/ogc/collections/admin-areas/items?limit=1000',
      bearer(key),
    );
    expect(response.status).toBe(200);
    const codes = (await response.json()).features.map((f: { id: string }) => f.id);
    expect(codes).toEqual([mine]);
  });

  it('sees no grid, incident, camera or member of another community in any query', async () => {
    const counts = await attempt([mine], async (client) => {
      const result = await client.query(
        `SELECT
          (SELECT count(*) FROM grids WHERE community_code = $1)::int AS grids,
          (SELECT count(*) FROM incidents WHERE community_code = $1)::int AS incidents,
          (SELECT count(*) FROM cameras WHERE community_code = $1)::int AS cameras,
          (SELECT count(*) FROM grid_members WHERE community_code = $1)::int AS members,
          (SELECT count(*) FROM incidents WHERE community_code = $2)::int AS own_incidents`,
        [other, mine],
      );
      return result.rows[0];
    });
    expect(counts).toMatchObject({ grids: 0, incidents: 0, cameras: 0, members: 0 });
    expect(counts.own_incidents).toBeGreaterThan(0);
  });

  it('cannot change or add rows in another community', async () => {
    const updated = await attempt([mine], async (client) => {
      const result = await client.query(
        `UPDATE incidents SET description = 'tampered' WHERE community_code = $1`,
        [other],
      );
      return result.rowCount;
    });
    expect(updated).toBe(0);
    await expect(
      attempt([mine], (client) =>
        client.query(
          `INSERT INTO incidents (code, category, source, severity, status, grid_code, community_code,
             street_code, reported_at, accept_deadline, resolve_deadline, geom)
           SELECT 'YP20990101000001', 'livelihood', 'patrol', 'low', 'reported', code, community_code,
             street_code, now(), now(), now(), ST_PointOnSurface(geom)
           FROM (SELECT * FROM grids WHERE community_code = $1 LIMIT 1) g`,
          [other],
        ),
      ),
    ).resolves.toMatchObject({ rowCount: 0 });
  });

  it('is refused a row it writes into another community', async () => {
    const foreignGrid = await db().pool.query<{
      code: string;
      community_code: string;
      street_code: string;
    }>('SELECT code, community_code, street_code FROM grids WHERE community_code = $1 LIMIT 1', [
      other,
    ]);
    const grid = foreignGrid.rows[0]!;
    await expect(
      attempt([mine], (client) =>
        client.query(
          `INSERT INTO incidents (code, category, source, severity, status, grid_code, community_code,
             street_code, reported_at, accept_deadline, resolve_deadline, geom)
           VALUES ('YP20990101000002', 'livelihood', 'patrol', 'low', 'reported', $1, $2, $3,
             now(), now(), now(), ST_SetSRID(ST_MakePoint(116.6, 35.4), 4326))`,
          [grid.code, grid.community_code, grid.street_code],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('a street scope includes its communities and their grids', async () => {
    const seen = await attempt([street], async (client) => {
      const result = await client.query<{ n: number }>(
        'SELECT count(DISTINCT community_code)::int AS n FROM grids',
      );
      return result.rows[0]!.n;
    });
    const all = await db().pool.query<{ n: number }>(
      'SELECT count(DISTINCT community_code)::int AS n FROM grids WHERE street_code = $1',
      [street],
    );
    expect(seen).toBe(all.rows[0]!.n);
    expect(seen).toBeGreaterThan(1);
  });

  it('every layer table has row-level security on, so a new query cannot bypass it', async () => {
    const result = await db().pool.query<{ table: string }>(
      `SELECT c.relname AS table FROM geometry_columns g
       JOIN pg_class c ON c.relname = g.f_table_name
       WHERE g.f_table_schema = 'public' AND NOT c.relrowsecurity`,
    );
    expect(result.rows).toEqual([]);
  });
});
