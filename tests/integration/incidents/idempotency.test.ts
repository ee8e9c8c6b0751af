import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { pointInGrid, reportBody, send } from './support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let operator: string;

beforeAll(async () => {
  app = createTestApp(db(), { clock: fixedClock('2026-06-01T10:00:00Z') });
  operator = (await makeKey(db(), 'operator', [(await areaCodes(db())).district])).key;
});

const countWith = async (description: string) =>
  (
    await db().pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM incidents WHERE description = $1',
      [description],
    )
  ).rows[0]!.n;

describe('Idempotency-Key', () => {
  it('returns the same incident for a repeat and creates nothing', async () => {
    const at = await pointInGrid(db());
    const body = reportBody(at.lng, at.lat, { description: `重复提交 ${randomUUID()}` });
    const headers = { 'Idempotency-Key': randomUUID() };
    const first = await send(app, 'POST', '/api/v1/incidents', operator, body, headers);
    const again = await send(app, 'POST', '/api/v1/incidents', operator, body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await again.json()).incident.code).toBe((await first.json()).incident.code);
    expect(await countWith(body.description)).toBe(1);
  });

  it('creates exactly one incident under concurrent repeats', async () => {
    const at = await pointInGrid(db());
    const body = reportBody(at.lng, at.lat, { description: `并发提交 ${randomUUID()}` });
    const headers = { 'Idempotency-Key': randomUUID() };
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        send(app, 'POST', '/api/v1/incidents', operator, body, headers),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 201]);
    const codes = new Set(
      await Promise.all(responses.map(async (r) => (await r.json()).incident.code)),
    );
    expect(codes.size).toBe(1);
    expect(await countWith(body.description)).toBe(1);
  });

  it('refuses the same key with a different request (422) and keeps the first incident', async () => {
    const at = await pointInGrid(db());
    const headers = { 'Idempotency-Key': randomUUID() };
    const body = reportBody(at.lng, at.lat, { description: `第一次 ${randomUUID()}` });
    await send(app, 'POST', '/api/v1/incidents', operator, body, headers);
    const other = { ...body, description: `第二次 ${randomUUID()}` };
    const response = await send(app, 'POST', '/api/v1/incidents', operator, other, headers);
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe('idempotency_key_reused');
    expect(await countWith(body.description)).toBe(1);
    expect(await countWith(other.description)).toBe(0);
  });

  it('keeps keys apart per caller', async () => {
    const at = await pointInGrid(db());
    const other = (await makeKey(db(), 'operator', [(await areaCodes(db())).district])).key;
    const headers = { 'Idempotency-Key': randomUUID() };
    const body = reportBody(at.lng, at.lat, { description: `两人同键 ${randomUUID()}` });
    const a = await send(app, 'POST', '/api/v1/incidents', operator, body, headers);
    const b = await send(app, 'POST', '/api/v1/incidents', other, body, headers);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await countWith(body.description)).toBe(2);
  });

  it('rejects a malformed key with 400', async () => {
    const at = await pointInGrid(db());
    const response = await send(
      app,
      'POST',
      '/api/v1/incidents',
      operator,
      reportBody(at.lng, at.lat),
      {
        'Idempotency-Key': 'x'.repeat(300),
      },
    );
    expect(response.status).toBe(400);
  });
});
