import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { getJson, type Json } from './support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let admin: string;

beforeAll(async () => {
  app = createTestApp(db());
  admin = (await makeKey(db(), 'admin', [(await areaCodes(db())).district])).key;
});

/** Each member's assigned grids straight from `grid_member_grids`, codes in order. */
async function assignments(): Promise<Map<string, string[]>> {
  const result = await db().pool.query<{ id: string; grids: string[] }>(
    `SELECT m.id, coalesce(array_agg(mg.grid_code ORDER BY mg.grid_code)
                             FILTER (WHERE mg.grid_code IS NOT NULL), '{}') AS grids
       FROM grid_members m LEFT JOIN grid_member_grids mg ON mg.member_id = m.id
      GROUP BY m.id`,
  );
  return new Map(result.rows.map((r) => [r.id, r.grids]));
}

describe('the members collection', () => {
  it("gives every member's assigned grids as grid_codes, those without a position included", async () => {
    const body = await getJson(
      app,
      '/ogc/collections/members/items?limit=10000&properties=id,grid_codes',
      admin,
    );
    const expected = await assignments();
    expect(body.features.length).toBe(expected.size);
    expect(body.features.some((f: Json) => f.geometry === null)).toBe(true);
    for (const feature of body.features) {
      expect(feature.properties.grid_codes, feature.properties.id).toEqual(
        expected.get(feature.properties.id),
      );
    }
  });

  it("shows a community's caller only the grids inside that community", async () => {
    const [community] = (await areaCodes(db())).communities;
    const key = (await makeKey(db(), 'operator', [community!])).key;
    const body = await getJson(
      app,
      '/ogc/collections/members/items?limit=10000&properties=id,grid_codes',
      key,
    );
    expect(body.features.length).toBeGreaterThan(0);
    for (const feature of body.features) {
      for (const grid of feature.properties.grid_codes)
        expect(grid.startsWith(community!)).toBe(true);
    }
  });

  it('documents grid_codes as a list of codes in the collection schema', async () => {
    const document = await getJson(app, '/ogc/api', admin);
    const properties = document.components.schemas.MembersProperties.properties;
    expect(properties.grid_codes).toMatchObject({ type: 'array', items: { type: 'string' } });
  });
});
