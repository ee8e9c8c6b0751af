import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../../api/db/migrate';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { pointInGrid, report } from './support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let operator: string;

beforeAll(async () => {
  app = createTestApp(db(), { clock: fixedClock('2026-06-01T09:00:00Z') });
  operator = (await makeKey(db(), 'operator', [(await areaCodes(db())).district])).key;
});

/**
 * The address an incident without one should get, computed independently of the migration's
 * function: the containing community, and the nearest named road by a full scan on the
 * sphere if it lies within 200 m (a road named after the community stands alone).
 */
async function expectedAddress(
  code: string,
  runner: pg.Pool | pg.PoolClient = db().pool,
): Promise<string> {
  const result = await runner.query<{ community: string | null; road: string | null }>(
    `SELECT (SELECT a.name FROM admin_areas a
              WHERE a.level = 'community' AND ST_Contains(a.geom, i.geom)) AS community,
            (SELECT r.name FROM roads r
              WHERE r.name <> '' AND ST_Distance(r.geom::geography, i.geom::geography) <= 200
              ORDER BY ST_Distance(r.geom::geography, i.geom::geography), r.name LIMIT 1) AS road
       FROM incidents i WHERE i.code = $1`,
    [code],
  );
  const { community, road } = result.rows[0]!;
  if (!road) return community ?? '';
  if (!community || road.startsWith(community)) return `${road}附近`;
  return `${community} ${road}附近`;
}

async function storedAddress(code: string): Promise<string> {
  const result = await db().pool.query<{ address: string }>(
    'SELECT address FROM incidents WHERE code = $1',
    [code],
  );
  return result.rows[0]!.address;
}

describe('the address of an incident reported without one', () => {
  it('is the community and the nearest road, as an independent computation finds them', async () => {
    for (let i = 0; i < 5; i += 1) {
      const at = await pointInGrid(db());
      const { incident } = await report(app, operator, at.lng, at.lat);
      const expected = await expectedAddress(incident.code);
      expect(expected).not.toBe('');
      expect(incident.address).toBe(expected);
      expect(await storedAddress(incident.code)).toBe(expected);
    }
  });

  it('leaves an address the reporter gave alone', async () => {
    const at = await pointInGrid(db());
    const given = '小区东门快递柜旁';
    const { incident } = await report(app, operator, at.lng, at.lat, { address: given });
    expect(incident.address).toBe(given);
  });

  it('is filled for rows inserted by any path, here plain SQL', async () => {
    const at = await pointInGrid(db());
    const code = 'ZZ20260601999001';
    await db().pool.query(
      `INSERT INTO incidents (code, category, source, severity, status, grid_code, community_code,
                              street_code, reported_at, accept_deadline, resolve_deadline, geom)
       SELECT $1, 'city_appearance', 'iot', 'low', 'reported', g.code, g.community_code,
              g.street_code, now(), now(), now(), ST_SetSRID(ST_MakePoint($3, $4), 4326)
         FROM grids g WHERE g.code = $2`,
      [code, at.gridCode, at.lng, at.lat],
    );
    try {
      expect(await storedAddress(code)).toBe(await expectedAddress(code));
    } finally {
      await db().pool.query('DELETE FROM incidents WHERE code = $1', [code]);
    }
  });

  it('is backfilled by migration 0012 for incidents stored without one', async () => {
    const sql = await readFile(`${MIGRATIONS_DIR}0012_incident_address.sql`, 'utf8');
    const client = await db().pool.connect();
    try {
      await client.query('BEGIN');
      // Back to the state before the migration, with some addresses missing, then run it.
      await client.query('DROP TRIGGER incidents_fill_address ON incidents');
      await client.query(
        'DROP FUNCTION incidents_fill_address(), incident_address(geometry, text)',
      );
      const emptied = await client.query<{ code: string }>(
        `UPDATE incidents SET address = '' WHERE id IN (SELECT id FROM incidents ORDER BY id LIMIT 20)
         RETURNING code`,
      );
      await client.query(sql);
      for (const { code } of emptied.rows) {
        const row = await client.query<{ address: string }>(
          'SELECT address FROM incidents WHERE code = $1',
          [code],
        );
        expect(row.rows[0]!.address).not.toBe('');
        expect(row.rows[0]!.address).toBe(await expectedAddress(code, client));
      }
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
