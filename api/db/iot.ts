import type { IotAlarmType } from '../contract/iot';
import type { ScopedClient } from './scoped';

/** IoT devices and the open incidents their alarms belong to. */

/** A registered device (`iot_devices`) with its location. */
export interface IotDevice {
  id: string;
  kind: IotAlarmType;
  name: string;
  communityCode: string;
  lng: number;
  lat: number;
}

/**
 * First key of the two-key advisory locks taken per device, so they never meet the one-key
 * locks other code takes (the event log's 7405921).
 */
const DEVICE_LOCK_SPACE = 7405922;

/**
 * Serialises alarm handling per device until the transaction ends: two alarms of one device
 * arriving together see each other's incident instead of both opening one.
 */
export async function lockDevice(client: ScopedClient, deviceId: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
    DEVICE_LOCK_SPACE,
    deviceId,
  ]);
}

/** The device, if it exists inside the caller's scope. */
export async function findDevice(client: ScopedClient, id: string): Promise<IotDevice | null> {
  const result = await client.query<{
    id: string;
    kind: IotAlarmType;
    name: string;
    community_code: string;
    lng: number;
    lat: number;
  }>(
    `SELECT id, kind, name, community_code, ST_X(geom) AS lng, ST_Y(geom) AS lat
       FROM iot_devices WHERE id = $1`,
    [id],
  );
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    communityCode: row.community_code,
    lng: row.lng,
    lat: row.lat,
  };
}

/**
 * The code of the newest open incident (not closed, rejected or merged) of this device and
 * alarm type whose last alarm (its report or a repeat) came after `since`, or null: a device
 * that keeps alarming keeps one incident.
 */
export async function openAlarmIncident(
  client: ScopedClient,
  deviceId: string,
  alarmType: IotAlarmType,
  since: Date,
): Promise<string | null> {
  const result = await client.query<{ code: string }>(
    `SELECT code FROM incidents
      WHERE device_id = $1 AND alarm_type = $2
        AND incident_is_open(status)
        AND greatest(reported_at, (SELECT max(e.at) FROM incident_events e
                                    WHERE e.incident_id = incidents.id AND e.type = 'alarm_repeat')) > $3
      ORDER BY reported_at DESC, id DESC
      LIMIT 1`,
    [deviceId, alarmType, since.toISOString()],
  );
  return result.rows[0]?.code ?? null;
}

/** How many repeated alarms (`alarm_repeat` events) an incident has recorded. */
export async function countAlarmRepeats(client: ScopedClient, incidentId: number): Promise<number> {
  const result = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM incident_events
      WHERE incident_id = $1 AND type = 'alarm_repeat'`,
    [incidentId],
  );
  return result.rows[0]?.n ?? 0;
}
