import { chinaDateTime } from '../contract/china-time';
import type { IncidentCategory, Severity } from '../contract/codes';
import type { IotAlarm, IotAlarmType } from '../contract/iot';
import { AppError } from './errors';

/**
 * What an IoT alarm means for the closed loop: the incident category and severity of each alarm
 * type, the bilingual description of the incident it opens, and the checks an alarm must pass
 * (its type is the device's kind; its time is not in the future).
 */

/** How one alarm type becomes an incident. */
export interface AlarmMapping {
  readonly category: IncidentCategory;
  readonly severity: Severity;
  /** The device, in Chinese and English. */
  readonly device: { readonly zh: string; readonly en: string };
  /** What the alarm says happened, in Chinese and English. */
  readonly meaning: { readonly zh: string; readonly en: string };
}

/** The mapping table (DESIGN §1: the IoT sources of incidents). */
export const IOT_ALARM_MAPPING: Readonly<Record<IotAlarmType, AlarmMapping>> = {
  manhole_cover: {
    category: 'public_facility',
    severity: 'high',
    device: { zh: '智能井盖', en: 'Smart manhole cover' },
    meaning: { zh: '井盖位移、倾斜或被打开', en: 'cover displaced, tilted or opened' },
  },
  falling_object: {
    category: 'safety_hazard',
    severity: 'high',
    device: { zh: '高空抛物监测', en: 'Falling-object monitor' },
    meaning: { zh: '监测到高空抛物或坠物', en: 'object thrown or falling from height' },
  },
  water_meter: {
    category: 'special_care',
    severity: 'high',
    device: { zh: '独居老人智能水表', en: 'Smart water meter of a lone elderly resident' },
    meaning: {
      zh: '长时间无用水，需上门探访',
      en: 'no water used for a long time, a home visit is needed',
    },
  },
  one_key_call: {
    category: 'urgent_help',
    severity: 'critical',
    device: { zh: '一键呼叫', en: 'One-key call button' },
    meaning: { zh: '居民按下一键呼叫求助', en: 'resident pressed the call button for help' },
  },
  health_bracelet: {
    category: 'urgent_help',
    severity: 'critical',
    device: { zh: '健康手环', en: 'Health bracelet' },
    meaning: { zh: 'SOS 求救或体征异常', en: 'SOS pressed or vital signs abnormal' },
  },
  smoke_detector: {
    category: 'emergency',
    severity: 'critical',
    device: { zh: '烟感探测器', en: 'Smoke detector' },
    meaning: { zh: '检测到烟雾，疑似火情', en: 'smoke detected, possible fire' },
  },
  ebike_charging: {
    category: 'safety_hazard',
    severity: 'high',
    device: { zh: '电动车充电监测', en: 'E-bike charging monitor' },
    meaning: {
      zh: '楼道内违规为电动车充电',
      en: 'e-bike being charged in a corridor or stairwell',
    },
  },
};

/** How far an alarm's time may lie ahead of the server clock (device clocks drift). */
export const ALARM_CLOCK_SKEW_MS = 5 * 60_000;

/** The device an alarm comes from, as the description names it. */
export interface AlarmDevice {
  readonly id: string;
  readonly kind: IotAlarmType;
  readonly name: string;
}

/** 422 unless the alarm type is the kind of the device (a smoke detector sends smoke alarms). */
export function checkAlarmType(device: AlarmDevice, alarmType: IotAlarmType): void {
  if (device.kind === alarmType) return;
  throw new AppError(
    'alarm_type_mismatch',
    `Device ${device.id} is a ${device.kind} device and cannot raise a ${alarmType} alarm.`,
    [{ path: 'alarmType', message: `must be ${device.kind} for device ${device.id}` }],
  );
}

/** 422 when the alarm claims a time more than `ALARM_CLOCK_SKEW_MS` after `now`. */
export function checkAlarmTime(at: Date, now: Date): void {
  if (at.getTime() <= now.getTime() + ALARM_CLOCK_SKEW_MS) return;
  throw new AppError(
    'alarm_in_future',
    `The alarm time ${at.toISOString()} lies in the future (server time ${now.toISOString()}): check the device clock.`,
    [{ path: 'at', message: 'in the future' }],
  );
}

/** The reading and free text of an alarm, as one bilingual clause (empty when neither is sent). */
function extrasOf(alarm: Pick<IotAlarm, 'value' | 'detail'>): string {
  const parts: string[] = [];
  if (alarm.value !== undefined) parts.push(`读数 value ${alarm.value}`);
  if (alarm.detail !== undefined) parts.push(alarm.detail);
  return parts.length > 0 ? `；${parts.join('；')}` : '';
}

/** The time of an alarm as the description shows it: China time, to the second. */
function chinaTime(at: Date): string {
  return `${chinaDateTime(at)} (UTC+8)`;
}

/** Category, severity and bilingual description of the incident an alarm opens. */
export function alarmIncident(
  alarm: Pick<IotAlarm, 'alarmType' | 'value' | 'detail'> & { at: Date },
  device: AlarmDevice,
): { category: IncidentCategory; severity: Severity; description: string } {
  const m = IOT_ALARM_MAPPING[alarm.alarmType];
  const where = device.name === '' ? device.id : `${device.id} ${device.name}`;
  const description =
    `【物联告警】${m.device.zh}：${m.meaning.zh}。` +
    `IoT alarm — ${m.device.en}: ${m.meaning.en}. ` +
    `设备 Device ${where}；告警时间 at ${chinaTime(alarm.at)}${extrasOf(alarm)}`;
  return { category: m.category, severity: m.severity, description };
}

/** The event note of a repeated alarm: which alarm of the incident it is, when, and its reading. */
export function repeatNote(
  alarm: Pick<IotAlarm, 'value' | 'detail'> & { at: Date },
  alarmCount: number,
): string {
  return `第 ${alarmCount} 次告警 Alarm no. ${alarmCount} at ${chinaTime(alarm.at)}${extrasOf(alarm)}`;
}
