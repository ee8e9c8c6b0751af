import { beforeAll, describe, expect, it } from 'vitest';
import type { IncidentStatus } from '../../../api/contract/codes';
import { INCIDENT_ACTIONS } from '../../../api/contract/incidents';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { act, pointInGrid, report, send } from './support';

const db = useTestDatabase();
const clock = fixedClock('2026-06-01T08:10:00Z');
let app: ReturnType<typeof createTestApp>;
let commander: string;
let member: { id: string; key: string };
/** Another member of the district, for re-dispatching. */
let otherMember: string;
let at: { lng: number; lat: number; gridCode: string };

/** The transition table of the issue, written out independently of the domain code. */
const ALLOWED: Record<Exclude<IncidentStatus, 'merged' | 'rejected'>, string[]> = {
  reported: ['accept', 'reject', 'escalate', 'merge'],
  accepted: ['dispatch', 'escalate', 'merge'],
  dispatched: ['dispatch', 'start', 'escalate', 'merge'],
  in_progress: ['dispatch', 'resolve', 'escalate', 'merge'],
  resolved: ['verify', 'reopen', 'escalate', 'merge'],
  verified: ['close', 'escalate', 'merge'],
  closed: ['rate'],
};

/** The actions that bring a reported incident to each status. */
const PATH: Record<keyof typeof ALLOWED, Record<string, unknown>[]> = {
  reported: [],
  accepted: [{ action: 'accept' }],
  dispatched: [{ action: 'accept' }, { action: 'dispatch' }],
  in_progress: [{ action: 'accept' }, { action: 'dispatch' }, { action: 'start' }],
  resolved: [
    { action: 'accept' },
    { action: 'dispatch' },
    { action: 'start' },
    { action: 'resolve' },
  ],
  verified: [
    { action: 'accept' },
    { action: 'dispatch' },
    { action: 'start' },
    { action: 'resolve' },
    { action: 'verify' },
  ],
  closed: [
    { action: 'accept' },
    { action: 'dispatch' },
    { action: 'start' },
    { action: 'resolve' },
    { action: 'verify' },
    { action: 'close' },
  ],
};

/** A body for each action that is valid on its own. */
function bodyOf(action: string, other: string): Record<string, unknown> {
  if (action === 'reject' || action === 'reopen') return { action, reason: '核实不属实' };
  if (action === 'dispatch') return { action, assigneeId: otherMember };
  if (action === 'merge') return { action, into: other };
  if (action === 'rate') return { action, satisfaction: 5 };
  return { action };
}

async function incidentAt(status: keyof typeof ALLOWED) {
  const { incident } = await report(app, commander, at.lng, at.lat);
  for (const step of PATH[status]) {
    const body = step.action === 'dispatch' ? { action: 'dispatch', assigneeId: member.id } : step;
    const response = await act(app, commander, incident.code, body);
    if (response.status !== 200) throw new Error(`${step.action}: ${await response.text()}`);
  }
  return incident.code;
}

beforeAll(async () => {
  app = createTestApp(db(), { clock });
  const { district } = await areaCodes(db());
  commander = (await makeKey(db(), 'commander', [district])).key;
  at = await pointInGrid(db());
  const row = await db().pool.query<{ id: string }>(
    `SELECT m.id FROM grid_members m JOIN grid_member_grids mg ON mg.member_id = m.id
      WHERE mg.grid_code = $1 ORDER BY m.id LIMIT 1`,
    [at.gridCode],
  );
  const id = row.rows[0]!.id;
  const other = await db().pool.query<{ id: string }>(
    'SELECT id FROM grid_members WHERE id <> $1 ORDER BY id LIMIT 1',
    [id],
  );
  otherMember = other.rows[0]!.id;
  member = { id, key: (await makeKey(db(), 'grid_member', [district], undefined, id)).key };
});

