import type { ServiceCategory } from '../contract/codes';
import type { ScopedClient } from './scoped';

/**
 * Writes to `service_points` for an adopted scenario, as the caller (row-level security keeps
 * them inside the caller's scope). Codes continue the SP000001… series under an advisory lock.
 */

const CODE_LOCK = 'yiping.service_point_codes';

export interface NewServicePoint {
  category: ServiceCategory;
  name: string;
  lng: number;
  lat: number;
  communityCode: string;
  streetCode: string;
}

export async function insertServicePoint(
  client: ScopedClient,
  point: NewServicePoint,
): Promise<string> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CODE_LOCK]);
  const result = await client.query<{ code: string }>(
    `INSERT INTO service_points (code, name, category, street_code, community_code, geom)
     VALUES (next_service_point_code(), $1, $2, $3, $4, ST_SetSRID(ST_MakePoint($5, $6), 4326))
     RETURNING code`,
    [point.name, point.category, point.streetCode, point.communityCode, point.lng, point.lat],
  );
  return result.rows[0]!.code;
}

/** Moves a service point; false when the caller cannot see it. */
export async function moveServicePoint(
  client: ScopedClient,
  code: string,
  to: { lng: number; lat: number; communityCode: string; streetCode: string },
): Promise<boolean> {
  const result = await client.query(
    `UPDATE service_points SET geom = ST_SetSRID(ST_MakePoint($2, $3), 4326),
            community_code = $4, street_code = $5
      WHERE code = $1`,
    [code, to.lng, to.lat, to.communityCode, to.streetCode],
  );
  return (result.rowCount ?? 0) > 0;
}

/** Removes a service point; false when the caller cannot see it. */
export async function removeServicePoint(client: ScopedClient, code: string): Promise<boolean> {
  const result = await client.query('DELETE FROM service_points WHERE code = $1', [code]);
  return (result.rowCount ?? 0) > 0;
}

/** The audit entry for a change made through a scoped transaction. */
export async function auditScoped(
  client: ScopedClient,
  entry: { at: Date; actor: string; action: string; target: string; detail: unknown },
): Promise<void> {
  await client.query(
    'INSERT INTO audit_log (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)',
    [entry.at.toISOString(), entry.actor, entry.action, entry.target, JSON.stringify(entry.detail)],
  );
}
