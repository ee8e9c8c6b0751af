import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Completeness,
  Coverage,
  Scenario,
  SiteSuggestions,
} from '../../../api/contract/analysis';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { send } from '../incidents/support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let planner: string;
let commander: string;
const created: string[] = [];

const call = async <T>(method: string, path: string, key: string, body?: unknown) => {
  const response = await send(app, method, path, key, body);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
};

/** The best new site for a category, as the API suggests it. */
async function bestSite(category: string, distance: number) {
  const { body } = await call<SiteSuggestions>(
    'GET',
    `/api/v1/analysis/site-suggestions?category=${category}&distance=${distance}&k=3`,
    planner,
  );
  return body;
}

beforeAll(async () => {
  app = createTestApp(db());
  const codes = await areaCodes(db());
  planner = (await makeKey(db(), 'planner', [codes.district])).key;
  commander = (await makeKey(db(), 'commander', [codes.district])).key;
});

afterAll(async () => {
  if (created.length)
    await db().pool.query('DELETE FROM service_points WHERE code = ANY($1)', [created]);
});

describe('site suggestions', () => {
  it('ranks sites by marginal gain, and a suggested site adds exactly its gain', async () => {
    const result = await bestSite('elderly_canteen', 300);
    // Most residents are out of reach, so every one of the k = 3 asked for adds someone.
    expect(result.suggestions).toHaveLength(3);
    const gains = result.suggestions.map((s) => s.gain);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    expect(result.suggestions.at(-1)!.cumulative).toBe(
      result.coveredBefore + gains.reduce((a, b) => a + b, 0),
    );
    const [first] = result.suggestions;
    const { body } = await call<Scenario>('POST', '/api/v1/analysis/scenarios', planner, {
      changes: [{ op: 'add', category: 'elderly_canteen', lng: first!.lng, lat: first!.lat }],
      focus: { category: 'elderly_canteen', distance: 300 },
    });
    expect(body.coverage!.before.population.covered).toBe(result.coveredBefore);
    expect(body.coverage!.after.population.covered).toBe(result.coveredBefore + first!.gain);
  });
});

