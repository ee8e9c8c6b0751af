import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { pointInGrid, report, send } from './support';

const db = useTestDatabase();
const clock = fixedClock('2026-06-01T11:00:00Z');
let app: ReturnType<typeof createTestApp>;
let operator: string;

beforeAll(async () => {
  app = createTestApp(db(), { clock });
  operator = (await makeKey(db(), 'operator', [(await areaCodes(db())).district])).key;
});

/** A point `metres` north of `lat`. */
const north = (lat: number, metres: number) => lat + metres / 111_320;

describe('probable duplicates', () => {
  it('lists same-category incidents within 50 m and 24 h, nearest first', async () => {
    const at = await pointInGrid(db());
    const category = 'advertising';
    const first = await report(app, operator, at.lng, at.lat, { category });
    clock.advance(60_000);
    const near = await report(app, operator, at.lng, north(at.lat, 30), { category });
    expect(near.probableDuplicates.map((d) => d.code)).toContain(first.incident.code);
    const hit = near.probableDuplicates.find((d) => d.code === first.incident.code)!;
    expect(hit.distanceM).toBeGreaterThan(25);
    expect(hit.distanceM).toBeLessThan(35);

    const far = await report(app, operator, at.lng, north(at.lat, 80), { category });
    expect(far.probableDuplicates.map((d) => d.code)).not.toContain(first.incident.code);

    const otherKind = await report(app, operator, at.lng, at.lat, { category: 'dispute' });
    expect(otherKind.probableDuplicates.map((d) => d.code)).not.toContain(first.incident.code);

    clock.advance(25 * 3_600_000);
    const later = await report(app, operator, at.lng, at.lat, { category });
    expect(later.probableDuplicates.map((d) => d.code)).not.toContain(first.incident.code);
  });

  it('does not offer rejected or merged incidents', async () => {
    const at = await pointInGrid(db());
    const category = 'construction';
    const rejected = await report(app, operator, at.lng, at.lat, { category });
    await send(app, 'POST', `/api/v1/incidents/${rejected.incident.code}/transitions`, operator, {
      action: 'reject',
      reason: '重复',
    });
    const next = await report(app, operator, at.lng, at.lat, { category });
    expect(next.probableDuplicates.map((d) => d.code)).not.toContain(rejected.incident.code);
  });
});

describe('GET /api/v1/incidents/{code} under area scopes', () => {
  it('shows an incident in the caller’s area and answers 404 outside it', async () => {
    const { communities } = await areaCodes(db());
    const [mine, other] = communities;
    const at = await pointInGrid(db(), other);
    const { incident } = await report(app, operator, at.lng, at.lat);
    const inside = (await makeKey(db(), 'display', [other!])).key;
    const outside = (await makeKey(db(), 'display', [mine!])).key;
    const seen = await send(app, 'GET', `/api/v1/incidents/${incident.code}`, inside);
    expect(seen.status).toBe(200);
    expect((await seen.json()).allowedActions).toEqual([]);
    const hidden = await send(app, 'GET', `/api/v1/incidents/${incident.code}`, outside);
    expect(hidden.status).toBe(404);
    const acting = (await makeKey(db(), 'operator', [mine!])).key;
    const refused = await send(
      app,
      'POST',
      `/api/v1/incidents/${incident.code}/transitions`,
      acting,
      { action: 'accept' },
    );
    expect(refused.status).toBe(404);
  });

  it('masks the reporter’s phone number unless the role may see contacts', async () => {
    const at = await pointInGrid(db());
    const { incident } = await report(app, operator, at.lng, at.lat, {
      reporter: { name: '张女士', contact: '13812345678' },
    });
    const { district } = await areaCodes(db());
    const display = (await makeKey(db(), 'display', [district])).key;
    const full = await (
      await send(app, 'GET', `/api/v1/incidents/${incident.code}`, operator)
    ).json();
    const masked = await (
      await send(app, 'GET', `/api/v1/incidents/${incident.code}`, display)
    ).json();
    expect(full.reporter).toEqual({ name: '张女士', contact: '13812345678' });
    expect(masked.reporter.contact).toBe('138****5678');
  });

  it('needs credentials and the right role', async () => {
    const { district } = await areaCodes(db());
    const planner = (await makeKey(db(), 'planner', [district])).key;
    expect(
      (await send(app, 'POST', '/api/v1/incidents', planner, { category: 'dispute' })).status,
    ).toBe(403);
    const anonymous = await app.request('/api/v1/incidents/YP20260601000001');
    expect(anonymous.status).toBe(401);
  });
});
