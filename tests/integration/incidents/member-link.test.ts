import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, unique } from '../support/identities';
import { act, pointInGrid, report, send } from './support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let admin: string;
let district: string;

beforeAll(async () => {
  app = createTestApp(db(), { clock: fixedClock('2026-06-01T12:00:00Z') });
  district = (await areaCodes(db())).district;
  admin = (await makeKey(db(), 'admin', [district])).key;
});

describe('accounts linked to a grid member', () => {
  it('let the member act on what is assigned to them', async () => {
    const at = await pointInGrid(db());
    const { incident } = await report(app, admin, at.lng, at.lat);
    const member = await db().pool.query<{ id: string }>(
      'SELECT id FROM grid_members ORDER BY id LIMIT 1',
    );
    const memberId = member.rows[0]!.id;
    const created = await send(app, 'POST', '/api/v1/api-keys', admin, {
      name: unique('field-phone'),
      role: 'grid_member',
      scopes: [district],
      memberId,
    });
    expect(created.status).toBe(201);
    const { key, memberId: linked } = await created.json();
    expect(linked).toBe(memberId);
    await act(app, admin, incident.code, { action: 'accept' });
    await act(app, admin, incident.code, { action: 'dispatch', assigneeId: memberId });
    const started = await act(app, key, incident.code, { action: 'start' });
    expect(started.status).toBe(200);
    const timeline = (await started.json()).timeline as { type: string; actor: string }[];
    expect(timeline.at(-1)).toMatchObject({ type: 'start', actor: expect.stringMatching(/^key:/) });
  });

  it('refuse a link to a member that does not exist', async () => {
    const response = await send(app, 'POST', '/api/v1/users', admin, {
      username: unique('ghost'),
      password: 'a-long-enough-password',
      role: 'grid_member',
      scopes: [district],
      memberId: 'no-such-member',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].path).toBe('memberId');
  });
});
