import type {
  EscalationLevel,
  IncidentCategory,
  IncidentSource,
  IncidentStatus,
  Severity,
} from '../contract/codes';
import type { SlaClock } from '../contract/incidents';
import { SLA_RUNNING_STATUSES } from '../contract/statuses';
import type { IncidentState } from '../domain/incidents';
import type { ScopedClient } from './scoped';

/**
 * The `incidents` table for the workflow: rows read into the domain's `IncidentState` (plus
 * what the API shows), state written back under optimistic locking, new rows inserted.
 */

/** An incident row as the API needs it: the workflow state plus where and what it is. */
export interface IncidentRecord {
  id: number;
  state: IncidentState;
  source: IncidentSource;
  description: string;
  address: string;
  lng: number;
  lat: number;
  gridCode: string;
  communityCode: string;
  streetCode: string;
  photoUrls: string[];
  reporterName: string | null;
  /** Masked unless the caller's role may see contacts (`yiping_contact`). */
  reporterContact: string | null;
  deviceId: string | null;
  alarmType: string | null;
}

const SELECT = `
  SELECT i.id, i.code, i.category, i.source, i.severity, i.status, i.escalation_level,
         i.assignee_id, d.code AS duplicate_code, i.reported_at, i.accept_deadline,
         i.on_site_deadline, i.resolve_deadline, i.started_at, i.closed_at, i.overdue_clocks,
         i.satisfaction, i.version, i.description, i.address, ST_X(i.geom) AS lng,
         ST_Y(i.geom) AS lat, i.grid_code, i.community_code, i.street_code, i.photo_urls,
         i.reporter_name, yiping_contact(i.reporter_contact) AS reporter_contact, i.device_id,
         i.alarm_type
    FROM incidents i LEFT JOIN incidents d ON d.id = i.duplicate_of`;

interface Row {
  id: number;
  code: string;
  category: IncidentCategory;
  source: IncidentSource;
  severity: Severity;
  status: IncidentStatus;
  escalation_level: EscalationLevel;
  assignee_id: string | null;
  duplicate_code: string | null;
  reported_at: Date;
  accept_deadline: Date;
  on_site_deadline: Date | null;
  resolve_deadline: Date;
  started_at: Date | null;
  closed_at: Date | null;
  overdue_clocks: SlaClock[];
  satisfaction: number | null;
  version: number;
  description: string;
  address: string;
  lng: number;
  lat: number;
  grid_code: string;
  community_code: string;
  street_code: string;
  photo_urls: string[];
  reporter_name: string | null;
  reporter_contact: string | null;
  device_id: string | null;
  alarm_type: string | null;
}

function toRecord(row: Row): IncidentRecord {
  return {
    id: row.id,
    state: {
      code: row.code,
      category: row.category,
      severity: row.severity,
      status: row.status,
      escalationLevel: row.escalation_level,
      assigneeId: row.assignee_id,
      duplicateOf: row.duplicate_code,
      reportedAt: row.reported_at,
      acceptDeadline: row.accept_deadline,
      onSiteDeadline: row.on_site_deadline,
      resolveDeadline: row.resolve_deadline,
      startedAt: row.started_at,
      closedAt: row.closed_at,
      overdueClocks: row.overdue_clocks,
      satisfaction: row.satisfaction,
      version: row.version,
    },
    source: row.source,
    description: row.description,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    gridCode: row.grid_code,
    communityCode: row.community_code,
    streetCode: row.street_code,
    photoUrls: row.photo_urls,
    reporterName: row.reporter_name,
    reporterContact: row.reporter_contact,
    deviceId: row.device_id,
    alarmType: row.alarm_type,
  };
}

/**
 * Reads incidents by code; with `forUpdate` the rows stay locked until the transaction ends
 * (locked in code order, so two transactions locking the same pair never deadlock).
 */
export async function findIncidents(
  client: ScopedClient,
  codes: readonly string[],
  forUpdate = false,
): Promise<IncidentRecord[]> {
  const lock = forUpdate ? ' FOR UPDATE OF i' : '';
  const result = await client.query<Row>(
    `${SELECT} WHERE i.code = ANY($1::text[]) ORDER BY i.code${lock}`,
    [codes],
  );
  return result.rows.map(toRecord);
}

export async function findIncident(
  client: ScopedClient,
  code: string,
  forUpdate = false,
): Promise<IncidentRecord | null> {
  const [record] = await findIncidents(client, [code], forUpdate);
  return record ?? null;
}

