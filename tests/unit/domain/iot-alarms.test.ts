import { describe, expect, it } from 'vitest';
import { INCIDENT_CATEGORIES, SEVERITIES } from '../../../api/contract/codes';
import { IOT_ALARM_TYPES } from '../../../api/contract/iot';
import { AppError } from '../../../api/domain/errors';
import {
  alarmIncident,
  ALARM_CLOCK_SKEW_MS,
  checkAlarmTime,
  checkAlarmType,
  IOT_ALARM_MAPPING,
  repeatNote,
} from '../../../api/domain/iot-alarms';
import { httpStatusOf } from '../../../api/http/error-status';

const device = {
  id: 'IOT-smoke_detector-0007',
  kind: 'smoke_detector' as const,
  name: '杏城社区第3网格烟感探测器0007',
};
const at = new Date('2026-06-01T08:00:00Z');

describe('IoT alarm mapping', () => {
  it('maps every alarm type to a category and severity', () => {
    expect(Object.keys(IOT_ALARM_MAPPING).sort()).toEqual([...IOT_ALARM_TYPES].sort());
    for (const type of IOT_ALARM_TYPES) {
      expect(INCIDENT_CATEGORIES).toContain(IOT_ALARM_MAPPING[type].category);
      expect(SEVERITIES).toContain(IOT_ALARM_MAPPING[type].severity);
    }
  });

  it.each([
    ['manhole_cover', 'public_facility', 'high'],
    ['falling_object', 'safety_hazard', 'high'],
    ['water_meter', 'special_care', 'high'],
    ['one_key_call', 'urgent_help', 'critical'],
    ['health_bracelet', 'urgent_help', 'critical'],
    ['smoke_detector', 'emergency', 'critical'],
    ['ebike_charging', 'safety_hazard', 'high'],
  ] as const)('%s → %s / %s', (type, category, severity) => {
    const incident = alarmIncident({ alarmType: type, at }, { ...device, kind: type });
    expect(incident).toMatchObject({ category, severity });
  });

  it('describes the alarm in Chinese and English with the device, time and reading', () => {
    const { description } = alarmIncident(
      { alarmType: 'smoke_detector', at, value: 0.42, detail: '3 号楼 2 单元' },
      device,
    );
    expect(description).toContain('烟感探测器');
    expect(description).toContain('Smoke detector');
    expect(description).toContain(device.id);
    expect(description).toContain(device.name);
    expect(description).toContain('2026-06-01 16:00:00');
    expect(description).toContain('0.42');
    expect(description).toContain('3 号楼 2 单元');
  });

  it('numbers repeated alarms in the event note', () => {
    expect(repeatNote({ at }, 3)).toMatch(/^第 3 次告警 Alarm no\. 3 at 2026-06-01 16:00:00/);
  });
});

describe('IoT alarm checks', () => {
  it('accepts only alarms of the device’s own kind, naming both otherwise', () => {
    expect(() => checkAlarmType(device, 'smoke_detector')).not.toThrow();
    const error = (() => {
      try {
        checkAlarmType(device, 'water_meter');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error && httpStatusOf(error.code)).toBe(422);
    expect(error?.code).toBe('alarm_type_mismatch');
    expect(error?.message).toContain('smoke_detector');
    expect(error?.message).toContain('water_meter');
  });

  it('allows device clocks a few minutes ahead, not more', () => {
    expect(() => checkAlarmTime(new Date(at.getTime() - 3_600_000), at)).not.toThrow();
    expect(() => checkAlarmTime(new Date(at.getTime() + ALARM_CLOCK_SKEW_MS), at)).not.toThrow();
    expect(() => checkAlarmTime(new Date(at.getTime() + ALARM_CLOCK_SKEW_MS + 1000), at)).toThrow(
      /future/,
    );
  });
});
