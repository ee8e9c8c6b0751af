import type { Incident } from '../../contract/incident-records';
import type { IncidentRecord } from '../../db/incidents';
import { allowedActions, type Actor } from '../../domain/incidents';

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** The incident as the API shows it to `actor`, with the actions open to them. */
export function incidentView(record: IncidentRecord, actor: Actor): Incident {
  const s = record.state;
  return {
    code: s.code,
    category: s.category,
    source: record.source,
    severity: s.severity,
    status: s.status,
    escalationLevel: s.escalationLevel,
    description: record.description,
    address: record.address,
    location: { type: 'Point', coordinates: [record.lng, record.lat] },
    gridCode: record.gridCode,
    communityCode: record.communityCode,
    streetCode: record.streetCode,
    assigneeId: s.assigneeId,
    duplicateOf: s.duplicateOf,
    reportedAt: s.reportedAt.toISOString(),
    acceptDeadline: s.acceptDeadline.toISOString(),
    onSiteDeadline: iso(s.onSiteDeadline),
    resolveDeadline: s.resolveDeadline.toISOString(),
    startedAt: iso(s.startedAt),
    closedAt: iso(s.closedAt),
    overdue: s.overdueClocks.length > 0,
    overdueClocks: [...s.overdueClocks],
    satisfaction: s.satisfaction,
    photoUrls: record.photoUrls,
    reporter: { name: record.reporterName, contact: record.reporterContact },
    deviceId: record.deviceId,
    version: s.version,
    allowedActions: allowedActions(s, actor),
  };
}