export async function findIncidentById(
  client: ScopedClient,
  id: number,
): Promise<IncidentRecord | null> {
  const result = await client.query<Row>(`${SELECT} WHERE i.id = $1`, [id]);
  const row = result.rows[0];
  return row ? toRecord(row) : null;
}

/**
 * Writes the workflow state `next` over the row that had version `previous`. Returns false when
 * another change got there first (the version moved on), so nothing is overwritten.
 */
export async function saveIncidentState(
  client: ScopedClient,
  id: number,
  previous: number,
  next: IncidentState,
  now: Date,
): Promise<boolean> {
  const result = await client.query(
    `UPDATE incidents SET
       status = $3, escalation_level = $4, assignee_id = $5,
       duplicate_of = (SELECT id FROM incidents WHERE code = $6),
       started_at = $7, closed_at = $8, overdue_clocks = $9::text[],
       overdue = cardinality($9::text[]) > 0, satisfaction = $10, version = $11, updated_at = $12
     WHERE id = $1 AND version = $2`,
    [
      id,
      previous,
      next.status,
      next.escalationLevel,
      next.assigneeId,
      next.duplicateOf,
      next.startedAt?.toISOString() ?? null,
      next.closedAt?.toISOString() ?? null,
      next.overdueClocks,
      next.satisfaction,
      next.version,
      now.toISOString(),
    ],
  );
  return result.rowCount === 1;
}

/** What a new row holds: everything a stored incident has but its id. */
export type NewIncidentRow = Omit<IncidentRecord, 'id'>;

/** What the database adds to a new row: its id, and the address and contact as read back. */
export interface InsertedIncident {
  id: number;
  /** The address given, or the one `incidents_fill_address` wrote for a report without one. */
  address: string;
  /** Masked unless the caller's role may see contacts, as `findIncident` reads it. */
  reporterContact: string | null;
}

/** Inserts a new incident; returns what a read of the row would add to `row`. */
export async function insertIncident(
  client: ScopedClient,
  row: NewIncidentRow,
): Promise<InsertedIncident> {
  const s = row.state;
  const result = await client.query<{
    id: number;
    address: string;
    reporter_contact: string | null;
  }>(
    `INSERT INTO incidents (code, category, source, severity, description, address, status,
       escalation_level, grid_code, community_code, street_code, assignee_id, reported_at,
       accept_deadline, on_site_deadline, resolve_deadline, overdue, version, photo_urls,
       reporter_name, reporter_contact, device_id, alarm_type, updated_at, geom)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, false, $17,
       $18::text[], $19, $20, $21, $22, $13, ST_SetSRID(ST_MakePoint($23, $24), 4326))
     RETURNING id, address, yiping_contact(reporter_contact) AS reporter_contact`,
    [
      s.code,
      s.category,
      row.source,
      s.severity,
      row.description,
      row.address,
      s.status,
      s.escalationLevel,
      row.gridCode,
      row.communityCode,
      row.streetCode,
      s.assigneeId,
      s.reportedAt.toISOString(),
      s.acceptDeadline.toISOString(),
      s.onSiteDeadline?.toISOString() ?? null,
      s.resolveDeadline.toISOString(),
      s.version,
      row.photoUrls,
      row.reporterName,
      row.reporterContact,
      row.deviceId,
      row.alarmType,
      row.lng,
      row.lat,
    ],
  );
  const inserted = result.rows[0]!;
  return {
    id: inserted.id,
    address: inserted.address,
    reporterContact: inserted.reporter_contact,
  };
}

/**
 * Codes of open incidents with a deadline that has passed and is not yet recorded as missed,
 * locked for the sweep; rows another transaction holds are skipped.
 */
export async function dueForSweep(
  client: ScopedClient,
  now: Date,
  limit: number,
): Promise<string[]> {
  const result = await client.query<{ code: string }>(
    `SELECT code FROM incidents
      WHERE incident_is_open(status)
        AND ((accept_deadline < $1 AND status = ANY ($3::text[])
              AND NOT 'accept' = ANY (overdue_clocks))
          OR (on_site_deadline < $1 AND started_at IS NULL AND status = ANY ($4::text[])
              AND NOT 'on_site' = ANY (overdue_clocks))
          OR (resolve_deadline < $1 AND status = ANY ($5::text[])
              AND NOT 'resolve' = ANY (overdue_clocks)))
      ORDER BY resolve_deadline, code
      LIMIT $2
      FOR UPDATE SKIP LOCKED`,
    [
      now.toISOString(),
      limit,
      SLA_RUNNING_STATUSES.accept,
      SLA_RUNNING_STATUSES.on_site,
      SLA_RUNNING_STATUSES.resolve,
    ],
  );
  return result.rows.map((row) => row.code);
}
