import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { reportBody, send } from './support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let operator: string;

const CLIENTS = 16;
const REPORTS_EACH = 6;

beforeAll(async () => {
  app = createTestApp(db(), { clock: fixedClock('2026-06-01T10:00:00Z') });
  operator = (await makeKey(db(), 'operator', [(await areaCodes(db())).district])).key;
});

interface Sent {
  key: string;
  body: ReturnType<typeof reportBody>;
  code: string;
}

/** Points inside grids, one per report, read before the clients start. */
async function points(count: number): Promise<{ lng: number; lat: number }[]> {
  const result = await db().pool.query<{ lng: number; lat: number }>(
    `SELECT ST_X(ST_PointOnSurface(geom)) AS lng, ST_Y(ST_PointOnSurface(geom)) AS lat
       FROM grids ORDER BY random() LIMIT $1`,
    [count],
  );
  return Array.from({ length: count }, (_, i) => result.rows[i % result.rows.length]!);
}

/** One client reporting at `places` one after another, each under its own key. */
async function reporter(tag: string, places: { lng: number; lat: number }[]): Promise<Sent[]> {
  const sent: Sent[] = [];
  for (const [i, at] of places.entries()) {
    const body = reportBody(at.lng, at.lat, { description: `${tag} 第${i}件` });
    const key = randomUUID();
    const response = await send(app, 'POST', '/api/v1/incidents', operator, body, {
      'Idempotency-Key': key,
    });
    expect(response.status).toBe(201);
    sent.push({ key, body, code: (await response.json()).incident.code });
  }
  return sent;
}

const numberOf = (code: string) => Number(code.slice(10));

describe('Concurrent incident creation', () => {
  it('gives every acknowledged report its own code of the day and stores it exactly once', async () => {
    const run = randomUUID();
    const at = await points(CLIENTS * REPORTS_EACH);
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, (_, c) =>
        reporter(`并发上报 ${run} 客户端${c}`, at.slice(c * REPORTS_EACH, (c + 1) * REPORTS_EACH)),
      ),
    );
    const sent = clients.flat();
    const codes = sent.map((s) => s.code);
    expect(new Set(codes).size).toBe(CLIENTS * REPORTS_EACH);
    for (const code of codes) expect(code).toMatch(/^YP20260601\d{6}$/);
    // One client's reports follow each other, so their numbers rise (gaps allowed).
    for (const client of clients) {
      const numbers = client.map((s) => numberOf(s.code));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
    const stored = await db().pool.query<{ code: string; description: string; n: number }>(
      `SELECT code, min(description) AS description, count(*)::int AS n FROM incidents
        WHERE description LIKE $1 GROUP BY code`,
      [`并发上报 ${run} %`],
    );
    expect(stored.rows).toHaveLength(sent.length);
    const byCode = new Map(stored.rows.map((r) => [r.code, r]));
    for (const s of sent) {
      expect(byCode.get(s.code)).toMatchObject({ n: 1, description: s.body.description });
    }
  });

  it('answers every repeat with the stored incident and creates nothing more', async () => {
    const run = randomUUID();
    const at = await points(8);
    const sent = (
      await Promise.all(
        Array.from({ length: 4 }, (_, c) =>
          reporter(`重复上报 ${run} 客户端${c}`, at.slice(c * 2, c * 2 + 2)),
        ),
      )
    ).flat();
    const repeats = await Promise.all(
      [...sent, ...sent].map(async (s) => {
        const response = await send(app, 'POST', '/api/v1/incidents', operator, s.body, {
          'Idempotency-Key': s.key,
        });
        return { status: response.status, code: (await response.json()).incident.code, s };
      }),
    );
    for (const r of repeats) expect(r).toMatchObject({ status: 200, code: r.s.code });
    const stored = await db().pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM incidents WHERE description LIKE $1',
      [`重复上报 ${run} %`],
    );
    expect(stored.rows[0]!.n).toBe(sent.length);
  });

  it('every report of a day has a report event and an idempotency record of its own', async () => {
    const run = randomUUID();
    const at = await points(16);
    const sent = (
      await Promise.all(
        Array.from({ length: 8 }, (_, c) =>
          reporter(`留痕 ${run} ${c}`, at.slice(c * 2, c * 2 + 2)),
        ),
      )
    ).flat();
    const rows = await db().pool.query<{ code: string; events: number; keys: number }>(
      `SELECT i.code,
              (SELECT count(*)::int FROM incident_events e
                WHERE e.incident_id = i.id AND e.type = 'report') AS events,
              (SELECT count(*)::int FROM idempotency_keys k WHERE k.incident_id = i.id) AS keys
         FROM incidents i WHERE i.code = ANY ($1::text[])`,
      [sent.map((s) => s.code)],
    );
    expect(rows.rows).toHaveLength(sent.length);
    for (const row of rows.rows) expect(row).toMatchObject({ events: 1, keys: 1 });
  });
});

describe('next_incident_code', () => {
  it('continues above the highest code a day already has, and starts a new day at 1', async () => {
    const grid = (
      await db().pool.query<{ code: string; community_code: string; street_code: string }>(
        'SELECT code, community_code, street_code FROM grids LIMIT 1',
      )
    ).rows[0]!;
    await db().pool.query(
      `INSERT INTO incidents (code, category, source, severity, status, grid_code, community_code,
         street_code, reported_at, accept_deadline, resolve_deadline, geom)
       SELECT 'YP20310304000500', 'livelihood', 'patrol', 'low', 'reported', $1, $2, $3,
         now(), now(), now(), ST_PointOnSurface(g.geom) FROM grids g WHERE g.code = $1`,
      [grid.code, grid.community_code, grid.street_code],
    );
    const draw = async (day: string) =>
      (await db().pool.query<{ code: string }>('SELECT next_incident_code($1) AS code', [day]))
        .rows[0]!.code;
    const drawn = await Promise.all(Array.from({ length: 20 }, () => draw('20310304')));
    expect(new Set(drawn).size).toBe(20);
    for (const code of drawn) {
      expect(code).toMatch(/^YP20310304\d{6}$/);
      expect(numberOf(code)).toBeGreaterThan(500);
    }
    expect(await draw('20310305')).toBe('YP20310305000001');
  });
});
