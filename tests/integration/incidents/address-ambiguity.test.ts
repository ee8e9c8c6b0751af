import { beforeAll, describe, expect, it } from 'vitest';
import { ROAD_PRECISE_SPAN_M } from '../../../api/domain/address-match';
import { expectOpen311Error, postForm } from '../open311/support';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { reportBody, send } from './support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let operator: string;
let consumer: string;

beforeAll(async () => {
  app = createTestApp(db(), { clock: fixedClock('2026-06-01T09:00:00Z') });
  const { district } = await areaCodes(db());
  operator = (await makeKey(db(), 'operator', [district])).key;
  consumer = (await makeKey(db(), 'api_consumer', [district])).key;
});

/** Named roads with how far they reach end to end and the communities their segments cross. */
async function roads() {
  const result = await db().pool.query<{ name: string; span_m: number; communities: string[] }>(
    `SELECT r.name,
            ST_Distance(ST_SetSRID(ST_MakePoint(ST_XMin(ST_Extent(r.geom)), ST_YMin(ST_Extent(r.geom))), 4326)::geography,
                        ST_SetSRID(ST_MakePoint(ST_XMax(ST_Extent(r.geom)), ST_YMax(ST_Extent(r.geom))), 4326)::geography) AS span_m,
            ARRAY(SELECT DISTINCT a.code FROM admin_areas a, roads s
                   WHERE s.name = r.name AND a.level = 'community'
                     AND ST_Contains(a.geom, ST_LineInterpolatePoint(s.geom, 0.5))
                   ORDER BY a.code) AS communities
       FROM roads r
      WHERE length(r.name) >= 2
        AND NOT EXISTS (SELECT 1 FROM admin_areas a WHERE strpos(a.name, r.name) > 0)
        AND NOT EXISTS (SELECT 1 FROM grids g WHERE strpos(g.name, r.name) > 0)
        AND NOT EXISTS (SELECT 1 FROM roads o WHERE o.name <> r.name AND strpos(o.name, r.name) > 0)
      GROUP BY r.name ORDER BY r.name`,
  );
  return result.rows;
}

async function incidentCount(): Promise<number> {
  return (await db().pool.query<{ n: number }>('SELECT count(*)::int AS n FROM incidents')).rows[0]!
    .n;
}

function byAddress(address: string) {
  const body = { ...reportBody(0, 0), location: undefined, address };
  return send(app, 'POST', '/api/v1/incidents', operator, body);
}

/** `[lng, lat]` at the end of a candidate issue's message. */
function candidatePoint(message: string): [number, number] {
  const match = /\[(-?[\d.]+), (-?[\d.]+)\]$/.exec(message);
  expect(match, message).not.toBeNull();
  return [Number(match![1]), Number(match![2])];
}

/** Whether a point lies within `metres` of the named road, and the community containing it. */
async function placeOf(point: [number, number], road: string, metres = 1) {
  const result = await db().pool.query<{ on_road: boolean; community: string | null }>(
    `WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS g)
     SELECT EXISTS (SELECT 1 FROM roads r WHERE r.name = $3
                     AND ST_DWithin(r.geom::geography, p.g::geography, $4)) AS on_road,
            (SELECT a.code FROM admin_areas a
              WHERE a.level = 'community' AND ST_Contains(a.geom, p.g)) AS community
       FROM p`,
    [point[0], point[1], road, metres],
  );
  return result.rows[0]!;
}

describe('an address naming a long road', () => {
  it('is answered 422 with a candidate on the road in each community it crosses, writing nothing', async () => {
    const long = (await roads()).find(
      (r) => r.span_m > ROAD_PRECISE_SPAN_M && r.communities.length >= 2,
    );
    expect(long, 'the district has a long road across communities').toBeDefined();
    const before = await incidentCount();
    const response = await byAddress(`${long!.name}路边井盖缺失`);
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as {
      error: { code: string; message: string; issues: { path: string; message: string }[] };
    };
    expect(error.code).toBe('ambiguous_address');
    expect(error.message).toContain(long!.name);
    expect(error.issues.length).toBeGreaterThanOrEqual(2);
    const named = new Set<string>();
    for (const issue of error.issues) {
      expect(issue.path).toBe('address');
      expect(issue.message.startsWith(long!.name)).toBe(true);
      const place = await placeOf(candidatePoint(issue.message), long!.name);
      expect(place.on_road, issue.message).toBe(true);
      const code = /\((\d{12})\)/.exec(issue.message)?.[1];
      expect(code, issue.message).toBeDefined();
      named.add(code!);
    }
    expect(named.size).toBe(error.issues.length);
    for (const community of long!.communities) expect(named).toContain(community);
    expect(await incidentCount()).toBe(before);
  });

  it('is placed on the road inside the community the address also names', async () => {
    const long = (await roads()).find(
      (r) => r.span_m > ROAD_PRECISE_SPAN_M && r.communities.length >= 2,
    )!;
    const community = long.communities[1]!;
    const name = (
      await db().pool.query<{ name: string }>('SELECT name FROM admin_areas WHERE code = $1', [
        community,
      ])
    ).rows[0]!.name;
    const response = await byAddress(`${name}${long.name}路边井盖缺失`);
    expect(response.status).toBe(201);
    const { incident } = (await response.json()) as {
      incident: { communityCode: string; location: { coordinates: [number, number] } };
    };
    expect(incident.communityCode).toBe(community);
    const place = await placeOf(incident.location.coordinates, long.name);
    expect(place.on_road).toBe(true);
    expect(place.community).toBe(community);
  });

  it('places a short road at a point on it', async () => {
    const short = (await roads()).find((r) => r.span_m <= ROAD_PRECISE_SPAN_M / 2);
    expect(short, 'the district has a short named road').toBeDefined();
    const response = await byAddress(`${short!.name}垃圾满溢`);
    expect(response.status).toBe(201);
    const { incident } = (await response.json()) as {
      incident: { location: { coordinates: [number, number] } };
    };
    expect((await placeOf(incident.location.coordinates, short!.name)).on_road).toBe(true);
  });

  it('is answered by Open311 in GeoReport’s error shape with the candidates, writing nothing', async () => {
    const long = (await roads()).find(
      (r) => r.span_m > ROAD_PRECISE_SPAN_M && r.communities.length >= 2,
    )!;
    const before = await incidentCount();
    const response = await postForm(app, '/open311/v2/requests.json', {
      api_key: consumer,
      service_code: 'public_facility',
      address_string: long.name,
      description: '路灯不亮 Street light out',
    });
    const description = await expectOpen311Error(response, 400);
    expect(description).toContain(long.name);
    expect(description).toContain('address_string:');
    for (const community of long.communities) expect(description).toContain(community);
    expect(await incidentCount()).toBe(before);
  });
});

describe('an address naming a community', () => {
  it('is placed inside that community', async () => {
    const { rows } = await db().pool.query<{ code: string; name: string }>(
      `SELECT a.code, a.name FROM admin_areas a WHERE a.level = 'community'
          AND (SELECT count(*) FROM admin_areas b WHERE b.name = a.name) = 1
        ORDER BY a.code LIMIT 1`,
    );
    const response = await byAddress(`${rows[0]!.name}居委会门口`);
    expect(response.status).toBe(201);
    const { incident } = (await response.json()) as { incident: { communityCode: string } };
    expect(incident.communityCode).toBe(rows[0]!.code);
  });
});
