import { beforeAll, describe, expect, it } from 'vitest';
import { sweepOverdue } from '../../../api/use-cases/incidents/sla-sweep';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { act, pointInGrid, report, send } from './support';

const db = useTestDatabase();
const clock = fixedClock('2026-06-01T08:20:00Z');
let app: ReturnType<typeof createTestApp>;
let commander: string;

beforeAll(async () => {
  app = createTestApp(db(), { clock });
  commander = (await makeKey(db(), 'commander', [(await areaCodes(db())).district])).key;
});

const minutes = (n: number) => n * 60_000;

async function detail(code: string) {
  return (await send(app, 'GET', `/api/v1/incidents/${code}`, commander)).json();
}

async function alertsOf(code: string) {
  const result = await db().pool.query<{ type: string; actor: string }>(
    'SELECT type, actor FROM incident_events WHERE subject = $1 AND alert ORDER BY seq',
    [code],
  );
  return result.rows;
}

describe('SLA deadlines with a moved clock', () => {
  it('flags a missed accept deadline once and escalates the urgent call one level', async () => {
    clock.set('2026-06-01T08:20:00Z');
    const at = await pointInGrid(db());
    const { incident } = await report(app, commander, at.lng, at.lat, {
      category: 'urgent_help',
      severity: 'high',
    });
    expect(incident).toMatchObject({
      acceptDeadline: '2026-06-01T08:21:00.000Z',
      onSiteDeadline: '2026-06-01T08:30:00.000Z',
    });
    await sweepOverdue(db().pool, clock.now());
    expect((await detail(incident.code)).overdue).toBe(false);

    clock.advance(minutes(2));
    await sweepOverdue(db().pool, clock.now());
    const late = await detail(incident.code);
    expect(late).toMatchObject({
      overdue: true,
      overdueClocks: ['accept'],
      escalationLevel: 'community',
      status: 'reported',
      version: 2,
    });
    expect(await alertsOf(incident.code)).toEqual([
      { type: 'report', actor: expect.any(String) },
      { type: 'accept_overdue', actor: 'system' },
      { type: 'escalate', actor: 'system' },
    ]);

    await sweepOverdue(db().pool, clock.now());
    expect((await detail(incident.code)).version).toBe(2);

    clock.advance(minutes(10));
    await sweepOverdue(db().pool, clock.now());
    expect(await detail(incident.code)).toMatchObject({
      overdueClocks: ['accept', 'on_site'],
      escalationLevel: 'street',
      version: 3,
    });

    const accepted = await act(app, commander, incident.code, { action: 'accept' });
    const types = (await accepted.json()).timeline.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === 'accept_overdue')).toHaveLength(1);
  });

  it('records a deadline missed by a late action even before any sweep', async () => {
    clock.set('2026-06-01T09:00:00Z');
    const at = await pointInGrid(db());
    const { incident } = await report(app, commander, at.lng, at.lat, { category: 'dispute' });
    clock.advance(minutes(3 * 60));
    const response = await act(app, commander, incident.code, { action: 'accept' });
    const accepted = await response.json();
    expect(accepted.overdueClocks).toEqual(['accept']);
    expect(accepted.timeline.map((e: { type: string }) => e.type)).toEqual([
      'report',
      'accept_overdue',
      'accept',
    ]);
  });

  it('leaves closed, rejected and in-time incidents alone', async () => {
    clock.set('2026-06-01T10:00:00Z');
    const at = await pointInGrid(db());
    const rejected = (await report(app, commander, at.lng, at.lat)).incident.code;
    await act(app, commander, rejected, { action: 'reject', reason: '不属于受理范围' });
    const fresh = (await report(app, commander, at.lng, at.lat)).incident.code;
    clock.advance(minutes(30));
    await sweepOverdue(db().pool, clock.now());
    expect((await detail(fresh)).version).toBe(1);
    clock.advance(minutes(24 * 60));
    await sweepOverdue(db().pool, clock.now());
    expect((await detail(rejected)).overdue).toBe(false);
    expect((await detail(fresh)).overdueClocks).toEqual(['accept', 'resolve']);
  });
});
