import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { getJson } from './support';

const db = useTestDatabase();
let key: string;
let centre: [number, number];

beforeAll(async () => {
  key = (await makeKey(db(), 'admin', [(await areaCodes(db())).district])).key;
  const { rows } = await db().pool.query(
    'SELECT ST_X(c) AS lng, ST_Y(c) AS lat FROM (SELECT ST_Centroid(ST_Extent(geom)) c FROM cameras) x',
  );
  centre = [rows[0].lng, rows[0].lat];
});

async function matched(collection: string, filter: string): Promise<number> {
  const path = `/ogc/collections/${collection}/items?limit=1&filter=${encodeURIComponent(filter)}`;
  return (await getJson(createTestApp(db()), path, key)).numberMatched;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return (await db().pool.query(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0].n;
}

const square = ([lng, lat]: [number, number], d: number) =>
  `POLYGON((${lng - d} ${lat - d}, ${lng + d} ${lat - d}, ${lng + d} ${lat + d}, ${lng - d} ${lat + d}, ${lng - d} ${lat - d}))`;

describe('OGC Part 3: CQL2 text filters', () => {
  it('combines a comparison with S_INTERSECTS', async () => {
    const polygon = square(centre, 0.01);
    const n = await matched('cameras', `status = 'online' AND S_INTERSECTS(geom, ${polygon})`);
    expect(n).toBe(
      await count(
        `cameras WHERE status = 'online' AND ST_Intersects(geom, ST_GeomFromText($1, 4326))`,
        [polygon],
      ),
    );
    expect(n).toBeGreaterThan(0);
  });

  it('supports LIKE, BETWEEN, IN and NOT', async () => {
    expect(await matched('grids', `name LIKE '%1%'`)).toBe(
      await count(`grids WHERE name LIKE '%1%'`),
    );
    expect(await matched('grids', 'households BETWEEN 300 AND 400')).toBe(
      await count('grids WHERE households BETWEEN 300 AND 400'),
    );
    expect(await matched('service-points', `category IN ('pharmacy', 'supermarket')`)).toBe(
      await count(`service_points WHERE category IN ('pharmacy', 'supermarket')`),
    );
    expect(await matched('cameras', `NOT (status = 'online')`)).toBe(
      await count(`cameras WHERE status <> 'online'`),
    );
  });

  it('finds service points within 500 m with S_DWITHIN, measured on the ellipsoid', async () => {
    const point = `POINT(${centre[0]} ${centre[1]})`;
    expect(await matched('service-points', `S_DWITHIN(geom, ${point}, 500)`)).toBe(
      await count(
        `service_points WHERE ST_DWithin(geom::geography, ST_GeomFromText($1, 4326)::geography, 500)`,
        [point],
      ),
    );
  });

  it('filters on time with TIMESTAMP literals', async () => {
    const n = await matched('incidents', `reported_at >= TIMESTAMP('2026-05-01T00:00:00Z')`);
    expect(n).toBe(await count(`incidents WHERE reported_at >= '2026-05-01T00:00:00Z'`));
  });

  it('answers a syntax error with 400 naming the position', async () => {
    const path = `/ogc/collections/grids/items?filter=${encodeURIComponent("households > AND name = 'x'")}`;
    const body = await getJson(createTestApp(db()), path, key, 400);
    expect(body.description).toMatch(/position \d+/);
  });

  it('answers an unknown property with 400 naming it', async () => {
    const path = `/ogc/collections/grids/items?filter=${encodeURIComponent('colour = 1')}`;
    expect((await getJson(createTestApp(db()), path, key, 400)).description).toContain('colour');
  });

  it('refuses filter languages other than cql2-text', async () => {
    const path = `/ogc/collections/grids/items?filter-lang=cql2-json&filter=${encodeURIComponent('{}')}`;
    await getJson(createTestApp(db()), path, key, 400);
  });

  it('treats hostile text as a value, never as SQL', async () => {
    const gridsBefore = await count('grids');
    expect(await matched('grids', `name = 'x''; DROP TABLE grids; --'`)).toBe(0);
    expect(await count('grids')).toBe(gridsBefore);
  });
});