describe('scenarios', () => {
  it('evaluates an added facility without writing anything', async () => {
    const counts = async () =>
      (
        await db().pool.query(
          `SELECT (SELECT count(*) FROM service_points)::int AS sp, (SELECT count(*) FROM scenarios)::int AS sc,
                  (SELECT sum(version)::int FROM analysis_versions) AS v`,
        )
      ).rows[0];
    const before = await counts();
    const site = (await bestSite('breakfast', 300)).suggestions[0]!;
    const { status, body } = await call<Scenario>('POST', '/api/v1/analysis/scenarios', planner, {
      changes: [{ op: 'add', category: 'breakfast', lng: site.lng, lat: site.lat }],
      focus: { category: 'breakfast' },
    });
    expect(status).toBe(200);
    expect(body.id).toBeNull();
    expect(body.coverage!.after.population.covered).toBeGreaterThan(
      body.coverage!.before.population.covered,
    );
    expect(body.evaluation.categories).toEqual([
      expect.objectContaining({
        category: 'breakfast',
        distance: 300,
        after: body.coverage!.after.population.covered,
      }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('removing every facility of a category leaves nobody covered', async () => {
    const points = await db().pool.query<{ code: string }>(
      "SELECT code FROM service_points WHERE category = 'middle_school'",
    );
    const { body } = await call<Scenario>('POST', '/api/v1/analysis/scenarios', planner, {
      changes: points.rows.map((p) => ({ op: 'remove', code: p.code })),
      focus: { category: 'middle_school' },
    });
    expect(body.coverage!.after.population.covered).toBe(0);
    expect(body.coverage!.after.facilities).toBe(0);
    expect(body.evaluation.completeness.after).toBe(0);
  });

  it('saves, lists, reopens and deletes a scenario', async () => {
    const saved = await call<Scenario>('POST', '/api/v1/analysis/scenarios', planner, {
      name: '测试方案 test',
      save: true,
      changes: [{ op: 'add', category: 'pharmacy', lng: 116.67, lat: 35.4 }],
    });
    expect(saved.status).toBe(201);
    const id = saved.body.id!;
    const list = await call<{ scenarios: { id: number; name: string }[] }>(
      'GET',
      '/api/v1/analysis/scenarios',
      planner,
    );
    expect(list.body.scenarios.map((s) => s.id)).toContain(id);
    const opened = await call<Scenario>('GET', `/api/v1/analysis/scenarios/${id}`, planner);
    expect(opened.body).toMatchObject({ id, name: '测试方案 test', changes: saved.body.changes });
    expect(opened.body.author).toMatch(/^key:planner/);
    expect((await call('DELETE', `/api/v1/analysis/scenarios/${id}`, planner)).status).toBe(204);
    expect((await call('GET', `/api/v1/analysis/scenarios/${id}`, planner)).status).toBe(404);
  });
});

describe('adopting a scenario', () => {
  it('refuses (422) a facility outside the adopter’s scope, and writes nothing', async () => {
    const [home, away] = (await areaCodes(db())).communities as [string, string];
    const point = await db().pool.query<{ lng: number; lat: number }>(
      'SELECT ST_X(c) AS lng, ST_Y(c) AS lat FROM (SELECT ST_PointOnSurface(geom) AS c FROM admin_areas WHERE code = $1) q',
      [away],
    );
    const saved = await call<Scenario>('POST', '/api/v1/analysis/scenarios', planner, {
      name: '越界方案',
      area: home,
      save: true,
      changes: [{ op: 'add', category: 'pharmacy', ...point.rows[0]! }],
    });
    const local = (await makeKey(db(), 'commander', [home])).key;
    const before = await db().pool.query('SELECT count(*)::int AS n FROM service_points');
    const refused = await call<{ error: { message: string } }>(
      'POST',
      `/api/v1/analysis/scenarios/${saved.body.id}/adopt`,
      local,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('outside your scope');
    expect((await db().pool.query('SELECT count(*)::int AS n FROM service_points')).rows).toEqual(
      before.rows,
    );
  });

  it('writes the facility in one audited transaction, and its stored evaluation matches a fresh one', async () => {
    const site = (await bestSite('nursery', 300)).suggestions[0]!;
    const saved = await call<Scenario>('POST', '/api/v1/analysis/scenarios', planner, {
      name: '新建托育园',
      save: true,
      changes: [
        { op: 'add', category: 'nursery', name: '规划托育园', lng: site.lng, lat: site.lat },
      ],
    });
    const id = saved.body.id!;
    expect((await call('POST', `/api/v1/analysis/scenarios/${id}/adopt`, planner)).status).toBe(
      403,
    );
    const adopted = await call<Scenario>(
      'POST',
      `/api/v1/analysis/scenarios/${id}/adopt`,
      commander,
    );
    expect(adopted.status).toBe(200);
    const point = await db().pool.query<{ code: string; category: string }>(
      "SELECT code, category FROM service_points WHERE name = '规划托育园'",
    );
    expect(point.rows).toHaveLength(1);
    created.push(point.rows[0]!.code);
    const audit = await db().pool.query('SELECT actor, detail FROM audit_log WHERE target = $1', [
      `scenario:${id}`,
    ]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].detail.servicePoints).toEqual([`+${point.rows[0]!.code}`]);
    const item = await send(
      app,
      'GET',
      `/ogc/collections/service-points/items/${point.rows[0]!.code}`,
      planner,
    );
    expect(item.status).toBe(200);
    const stored = adopted.body.adopted!.evaluation;
    expect(stored.categories).toHaveLength(20);
    for (const row of stored.categories) {
      const fresh = await call<Coverage>(
        'GET',
        `/api/v1/analysis/coverage?category=${row.category}`,
        planner,
      );
      expect(row.after).toBe(fresh.body.population.covered);
    }
    const nursery = stored.categories.find((c) => c.category === 'nursery')!;
    expect(nursery.after).toBeGreaterThan(nursery.before);
    const complete = await call<Completeness>(
      'GET',
      '/api/v1/analysis/completeness?circle=all',
      planner,
    );
    expect(stored.completeness.after).toBe(complete.body.complete);
    expect((await call('POST', `/api/v1/analysis/scenarios/${id}/adopt`, commander)).status).toBe(
      409,
    );
    expect((await call('DELETE', `/api/v1/analysis/scenarios/${id}`, commander)).status).toBe(409);
  });
});
