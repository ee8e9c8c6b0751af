import { z } from 'zod';
import { CreatedIncidentSchema, PointSchema } from './incident-records';

/**
 * IoT alarms on the wire: the body of `POST /api/v1/iot/alarms` and its answer. The alarm
 * types are also the kinds of `iot_devices` (migrations/0004_incident_loop.sql checks the same
 * list): a device raises only alarms of its own kind.
 */

/** Device kinds and alarm types, from the district's sensor inventory. */
export const IOT_ALARM_TYPES = [
  'manhole_cover',
  'falling_object',
  'water_meter',
  'one_key_call',
  'health_bracelet',
  'smoke_detector',
  'ebike_charging',
] as const;
export type IotAlarmType = (typeof IOT_ALARM_TYPES)[number];

/** A device id as `iot_devices.id` allows it, e.g. `IOT-smoke_detector-0012`. */
export const IotDeviceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1–64 letters, digits or _ . : -')
  .meta({ description: '设备编号 Device id, e.g. IOT-smoke_detector-0012' });

/** Body of `POST /api/v1/iot/alarms`. */
export const IotAlarmSchema = z
  .object({
    deviceId: IotDeviceIdSchema,
    alarmType: z
      .enum(IOT_ALARM_TYPES)
      .meta({ description: '告警类型 Alarm type; must be the kind of the device' }),
    at: z.iso
      .datetime({ offset: true })
      .meta({ description: '告警时间 When the device raised the alarm (ISO 8601 with offset)' }),
    location: PointSchema.optional().meta({
      description: '位置 Where the alarm happened; the device’s registered location if omitted',
    }),
    value: z
      .union([z.number(), z.string().trim().min(1).max(100)])
      .optional()
      .meta({ description: '读数 Reading, e.g. smoke density or hours without water use' }),
    detail: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .meta({ description: '说明 Free text from the device platform' }),
  })
  .strict();
export type IotAlarm = z.infer<typeof IotAlarmSchema>;

/**
 * Answer of `POST /api/v1/iot/alarms`: 201 with a new incident, or 200 with the open incident a
 * repeated alarm of the same device and type updated (`repeat: true`).
 */
export const IotAlarmResultSchema = CreatedIncidentSchema.extend({
  repeat: z.boolean().meta({ description: '重复告警 True when an open incident was updated' }),
  alarmCount: z
    .number()
    .int()
    .min(1)
    .meta({ description: '告警次数 Alarms recorded on the incident, this one included' }),
});
export type IotAlarmResult = z.infer<typeof IotAlarmResultSchema>;
