import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { expectOpen311Error, expectServiceRequest, get } from './support';

const db = useTestDatabase();
const NOW = new Date('2026-06-01T08:00:00Z');
const DAY = 86_400_000;
let app: ReturnType<typeof createTestApp>;
let reader: string;
let communities: string[];

type Request = Record<string, unknown> & {
  service_request_id: string;
  status: string;
  status_notes: string | null;
  service_code: string;
  requested_datetime: string;
  expected_datetime: string;
};

async function list(query = '', key = reader): Promise<Request[]> {
  const response = await get(app, `/open311/v2/requests.json${query}`, key);
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
  return (await response.json()) as Request[];
}

/** Our status and more for incidents, by code, straight from the database. */
async function incidents(codes: string[]) {
  const result = await db().pool.query<{
    code: string;
    status: string;
    category: string;
    community_code: string;
    resolve_deadline: Date;
  }>(
    'SELECT code, status, category, community_code, resolve_deadline FROM incidents WHERE code = ANY($1)',
    [codes],
  );
  return new Map(result.rows.map((r) => [r.code, r]));
}

beforeAll(async () => {
  app = createTestApp(db());
  const areas = await areaCodes(db());
  communities = areas.communities;
  reader = (await makeKey(db(), 'operator', [areas.district])).key;
});

describe('GET /open311/v2/requests', () => {
  it('returns requests of the last 90 days, newest first, each field as the specification says', async () => {
    const requests = await list();
    expect(requests.length).toBeGreaterThan(100);
    expect(requests.length).toBeLessThanOrEqual(1000);
    for (const request of requests) expectServiceRequest(request);
    const times = requests.map((r) => Date.parse(r.requested_datetime));
    expect(times.every((t) => t >= NOW.getTime() - 90 * DAY && t <= NOW.getTime())).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('maps our statuses to open and closed and explains closed ones', async () => {
    const requests = await list();
    const ours = await incidents(requests.map((r) => r.service_request_id));
    const seen = new Set<string>();
    for (const request of requests) {
      const incident = ours.get(request.service_request_id)!;
      const closed = ['closed', 'rejected', 'merged'].includes(incident.status);
      expect(request.status).toBe(closed ? 'closed' : 'open');
      expect(request.service_code).toBe(incident.category);
      expect(Date.parse(request.expected_datetime)).toBe(
        Math.floor(incident.resolve_deadline.getTime() / 1000) * 1000,
      );
      if (incident.status === 'rejected')
        expect(request.status_notes).toMatch(/^不予受理 Rejected/);
      if (incident.status === 'merged') expect(request.status_notes).toMatch(/merged/);
      seen.add(request.status);
    }
    expect(seen).toEqual(new Set(['open', 'closed']));
  });

  it('filters by status and by service_code (repeated or comma delimited)', async () => {
    const open = await list('?status=open');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => r.status === 'open')).toBe(true);
    const some = await list('?service_code=dispute,livelihood&service_code=urgent_help');
    expect(some.length).toBeGreaterThan(0);
    expect(
      some.every((r) => ['dispute', 'livelihood', 'urgent_help'].includes(r.service_code)),
    ).toBe(true);
  });

  it('filters by start_date and end_date, matching the database', async () => {
    const start = new Date(NOW.getTime() - 10 * DAY);
    const end = new Date(NOW.getTime() - 8 * DAY);
    const requests = await list(
      `?start_date=${start.toISOString()}&end_date=${encodeURIComponent('2026-05-24T16:00:00+08:00')}`,
    );
    for (const r of requests) {
      const t = Date.parse(r.requested_datetime);
      expect(t >= start.getTime() && t <= end.getTime()).toBe(true);
    }
    const count = await db().pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM incidents WHERE reported_at BETWEEN $1 AND $2',
      [start.toISOString(), end.toISOString()],
    );
    expect(requests.length).toBe(Math.min(1000, count.rows[0]!.n));
    expect(requests.length).toBeGreaterThan(0);
  });

  it('returns the requests named by service_request_id, whatever the other parameters', async () => {
    const old = await db().pool.query<{ code: string }>(
      'SELECT code FROM incidents ORDER BY reported_at LIMIT 2',
    );
    const codes = old.rows.map((r) => r.code);
    const requests = await list(
      `?service_request_id=${codes.join(',')}&status=open&start_date=2030-01-01T00:00:00Z`,
    );
    expect(requests.map((r) => r.service_request_id).sort()).toEqual([...codes].sort());
  });

  it('refuses bad parameters with 400 in the specification’s error format', async () => {
    const bad = ['?start_date=yesterday', '?status=pending', '?service_code=potholes'];
    for (const query of bad) {
      await expectOpen311Error(await get(app, `/open311/v2/requests.json${query}`, reader), 400);
    }
    const span = '?start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z';
    const description = await expectOpen311Error(
      await get(app, `/open311/v2/requests.json${span}`, reader),
      400,
    );
    expect(description).toContain('90 days');
  });

  it('answers in XML with service_requests and request elements', async () => {
    const response = await get(app, '/open311/v2/requests.xml?status=closed', reader);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml [^>]+>\n<service_requests><request><service_request_id>YP/);
    expect(xml).toContain('<status>closed</status>');
  });
});

describe('GET /open311/v2/requests/{id}', () => {
  it('returns the one request in a list', async () => {
    const [first] = await list();
    const response = await get(
      app,
      `/open311/v2/requests/${first!.service_request_id}.json`,
      reader,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Request[];
    expect(body).toHaveLength(1);
    expectServiceRequest(body[0]!);
    expect(body[0]).toEqual(first);
  });

  it('answers an unknown id with 404 in the specification’s error format', async () => {
    const description = await expectOpen311Error(
      await get(app, '/open311/v2/requests/YP20990101000001.json', reader),
      404,
    );
    expect(description).toContain('YP20990101000001');
  });
});

describe('Open311 access', () => {
  it('shows a community key only its own community’s requests', async () => {
    const local = (await makeKey(db(), 'operator', [communities[0]!])).key;
    const requests = await list('', local);
    expect(requests.length).toBeGreaterThan(0);
    const ours = await incidents(requests.map((r) => r.service_request_id));
    expect(new Set([...ours.values()].map((i) => i.community_code))).toEqual(
      new Set([communities[0]]),
    );
    const other = await db().pool.query<{ code: string }>(
      'SELECT code FROM incidents WHERE community_code = $1 LIMIT 1',
      [communities[1]],
    );
    await expectOpen311Error(
      await get(app, `/open311/v2/requests/${other.rows[0]!.code}.json`, local),
      404,
    );
  });

  it('needs credentials and incidents:read', async () => {
    await expectOpen311Error(await get(app, '/open311/v2/requests.json'), 401);
    const consumer = (await makeKey(db(), 'api_consumer', [communities[0]!])).key;
    await expectOpen311Error(await get(app, '/open311/v2/requests.json', consumer), 403);
  });
});
