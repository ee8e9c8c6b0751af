import { beforeAll, describe, expect, it } from 'vitest';
import type { Completeness, Coverage } from '../../../api/contract/analysis';
import { SERVICE_CATEGORIES } from '../../../api/contract/codes';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { send } from '../incidents/support';
import { sqlWalkingDistances } from './sql-walking';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let planner: string;
let codes: Awaited<ReturnType<typeof areaCodes>>;

const get = async <T>(path: string, key = planner) => {
  const response = await send(app, 'GET', path, key);
  return { status: response.status, body: (await response.json()) as T };
};

beforeAll(async () => {
  app = createTestApp(db());
  codes = await areaCodes(db());
  planner = (await makeKey(db(), 'planner', [codes.district])).key;
});

describe('walking coverage on the seeded district', () => {
  it('agrees with an independent Bellman–Ford computation in SQL (geography lengths)', async () => {
    for (const category of ['health_station', 'primary_school', 'fitness']) {
      const { body } = await get<Coverage>(
        `/api/v1/analysis/coverage?category=${category}&distance=500`,
      );
      const sql = await sqlWalkingDistances(db().pool, category);
      const people = await db().pool.query<{ id: number; population: number }>(
        'SELECT id::int AS id, population FROM buildings',
      );
      const covered = people.rows.reduce(
        (sum, b) => sum + ((sql.get(b.id) ?? Infinity) <= 500 ? b.population : 0),
        0,
      );
      const total = people.rows.reduce((sum, b) => sum + b.population, 0);
      expect(body.population.total).toBe(total);
      expect(Math.abs(body.population.covered - covered)).toBeLessThanOrEqual(total * 0.01);
    }
  });

  it('gives each building the distance SQL finds, to within 0.5 % or 1 m', async () => {
    const response = await send(
      app,
      'GET',
      '/api/v1/analysis/coverage/buildings?category=supermarket',
      planner,
    );
    expect(response.headers.get('content-type')).toContain('application/geo+json');
    const features = (
      (await response.json()) as {
        features: { properties: { id: number; distanceM: number | null } }[];
      }
    ).features;
    const sql = await sqlWalkingDistances(db().pool, 'supermarket');
    let compared = 0;
    for (const { properties: p } of features) {
      const expected = sql.get(p.id)!;
      if (!Number.isFinite(expected)) {
        expect(p.distanceM).toBeNull();
        continue;
      }
      expect(Math.abs(p.distanceM! - expected)).toBeLessThanOrEqual(Math.max(1, expected * 0.005));
      compared++;
    }
    expect(compared).toBeGreaterThan(features.length * 0.9);
  });

  it('never covers more on foot than in a straight line, for every category', async () => {
    for (const category of SERVICE_CATEGORIES) {
      const { body } = await get<Coverage>(
        `/api/v1/analysis/coverage?category=${category}&distance=1000`,
      );
      expect(body.population.covered).toBeLessThanOrEqual(body.straightLine.population.covered);
    }
  });

  it('adds up grid by grid, and answers only for the caller’s scope', async () => {
    const community = codes.communities[0]!;
    const scoped = (await makeKey(db(), 'planner', [community])).key;
    const { body } = await get<Coverage>('/api/v1/analysis/coverage?category=kindergarten', scoped);
    expect(body.distance).toBe(300);
    expect(body.byGrid.every((g) => g.code.startsWith(community))).toBe(true);
    expect(body.byGrid.reduce((s, g) => s + g.population, 0)).toBe(body.population.total);
    const census = await db().pool.query<{ n: number }>(
      'SELECT coalesce(sum(population), 0)::int AS n FROM buildings WHERE grid_code LIKE $1',
      [`${community}%`],
    );
    expect(body.population.total).toBe(census.rows[0]!.n);
    const points = await db().pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM service_points WHERE category = 'kindergarten' AND community_code = $1",
      [community],
    );
    expect(body.facilities).toBe(points.rows[0]!.n);
    const outside = await get<{ error: { code: string } }>(
      `/api/v1/analysis/coverage?category=kindergarten&area=${codes.communities[1]}`,
      scoped,
    );
    expect(outside.status).toBe(404);
  });

  it('counts facilities beyond the caller’s scope that serve residents inside it', async () => {
    // A community with no facility of a category inside it, whose residents still reach one.
    const pairs = await db().pool.query<{ community: string; category: string }>(
      `SELECT a.code AS community, c.category
         FROM admin_areas a CROSS JOIN (SELECT DISTINCT category FROM service_points) c
        WHERE a.level = 'community'
          AND NOT EXISTS (SELECT 1 FROM service_points s
                           WHERE s.community_code = a.code AND s.category = c.category)
        ORDER BY a.code, c.category`,
    );
    let checked = 0;
    for (const { community, category } of pairs.rows) {
      const query = `/api/v1/analysis/coverage?category=${category}&distance=3000`;
      const district = await get<Coverage>(query);
      const inside = district.body.byGrid.filter((g) => g.code.startsWith(community));
      const served = inside.reduce((s, g) => s + g.covered, 0);
      if (served === 0) continue;
      const scoped = (await makeKey(db(), 'planner', [community])).key;
      const { body } = await get<Coverage>(query, scoped);
      expect(body.population.covered).toBe(served);
      expect(body.byGrid).toEqual(inside);
      checked++;
      if (checked === 2) break;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('reads minutes at the walking speed given', async () => {
    const { body } = await get<Coverage>(
      '/api/v1/analysis/coverage?category=pharmacy&minutes=10&speed=50',
    );
    expect(body.distance).toBe(500);
  });
});

describe('life-circle completeness', () => {
  it('counts who reaches every basic category, consistent with per-category coverage', async () => {
    const { status, body } = await get<Completeness>('/api/v1/analysis/completeness?circle=10min');
    expect(status).toBe(200);
    expect(body.basicCategories).toEqual(['primary_school', 'supermarket']);
    const school = await get<Coverage>('/api/v1/analysis/coverage?category=primary_school');
    const market = await get<Coverage>('/api/v1/analysis/coverage?category=supermarket');
    expect(body.complete).toBeLessThanOrEqual(
      Math.min(school.body.population.covered, market.body.population.covered),
    );
    expect(body.population).toBe(school.body.population.total);
    expect(body.rows.reduce((s, r) => s + r.complete, 0)).toBe(body.complete);
    for (const row of body.rows) {
      for (const category of row.missing) expect(row.categories[category]).toBeLessThan(0.5);
    }
  });

  it('answers per grid with the same total', async () => {
    const byCommunity = await get<Completeness>('/api/v1/analysis/completeness');
    const byGrid = await get<Completeness>('/api/v1/analysis/completeness?by=grid');
    expect(byGrid.body.complete).toBe(byCommunity.body.complete);
    expect(byGrid.body.rows.length).toBeGreaterThan(byCommunity.body.rows.length);
    expect(byCommunity.body.basicCategories).toHaveLength(16);
  });
});
