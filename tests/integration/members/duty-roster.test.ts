import { beforeAll, describe, expect, it } from 'vitest';
import type { DutyRoster, DutyStreet } from '../../../api/contract/stats';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { send } from '../incidents/support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let commander: string;

const roster = async (query = '', key = commander) => {
  const response = await send(app, 'GET', `/api/v1/stats/duty${query}`, key);
  return { status: response.status, body: (await response.json()) as DutyRoster };
};

/** The roster tallied in JavaScript from the members' raw rows (owner connection, no scope). */
async function tally(streetPrefix: string): Promise<DutyStreet[]> {
  const rows = await db().pool.query<{
    street_code: string;
    street: string;
    role: string;
    on_duty: boolean;
    name: string;
  }>(
    `SELECT m.street_code, a.name AS street, m.role, m.on_duty, m.name
       FROM grid_members m JOIN admin_areas a ON a.code = m.street_code
      WHERE m.street_code LIKE $1 || '%'
      ORDER BY m.name, m.id`,
    [streetPrefix],
  );
  const streets = new Map<string, DutyStreet>();
  for (const r of rows.rows) {
    const s = streets.get(r.street_code) ?? {
      code: r.street_code,
      name: r.street,
      leaders: { onDuty: 0, total: 0, names: [] },
      members: { onDuty: 0, total: 0 },
    };
    const group = r.role === 'leader' ? s.leaders : s.members;
    group.total += 1;
    if (r.on_duty) group.onDuty += 1;
    if (r.on_duty && r.role === 'leader') s.leaders.names.push(r.name);
    streets.set(r.street_code, s);
  }
  return [...streets.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

beforeAll(async () => {
  app = createTestApp(db(), { clock: fixedClock('2026-06-20T02:00:00Z') });
  const { district } = await areaCodes(db());
  commander = (await makeKey(db(), 'commander', [district])).key;
});

describe('GET /api/v1/stats/duty', () => {
  it('counts leaders and members on duty per street as the members table holds them', async () => {
    const { district } = await areaCodes(db());
    const { status, body } = await roster();
    expect(status).toBe(200);
    expect(body.generatedAt).toBe('2026-06-20T02:00:00.000Z');
    const expected = await tally(district.slice(0, 6));
    expect(expected.length).toBeGreaterThan(0);
    expect(body.streets).toEqual(expected);
  });

  it('follows a leader coming on duty', async () => {
    const { street } = await areaCodes(db());
    const leader = await db().pool.query<{ id: string; name: string; on_duty: boolean }>(
      `SELECT id, name, on_duty FROM grid_members WHERE role = 'leader' AND street_code = $1
        ORDER BY id LIMIT 1`,
      [street],
    );
    const { id, name, on_duty: wasOnDuty } = leader.rows[0]!;
    await db().pool.query('UPDATE grid_members SET on_duty = false WHERE id = $1', [id]);
    const off = (await roster(`?area=${street}`)).body.streets[0]!;
    await db().pool.query('UPDATE grid_members SET on_duty = true WHERE id = $1', [id]);
    const on = (await roster(`?area=${street}`)).body.streets[0]!;
    await db().pool.query('UPDATE grid_members SET on_duty = $2 WHERE id = $1', [id, wasOnDuty]);
    expect(on.leaders.onDuty).toBe(off.leaders.onDuty + 1);
    expect(off.leaders.names).not.toContain(name);
    expect(on.leaders.names).toContain(name);
    expect(on.members).toEqual(off.members);
  });

  it('shows a street-scoped caller only their street, and 404 for areas outside it', async () => {
    const { street, district } = await areaCodes(db());
    const key = (await makeKey(db(), 'display', [street])).key;
    const own = await roster('', key);
    expect(own.status).toBe(200);
    expect(own.body.streets).toEqual(await tally(street.slice(0, 9)));
    expect(own.body.streets.map((s) => s.code)).toEqual([street]);
    const response = await send(app, 'GET', `/api/v1/stats/duty?area=${district}`, key);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe(
      `There is no admin area ${district} in your scope.`,
    );
  });

  it('answers 400 for a malformed area and 403 for a role that may not read incidents', async () => {
    const bad = await send(app, 'GET', '/api/v1/stats/duty?area=12345', commander);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe('area');
    const { district } = await areaCodes(db());
    for (const role of ['planner', 'api_consumer'] as const) {
      const key = (await makeKey(db(), role, [district])).key;
      expect((await roster('', key)).status).toBe(403);
    }
  });
});
