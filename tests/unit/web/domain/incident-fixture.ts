import type { IncidentPoint } from '../../../../web/domain/wall-data';

/** 2026-06-01T08:00:00Z, 16:00 in China. */
export const NOW = Date.parse('2026-06-01T08:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** An open incident reported an hour before {@link NOW}, accept in 2 h, resolve in 72 h. */
export function incident(overrides: Partial<IncidentPoint> = {}): IncidentPoint {
  const reportedAt = overrides.reportedAt ?? NOW - HOUR;
  return {
    code: 'SJ20260601000001',
    category: 'city_appearance',
    severity: 'low',
    status: 'reported',
    gridCode: '110105001001001',
    communityCode: '110105001001',
    streetCode: '110105001000',
    lng: 116.45,
    lat: 39.92,
    reportedAt,
    acceptDeadline: reportedAt + 2 * HOUR,
    resolveDeadline: reportedAt + 72 * HOUR,
    closedAt: null,
    overdue: false,
    ...overrides,
  };
}
