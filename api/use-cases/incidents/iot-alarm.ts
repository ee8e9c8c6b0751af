import type { IotAlarm, IotAlarmResult } from '../../contract/iot';
import type { EventRow } from '../../db/events';
import { findIncident, saveIncidentState, type IncidentRecord } from '../../db/incidents';
import {
  countAlarmRepeats,
  findDevice,
  lockDevice,
  openAlarmIncident,
  type IotDevice,
} from '../../db/iot';
import type { ScopedClient } from '../../db/scoped';
import { AppError } from '../../domain/errors';
import { actorFromPrincipal, PreconditionFailedError } from '../../domain/incidents';
import { alarmIncident, checkAlarmTime, checkAlarmType, repeatNote } from '../../domain/iot-alarms';
import { actorName, type Principal } from '../../domain/principal';
import { insertNew, type CreateIncidentInput } from './create';
import type { IncidentDeps } from './deps';
import { statePayload } from './event-rows';
import { appendAfterDetail } from './transition';

/**
 * Receives one IoT alarm. Under a per-device lock (so concurrent repeats of one device never
 * open two incidents) it looks for an open incident of the same device and alarm type reported
 * within the repeat window (`settings.iotRepeatMinutes`): if there is one, the alarm is recorded
 * on it as an `alarm_repeat` event (an alert) and its version rises by one; otherwise a new
 * incident is reported through `createIncident`, in the same transaction, at the alarm's point
 * or the device's registered location.
 */
export async function receiveAlarm(
  deps: IncidentDeps,
  principal: Principal,
  alarm: IotAlarm,
): Promise<IotAlarmResult> {
  const now = deps.clock.now();
  const at = new Date(alarm.at);
  checkAlarmTime(at, now);
  const result = await deps.scoped(principal, async (client) => {
    await lockDevice(client, alarm.deviceId);
    const device = await findDevice(client, alarm.deviceId);
    if (!device) {
      throw new AppError(
        'unknown_device',
        `There is no IoT device ${alarm.deviceId} in your area: register it first.`,
        [{ path: 'deviceId', message: 'unknown device' }],
      );
    }
    checkAlarmType(device, alarm.alarmType);
    const since = new Date(now.getTime() - deps.settings.iotRepeatMinutes * 60_000);
    const open = await openAlarmIncident(client, device.id, alarm.alarmType, since);
    if (open !== null) return recordRepeat(client, principal, open, alarm, now);
    // The new incident is written in this transaction, while the device lock is held.
    const created = await insertNew(deps, client, principal, creation(alarm, device));
    return { ...created.body, repeat: false, alarmCount: 1 };
  });
  deps.onEvents?.();
  return result;
}

function creation(alarm: IotAlarm, device: IotDevice): CreateIncidentInput {
  const incident = alarmIncident({ ...alarm, at: new Date(alarm.at) }, device);
  return {
    ...incident,
    source: 'iot',
    location: alarm.location ?? { type: 'Point', coordinates: [device.lng, device.lat] },
    address: device.name === '' ? undefined : device.name,
    photoUrls: [],
    deviceId: device.id,
    alarmType: alarm.alarmType,
  };
}

async function recordRepeat(
  client: ScopedClient,
  principal: Principal,
  code: string,
  alarm: IotAlarm,
  now: Date,
): Promise<IotAlarmResult> {
  const record = await findIncident(client, code, true);
  if (!record) throw new Error(`incident ${code} vanished under its device lock`);
  const next = { ...record.state, version: record.state.version + 1 };
  if (!(await saveIncidentState(client, record.id, record.state.version, next, now))) {
    throw new PreconditionFailedError(record.state.version, next.version);
  }
  const alarmCount = (await countAlarmRepeats(client, record.id)) + 2;
  const actor = actorFromPrincipal(principal, principal.memberId ?? null);
  const incident = await appendAfterDetail(client, record.id, actor, [
    repeatEvent({ ...record, state: next }, principal, alarm, alarmCount, now),
  ]);
  return { incident, probableDuplicates: [], repeat: true, alarmCount };
}

/** The `alarm_repeat` event: an alert for the wall screen, with the alarm in its payload. */
function repeatEvent(
  record: IncidentRecord,
  principal: Principal,
  alarm: IotAlarm,
  alarmCount: number,
  now: Date,
): EventRow {
  const { state } = record;
  const at = new Date(alarm.at);
  return {
    topic: 'incidents',
    incidentId: record.id,
    subject: state.code,
    scopeCode: record.gridCode,
    streetCode: record.streetCode,
    type: 'alarm_repeat',
    fromStatus: null,
    toStatus: null,
    actor: actorName(principal),
    note: repeatNote({ ...alarm, at }, alarmCount),
    at: now,
    alert: true,
    payload: {
      ...statePayload(state),
      deviceId: alarm.deviceId,
      alarmType: alarm.alarmType,
      alarmAt: at.toISOString(),
      repeatCount: alarmCount - 1,
      alarmCount,
      ...(alarm.value === undefined ? {} : { value: alarm.value }),
      ...(alarm.detail === undefined ? {} : { detail: alarm.detail }),
    },
  };
}
