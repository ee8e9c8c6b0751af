import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coverage } from '../../../api/contract/analysis';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { send } from '../incidents/support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let planner: string;
let bridges: Record<string, unknown>[] = [];

const coverage = async () => {
  const response = await send(
    app,
    'GET',
    '/api/v1/analysis/coverage?category=middle_school&distance=3000',
    planner,
  );
  return (await response.json()) as Coverage;
};

beforeAll(async () => {
  app = createTestApp(db());
  planner = (await makeKey(db(), 'planner', [(await areaCodes(db())).district])).key;
});

afterAll(async () => {
  for (const b of bridges) {
    await db().pool.query(
      `INSERT INTO roads (id, name, class, bridge, street_code, geom)
       VALUES ($1, $2, $3, true, $4, ST_SetSRID(ST_GeomFromGeoJSON($5), 4326))
       ON CONFLICT (id) DO NOTHING`,
      [b.id, b.name, b.class, b.street_code, JSON.stringify(b.geom)],
    );
  }
});

describe('the walking network follows the roads table', () => {
  it('is rebuilt when roads change, whoever changes them: without its bridges the river cuts the district', async () => {
    const before = await coverage();
    const removed = await db().pool.query(
      `DELETE FROM roads WHERE bridge RETURNING id::int AS id, name, class, street_code, ST_AsGeoJSON(geom)::json AS geom`,
    );
    bridges = removed.rows;
    expect(bridges.length).toBeGreaterThan(0);
    const cut = await coverage();
    expect(cut.networkVersion).toBeGreaterThan(before.networkVersion);
    expect(cut.population.covered).toBeLessThan(before.population.covered);
    for (const b of bridges) {
      await db().pool.query(
        `INSERT INTO roads (id, name, class, bridge, street_code, geom)
         VALUES ($1, $2, $3, true, $4, ST_SetSRID(ST_GeomFromGeoJSON($5), 4326))`,
        [b.id, b.name, b.class, b.street_code, JSON.stringify(b.geom)],
      );
    }
    bridges = [];
    const restored = await coverage();
    expect(restored.networkVersion).toBeGreaterThan(cut.networkVersion);
    expect(restored.population).toEqual(before.population);
    expect(restored.byGrid).toEqual(before.byGrid);
  });
});
