import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { send } from '../incidents/support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let planner: string;
let scopedPlanner: string;
let operator: string;
let codes: Awaited<ReturnType<typeof areaCodes>>;

const stored = async () =>
  (
    await db().pool.query(
      `SELECT (SELECT count(*) FROM service_points)::int AS sp, (SELECT count(*) FROM scenarios)::int AS sc,
              (SELECT count(*) FROM audit_log)::int AS audit`,
    )
  ).rows[0];

const error = async (method: string, path: string, key: string, body?: unknown) => {
  const response = await send(app, method, path, key, body);
  const json = (await response.json()) as {
    error: { code: string; message: string; issues?: { path: string; message: string }[] };
  };
  return { status: response.status, ...json.error, text: JSON.stringify(json) };
};

beforeAll(async () => {
  app = createTestApp(db());
  codes = await areaCodes(db());
  planner = (await makeKey(db(), 'planner', [codes.district])).key;
  scopedPlanner = (await makeKey(db(), 'planner', [codes.communities[0]!])).key;
  operator = (await makeKey(db(), 'operator', [codes.district])).key;
});

describe('analysis input that cannot be served gets a clear 4xx and changes nothing', () => {
  it('names the valid categories for an unknown one', async () => {
    const before = await stored();
    const e = await error('GET', '/api/v1/analysis/coverage?category=hospital', planner);
    expect(e.status).toBe(400);
    expect(e.text).toContain('health_station');
    expect(e.text).toContain('hospital');
    const nul = await error('GET', '/api/v1/analysis/coverage?category=health%00station', planner);
    expect(nul.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('keeps distances within 50–3,000 m and k within 1–20', async () => {
    const cases = [
      ['distance=20', 'distance', 'between 50 and 3000 metres'],
      ['distance=3500', 'distance', 'between 50 and 3000 metres'],
      ['distance=abc', 'distance', 'number of metres'],
      ['minutes=100', 'minutes', 'outside 50–3000 m'],
    ] as const;
    for (const [query, path, words] of cases) {
      const e = await error('GET', `/api/v1/analysis/coverage?category=pharmacy&${query}`, planner);
      expect(e.status, query).toBe(400);
      expect(e.issues, query).toContainEqual({ path, message: expect.stringContaining(words) });
    }
    for (const k of ['0', '21', '2.5']) {
      const e = await error(
        'GET',
        `/api/v1/analysis/site-suggestions?category=pharmacy&k=${k}`,
        planner,
      );
      expect(e.status, k).toBe(400);
    }
  });

  it('treats an area outside the scope like an unknown one (404)', async () => {
    const outside = await error(
      'GET',
      `/api/v1/analysis/completeness?area=${codes.communities[1]}`,
      scopedPlanner,
    );
    const unknown = await error(
      'GET',
      '/api/v1/analysis/completeness?area=370871999999',
      scopedPlanner,
    );
    expect(outside.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(outside.message.replace(codes.communities[1]!, 'X')).toBe(
      unknown.message.replace('370871999999', 'X'),
    );
  });

  it('refuses scenarios that are too big, off the map or name unknown facilities', async () => {
    const before = await stored();
    const many = Array.from({ length: 51 }, () => ({
      op: 'add',
      category: 'pharmacy',
      lng: 116.67,
      lat: 35.4,
    }));
    expect(
      (await error('POST', '/api/v1/analysis/scenarios', planner, { changes: many })).status,
    ).toBe(400);
    const off = await error('POST', '/api/v1/analysis/scenarios', planner, {
      changes: [{ op: 'add', category: 'pharmacy', lng: 121.47, lat: 31.23 }],
    });
    expect(off.status).toBe(422);
    const unknown = await error('POST', '/api/v1/analysis/scenarios', planner, {
      changes: [{ op: 'remove', code: 'SP999999' }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.message).toContain('SP999999');
    const unnamed = await error('POST', '/api/v1/analysis/scenarios', planner, {
      save: true,
      changes: [],
    });
    expect(unnamed.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('keeps planning to the roles that plan, and adoption to commanders and admins', async () => {
    expect(
      (await error('GET', '/api/v1/analysis/site-suggestions?category=pharmacy', operator)).status,
    ).toBe(403);
    expect(
      (await error('POST', '/api/v1/analysis/scenarios', operator, { changes: [] })).status,
    ).toBe(403);
    expect((await error('POST', '/api/v1/analysis/scenarios/1/adopt', planner)).status).toBe(403);
    const coverage = await send(app, 'GET', '/api/v1/analysis/completeness?circle=all', operator);
    expect(coverage.status).toBe(200);
  });
});
