import type { Queryable } from './queryable';

/**
 * Operational records left pointing at areas or members a district replacement did not bring
 * back. Counted after the new layers are loaded (the keys are deferred), so a re-imported
 * district that keeps its codes keeps its incidents.
 */
export interface OrphanCounts {
  /** Incidents whose grid, community or street is gone (or that merged into such an incident). */
  incidents: number;
  /** Their event-log rows. */
  incidentEvents: number;
  /** Their idempotency keys. */
  idempotencyKeys: number;
  /** Incidents that stay (their grid came back) but whose assignee is gone. */
  unassigned: number;
  /** IoT devices registered in a community that is gone. */
  iotDevices: number;
  /** Scenarios made for an area that is gone. */
  scenarios: number;
}

/** Accounts left scoped to, or linked with, what is gone: they fail closed (see nothing). */
export interface AccountWarnings {
  /** Active users and API keys with a scope naming an admin area that is gone. */
  scopedToRemovedAreas: number;
  /** Active users and API keys acting as a member who is gone. */
  linkedToRemovedMembers: number;
}

const LOST_INCIDENTS = `
  lost AS (
    SELECT i.id FROM incidents i
     WHERE NOT EXISTS (SELECT 1 FROM grids g WHERE g.code = i.grid_code)
        OR NOT EXISTS (SELECT 1 FROM admin_areas a WHERE a.code = i.community_code)
        OR NOT EXISTS (SELECT 1 FROM admin_areas a WHERE a.code = i.street_code)),
  doomed AS (
    SELECT id FROM lost
    UNION SELECT i.id FROM incidents i JOIN lost ON i.duplicate_of = lost.id)`;

const GONE_AREA = (column: string) =>
  `NOT EXISTS (SELECT 1 FROM admin_areas a WHERE a.code = ${column})`;

const UNASSIGNED = `
  i.assignee_id IS NOT NULL AND i.id NOT IN (SELECT id FROM doomed)
  AND NOT EXISTS (SELECT 1 FROM grid_members m WHERE m.id = i.assignee_id)`;

const GONE_SCENARIO = `${GONE_AREA('s.scope_code')} OR (s.area_code IS NOT NULL AND ${GONE_AREA('s.area_code')})`;

/** Counts the operational records that refer to what the transaction no longer has. */
export async function countOrphans(client: Queryable): Promise<OrphanCounts> {
  const result = await client.query<OrphanCounts>(
    `WITH ${LOST_INCIDENTS}
     SELECT (SELECT count(*)::int FROM doomed) AS "incidents",
            (SELECT count(*)::int FROM incident_events e
              WHERE e.incident_id IN (SELECT id FROM doomed)) AS "incidentEvents",
            (SELECT count(*)::int FROM idempotency_keys k
              WHERE k.incident_id IN (SELECT id FROM doomed)) AS "idempotencyKeys",
            (SELECT count(*)::int FROM incidents i WHERE ${UNASSIGNED}) AS "unassigned",
            (SELECT count(*)::int FROM iot_devices d
              WHERE ${GONE_AREA('d.community_code')}) AS "iotDevices",
            (SELECT count(*)::int FROM scenarios s WHERE ${GONE_SCENARIO}) AS "scenarios"`,
  );
  return result.rows[0]!;
}

/** True when no operational record refers to anything gone. */
export const noOrphans = (counts: OrphanCounts): boolean =>
  Object.values(counts).every((n) => n === 0);

/**
 * Discards the operational records that refer to what is gone: incidents (with their events and
 * idempotency keys), IoT devices and scenarios are deleted; incidents that stay but lost their
 * assignee are unassigned (their version moves on, so an open form sees the change). The event
 * log is append-only: its trigger is disabled for this transaction alone, by the owner.
 */
export async function discardOrphans(client: Queryable): Promise<void> {
  await client.query(
    'CREATE TEMP TABLE doomed_incidents ON COMMIT DROP AS ' +
      `WITH ${LOST_INCIDENTS} SELECT id FROM doomed`,
  );
  await client.query('ALTER TABLE incident_events DISABLE TRIGGER incident_events_append_only');
  await client.query(
    'DELETE FROM incident_events WHERE incident_id IN (SELECT id FROM doomed_incidents)',
  );
  await client.query('ALTER TABLE incident_events ENABLE TRIGGER incident_events_append_only');
  await client.query(
    'DELETE FROM idempotency_keys WHERE incident_id IN (SELECT id FROM doomed_incidents)',
  );
  await client.query('DELETE FROM incidents WHERE id IN (SELECT id FROM doomed_incidents)');
  await client.query(
    `WITH doomed AS (SELECT id FROM doomed_incidents)
     UPDATE incidents i SET assignee_id = NULL, version = i.version + 1 WHERE ${UNASSIGNED}`,
  );
  await client.query(`DELETE FROM iot_devices d WHERE ${GONE_AREA('d.community_code')}`);
  await client.query(`DELETE FROM scenarios s WHERE ${GONE_SCENARIO}`);
}

/** Accounts the replacement leaves scoped to removed areas or linked to removed members. */
export async function accountWarnings(client: Queryable): Promise<AccountWarnings> {
  const accounts = `(SELECT scopes, member_id FROM users WHERE NOT disabled
                     UNION ALL
                     SELECT scopes, member_id FROM api_keys WHERE revoked_at IS NULL) acc`;
  const result = await client.query<AccountWarnings>(
    `SELECT count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM unnest(acc.scopes) s(code)
                 WHERE s.code ~ '^[0-9]{12}$' AND ${GONE_AREA('s.code')}))::int
              AS "scopedToRemovedAreas",
            count(*) FILTER (WHERE acc.member_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM grid_members m WHERE m.id = acc.member_id))::int
              AS "linkedToRemovedMembers"
       FROM ${accounts}`,
  );
  return result.rows[0]!;
}
