import { beforeAll, describe, expect, it } from 'vitest';
import { IOT_ALARM_TYPES } from '../../../api/contract/iot';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { act, send } from './support';

const db = useTestDatabase();
const START = '2026-06-01T08:00:00Z';
let platform: string;
let operator: string;
let communities: string[];

interface Device {
  id: string;
  kind: string;
  community_code: string;
  lng: number;
  lat: number;
}
let devices: Device[];
const used = new Set<string>();

/** A device of `kind` (in `community`, if given) that no other test of this file has used. */
function freshDevice(kind: string, community?: string): Device {
  const device = devices.find(
    (d) =>
      d.kind === kind &&
      !used.has(d.id) &&
      (community === undefined || d.community_code === community),
  );
  if (!device) throw new Error(`no unused ${kind} device left in the test district`);
  used.add(device.id);
  return device;
}

function setup() {
  const clock = fixedClock(START);
  return { clock, app: createTestApp(db(), { clock }) };
}

function alarm(
  app: ReturnType<typeof createTestApp>,
  device: Pick<Device, 'id' | 'kind'>,
  overrides: Record<string, unknown> = {},
  key = platform,
) {
  const body = { deviceId: device.id, alarmType: device.kind, at: START, ...overrides };
  return send(app, 'POST', '/api/v1/iot/alarms', key, body);
}

interface AlarmAnswer {
  repeat: boolean;
  alarmCount: number;
  incident: Record<string, unknown> & {
    code: string;
    version: number;
    location: { coordinates: [number, number] };
    timeline: { type: string }[];
  };
}

beforeAll(async () => {
  const areas = await areaCodes(db());
  communities = areas.communities;
  platform = (await makeKey(db(), 'api_consumer', [areas.district])).key;
  operator = (await makeKey(db(), 'operator', [areas.district])).key;
  const result = await db().pool.query<Device>(
    'SELECT id, kind, community_code, ST_X(geom) AS lng, ST_Y(geom) AS lat FROM iot_devices ORDER BY id',
  );
  devices = result.rows;
});

describe('IoT devices in the seeded district', () => {
  it('has devices of every kind, and the table allows exactly the contract’s kinds', async () => {
    expect(new Set(devices.map((d) => d.kind))).toEqual(new Set(IOT_ALARM_TYPES));
    const check = await db().pool.query<{ def: string }>(
      `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
        WHERE t.relname = 'iot_devices' AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%kind%'`,
    );
    const allowed = [...check.rows[0]!.def.matchAll(/'([^']+)'::text/g)].map((m) => m[1]);
    expect(allowed.sort()).toEqual([...IOT_ALARM_TYPES].sort());
  });
});

