import type { IncidentDetail } from '../../../../../api/contract/incident-records';

/** 2025-03-01 08:00 China time, the moment the fixture incident was reported. */
export const REPORTED = Date.parse('2025-03-01T00:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

const iso = (ms: number) => new Date(ms).toISOString();

/** An ordinary incident just reported: 1 h to accept, 24 h to resolve, no on-site clock. */
export function detailFixture(overrides: Partial<IncidentDetail> = {}): IncidentDetail {
  return {
    code: 'YP20250301000042',
    category: 'city_appearance',
    source: 'patrol',
    severity: 'medium',
    status: 'reported',
    escalationLevel: 'grid',
    description: '垃圾满溢',
    address: '文三路 100 号',
    location: { type: 'Point', coordinates: [120.1, 30.2] },
    gridCode: 'WG0101',
    communityCode: '330106001001',
    streetCode: '330106001000',
    assigneeId: null,
    duplicateOf: null,
    reportedAt: iso(REPORTED),
    acceptDeadline: iso(REPORTED + HOUR),
    onSiteDeadline: null,
    resolveDeadline: iso(REPORTED + 24 * HOUR),
    startedAt: null,
    closedAt: null,
    overdue: false,
    overdueClocks: [],
    satisfaction: null,
    photoUrls: [],
    reporter: { name: '张*', contact: '138****0000' },
    deviceId: null,
    version: 3,
    allowedActions: ['accept', 'reject'],
    timeline: [],
    ...overrides,
  };
}
