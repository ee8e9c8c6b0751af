import type { ScopedClient } from './scoped';

/** A grid member's duty and last position, locked for an update. */
export interface MemberState {
  id: string;
  communityCode: string;
  streetCode: string;
  onDuty: boolean;
  positionAt: Date | null;
}

export async function lockMember(client: ScopedClient, id: string): Promise<MemberState | null> {
  const result = await client.query<{
    id: string;
    community_code: string;
    street_code: string;
    on_duty: boolean;
    position_at: Date | null;
  }>(
    `SELECT id, community_code, street_code, on_duty, position_at
       FROM grid_members WHERE id = $1 FOR UPDATE`,
    [id],
  );
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    communityCode: row.community_code,
    streetCode: row.street_code,
    onDuty: row.on_duty,
    positionAt: row.position_at,
  };
}

export async function saveMemberPosition(
  client: ScopedClient,
  id: string,
  position: { lng: number; lat: number; at: Date; onDuty: boolean },
): Promise<void> {
  await client.query(
    `UPDATE grid_members SET geom = ST_SetSRID(ST_MakePoint($2, $3), 4326), position_at = $4,
            on_duty = $5
      WHERE id = $1`,
    [id, position.lng, position.lat, position.at.toISOString(), position.onDuty],
  );
}

/**
 * How far a point lies from a member's assigned grids, in metres (0 inside one; from their
 * community when they have none): a SECURITY DEFINER function (migration 0011), because a
 * member's scope may not cover every grid they are assigned. Null for a member out of scope.
 */
export async function distanceFromMemberArea(
  client: ScopedClient,
  memberId: string,
  lng: number,
  lat: number,
): Promise<number | null> {
  const result = await client.query<{ d: number | null }>(
    'SELECT member_area_distance_m($1, $2, $3) AS d',
    [memberId, lng, lat],
  );
  return result.rows[0]?.d ?? null;
}