describe('POST /api/v1/iot/alarms', () => {
  it('opens an incident at the device’s registered location, mapped from the alarm type', async () => {
    const { app } = setup();
    const device = freshDevice('smoke_detector');
    const response = await alarm(app, device, { value: 0.42, detail: '3 号楼 2 单元' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as AlarmAnswer;
    expect(body.repeat).toBe(false);
    expect(body.alarmCount).toBe(1);
    expect(body.incident).toMatchObject({
      category: 'emergency',
      severity: 'critical',
      source: 'iot',
      status: 'reported',
      deviceId: device.id,
      communityCode: device.community_code,
      version: 1,
    });
    expect(body.incident.location.coordinates[0]).toBeCloseTo(device.lng, 6);
    expect(body.incident.location.coordinates[1]).toBeCloseTo(device.lat, 6);
    expect(body.incident.description).toContain('烟感探测器');
    expect(body.incident.description).toContain('Smoke detector');
    expect(body.incident.timeline.map((e) => e.type)).toEqual(['report']);
    expect(response.headers.get('Location')).toBe(`/api/v1/incidents/${body.incident.code}`);
    const row = await db().pool.query('SELECT alarm_type FROM incidents WHERE code = $1', [
      body.incident.code,
    ]);
    expect(row.rows[0].alarm_type).toBe('smoke_detector');
  });

  it('uses the point the alarm sends when it sends one', async () => {
    const { app } = setup();
    const device = freshDevice('health_bracelet');
    const point = { type: 'Point', coordinates: [device.lng + 0.0004, device.lat + 0.0003] };
    const response = await alarm(app, device, { location: point });
    expect(response.status).toBe(201);
    const { incident } = (await response.json()) as AlarmAnswer;
    expect(incident.location.coordinates).toEqual(point.coordinates);
    expect(incident).toMatchObject({ category: 'urgent_help', severity: 'critical' });
  });

  it('refuses an alarm type the device cannot raise with 422 naming both', async () => {
    const { app } = setup();
    const device = freshDevice('water_meter');
    const response = await alarm(app, device, { alarmType: 'smoke_detector' });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe('alarm_type_mismatch');
    expect(error.message).toContain('water_meter');
    expect(error.message).toContain('smoke_detector');
  });

  it('refuses unknown devices and devices outside the caller’s area with 422', async () => {
    const { app } = setup();
    const unknown = await alarm(app, { id: 'IOT-smoke_detector-9999', kind: 'smoke_detector' });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.code).toBe('unknown_device');
    const device = freshDevice('one_key_call', communities[1]);
    const local = (await makeKey(db(), 'api_consumer', [communities[0]!])).key;
    const elsewhere = await alarm(app, device, {}, local);
    expect(elsewhere.status).toBe(422);
    expect((await elsewhere.json()).error.code).toBe('unknown_device');
  });

  it('refuses alarm times in the future and malformed bodies', async () => {
    const { app } = setup();
    const device = freshDevice('ebike_charging');
    const future = await alarm(app, device, { at: '2026-06-01T08:10:00Z' });
    expect(future.status).toBe(422);
    expect((await future.json()).error.code).toBe('alarm_in_future');
    const bad = await alarm(app, device, { alarmType: 'earthquake', extra: 1 });
    expect(bad.status).toBe(400);
  });

  it('records a repeat within the window on the open incident: version +1, alarm_repeat alert', async () => {
    const { app, clock } = setup();
    const device = freshDevice('manhole_cover');
    const first = (await (await alarm(app, device)).json()) as AlarmAnswer;
    clock.advance(10 * 60_000);
    const response = await alarm(app, device, { at: '2026-06-01T08:09:30Z', value: 12 });
    expect(response.status).toBe(200);
    const second = (await response.json()) as AlarmAnswer;
    expect(second.repeat).toBe(true);
    expect(second.alarmCount).toBe(2);
    expect(second.incident.code).toBe(first.incident.code);
    expect(second.incident.version).toBe(first.incident.version + 1);
    expect(second.incident.timeline.map((e) => e.type)).toEqual(['report', 'alarm_repeat']);
    const events = await db().pool.query(
      `SELECT e.alert, e.payload FROM incident_events e JOIN incidents i ON i.id = e.incident_id
        WHERE i.code = $1 AND e.type = 'alarm_repeat'`,
      [first.incident.code],
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0].alert).toBe(true);
    expect(events.rows[0].payload).toMatchObject({
      repeatCount: 1,
      alarmCount: 2,
      alarmAt: '2026-06-01T08:09:30.000Z',
      value: 12,
      version: 2,
    });
    const count = await db().pool.query(
      'SELECT count(*)::int AS n FROM incidents WHERE device_id = $1',
      [device.id],
    );
    expect(count.rows[0].n).toBe(1);
  });

  it('opens a new incident once the window has passed', async () => {
    const { app, clock } = setup();
    const device = freshDevice('manhole_cover');
    const first = (await (await alarm(app, device)).json()) as AlarmAnswer;
    clock.advance(31 * 60_000);
    const response = await alarm(app, device, { at: '2026-06-01T08:31:00Z' });
    expect(response.status).toBe(201);
    const second = (await response.json()) as AlarmAnswer;
    expect(second.repeat).toBe(false);
    expect(second.incident.code).not.toBe(first.incident.code);
  });

  it('keeps one incident while a device keeps alarming, the window counting from the last alarm', async () => {
    const { app, clock } = setup();
    const device = freshDevice('water_meter');
    const first = (await (await alarm(app, device)).json()) as AlarmAnswer;
    for (let i = 1; i <= 3; i += 1) {
      clock.advance(20 * 60_000);
      const again = await alarm(app, device, { at: clock.now().toISOString() });
      expect(again.status).toBe(200);
      expect(((await again.json()) as AlarmAnswer).incident.code).toBe(first.incident.code);
    }
  });

  it('opens a new incident when the earlier one was closed or rejected', async () => {
    const { app } = setup();
    const device = freshDevice('falling_object');
    const first = (await (await alarm(app, device)).json()) as AlarmAnswer;
    const rejected = await act(app, operator, first.incident.code, {
      action: 'reject',
      reason: '误报 False alarm',
    });
    expect(rejected.status).toBe(200);
    const response = await alarm(app, device);
    expect(response.status).toBe(201);
    expect(((await response.json()) as AlarmAnswer).incident.code).not.toBe(first.incident.code);
  });

  it('turns concurrent repeats of one device into exactly one incident', async () => {
    const { app } = setup();
    const device = freshDevice('one_key_call');
    const responses = await Promise.all(Array.from({ length: 5 }, () => alarm(app, device)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 201]);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as AlarmAnswer[];
    expect(new Set(bodies.map((b) => b.incident.code)).size).toBe(1);
    expect(bodies.map((b) => b.alarmCount).sort()).toEqual([1, 2, 3, 4, 5]);
    const rows = await db().pool.query<{ version: number }>(
      'SELECT version FROM incidents WHERE device_id = $1',
      [device.id],
    );
    expect(rows.rows).toEqual([{ version: 5 }]);
  });
});