describe('POST /api/v1/incidents/{code}/transitions', () => {
  it('walks the closed loop and records every step with its version', async () => {
    const { incident } = await report(app, commander, at.lng, at.lat);
    const steps: [Record<string, unknown>, string][] = [
      [{ action: 'accept' }, 'accepted'],
      [{ action: 'dispatch', assigneeId: member.id }, 'dispatched'],
      [{ action: 'start' }, 'in_progress'],
      [{ action: 'resolve' }, 'resolved'],
      [{ action: 'reopen', reason: '复核未整改到位' }, 'dispatched'],
      [{ action: 'start' }, 'in_progress'],
      [{ action: 'resolve' }, 'resolved'],
      [{ action: 'verify' }, 'verified'],
      [{ action: 'close' }, 'closed'],
      [{ action: 'rate', satisfaction: 4 }, 'closed'],
    ];
    let version = incident.version;
    for (const [body, status] of steps) {
      const response = await act(app, commander, incident.code, body, version);
      expect(response.status, String(body.action)).toBe(200);
      const detail = await response.json();
      expect(detail.status).toBe(status);
      expect(detail.version).toBe(version + 1);
      expect(response.headers.get('ETag')).toBe(`"${version + 1}"`);
      version = detail.version;
    }
    const detail = await (
      await send(app, 'GET', `/api/v1/incidents/${incident.code}`, commander)
    ).json();
    expect(detail.satisfaction).toBe(4);
    expect(detail.closedAt).toBe('2026-06-01T08:10:00.000Z');
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual([
      'report',
      ...steps.map(([body]) => body.action),
    ]);
  });

  it.each(Object.keys(ALLOWED) as (keyof typeof ALLOWED)[])(
    'from %s allows exactly the actions of the table and refuses the rest with 409',
    async (status) => {
      const other = await incidentAt('reported');
      for (const action of INCIDENT_ACTIONS) {
        const code = await incidentAt(status);
        const before = await (
          await send(app, 'GET', `/api/v1/incidents/${code}`, commander)
        ).json();
        const response = await act(app, commander, code, bodyOf(action, other));
        if (ALLOWED[status].includes(action)) {
          expect(response.status, `${status} → ${action}`).toBe(200);
          continue;
        }
        expect(response.status, `${status} → ${action}`).toBe(409);
        const { error } = await response.json();
        expect(error.message).toContain(status);
        for (const allowed of ALLOWED[status]) expect(error.message).toContain(allowed);
        const after = await (await send(app, 'GET', `/api/v1/incidents/${code}`, commander)).json();
        expect(after.version).toBe(before.version);
      }
    },
  );

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const code = await incidentAt('reported');
    expect((await act(app, commander, code, { action: 'accept' }, 1)).status).toBe(200);
    const stale = await act(app, commander, code, { action: 'dispatch', assigneeId: member.id }, 1);
    expect(stale.status).toBe(412);
    const { error } = await stale.json();
    expect(error.message, JSON.stringify(error)).toMatch(/version 1, the current version is 2/);
    const detail = await (await send(app, 'GET', `/api/v1/incidents/${code}`, commander)).json();
    expect(detail).toMatchObject({ status: 'accepted', version: 2 });
    expect((await act(app, commander, code, { action: 'start' }, Number.NaN)).status).toBe(400);
  });

  it('dispatches to the member responsible for the grid when no assignee is named', async () => {
    const { incident } = await report(app, commander, at.lng, at.lat);
    await act(app, commander, incident.code, { action: 'accept' });
    const response = await act(app, commander, incident.code, { action: 'dispatch' });
    const expected = await db().pool.query<{ id: string }>(
      `SELECT m.id FROM grid_member_grids mg JOIN grid_members m ON m.id = mg.member_id
        WHERE mg.grid_code = $1 AND m.on_duty
        ORDER BY array_position(ARRAY['full_time','part_time','leader','professional','helper'], m.role), m.id
        LIMIT 1`,
      [incident.gridCode],
    );
    if (expected.rowCount === 0) {
      expect(response.status).toBe(422);
    } else {
      expect(response.status).toBe(200);
      expect((await response.json()).assigneeId).toBe(expected.rows[0]!.id);
    }
  });

  it('refuses an unknown assignee (422), a missing reason (400) and a bad code (400)', async () => {
    const code = await incidentAt('accepted');
    const unknown = await act(app, commander, code, {
      action: 'dispatch',
      assigneeId: 'nobody-here',
    });
    expect(unknown.status).toBe(422);
    const reported = await incidentAt('reported');
    expect((await act(app, commander, reported, { action: 'reject' })).status).toBe(400);
    expect((await act(app, commander, 'not-a-code', { action: 'accept' })).status).toBe(400);
    expect((await act(app, commander, 'YP20990101999999', { action: 'accept' })).status).toBe(404);
  });

  it('lets a grid member act only on incidents assigned to them, and only in the field', async () => {
    const code = await incidentAt('dispatched');
    const others = await incidentAt('accepted');
    await act(app, commander, others, { action: 'dispatch', assigneeId: otherMember });
    expect((await act(app, member.key, others, { action: 'start' })).status).toBe(403);
    expect((await act(app, member.key, code, { action: 'start' })).status).toBe(200);
    expect((await act(app, member.key, code, { action: 'resolve' })).status).toBe(200);
    expect((await act(app, member.key, code, { action: 'verify' })).status).toBe(403);
    const { district } = await areaCodes(db());
    const stranger = (await makeKey(db(), 'grid_member', [district], undefined, undefined)).key;
    const reported = await incidentAt('dispatched');
    expect((await act(app, stranger, reported, { action: 'start' })).status).toBe(403);
  });

  it('keeps escalation and closing escalated cases to commanders', async () => {
    const { district } = await areaCodes(db());
    const operator = (await makeKey(db(), 'operator', [district])).key;
    const display = (await makeKey(db(), 'display', [district])).key;
    const code = await incidentAt('verified');
    expect((await act(app, display, code, { action: 'close' })).status).toBe(403);
    expect((await act(app, operator, code, { action: 'escalate' })).status).toBe(403);
    const escalated = await act(app, commander, code, { action: 'escalate' });
    expect((await escalated.json()).escalationLevel).toBe('community');
    expect((await act(app, operator, code, { action: 'close' })).status).toBe(403);
    expect((await act(app, commander, code, { action: 'close' })).status).toBe(200);
  });

  it('merges a duplicate into another incident and keeps both timelines', async () => {
    const original = await incidentAt('accepted');
    const duplicate = await incidentAt('reported');
    const response = await act(app, commander, duplicate, { action: 'merge', into: original });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'merged', duplicateOf: original });
    const detail = await (
      await send(app, 'GET', `/api/v1/incidents/${original}`, commander)
    ).json();
    const timeline = detail.timeline as { incident: string; type: string }[];
    expect(timeline.filter((e) => e.incident === duplicate).map((e) => e.type)).toEqual([
      'report',
      'merge',
    ]);
    expect(timeline.filter((e) => e.incident === original).map((e) => e.type)).toEqual([
      'report',
      'accept',
      'absorb',
    ]);
    expect(detail.version).toBe(2);
    const again = await act(app, commander, original, { action: 'merge', into: duplicate });
    expect(again.status).toBe(409);
    expect((await act(app, commander, original, { action: 'merge', into: original })).status).toBe(
      400,
    );
    const missing = await act(app, commander, original, {
      action: 'merge',
      into: 'YP20990101999999',
    });
    expect(missing.status).toBe(404);
  });
});
