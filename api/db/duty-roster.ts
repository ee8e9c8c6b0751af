import type { DutyStreet } from '../contract/stats';
import type { ScopedClient } from './scoped';

/**
 * Leaders and other members per street, on duty and in all, over the caller's scoped view of
 * `grid_members` (row-level security drops members outside the scope), optionally narrowed to
 * the area whose significant code digits are `prefix`. Names of on-duty leaders in name order.
 */
export async function dutyRoster(
  client: ScopedClient,
  prefix: string | null,
): Promise<DutyStreet[]> {
  const result = await client.query<{
    code: string;
    name: string | null;
    leaders_on_duty: number;
    leaders: number;
    leader_names: string[];
    members_on_duty: number;
    members: number;
  }>(
    `SELECT m.street_code AS code, a.name,
            count(*) FILTER (WHERE m.role = 'leader' AND m.on_duty)::int AS leaders_on_duty,
            count(*) FILTER (WHERE m.role = 'leader')::int AS leaders,
            coalesce(array_agg(m.name ORDER BY m.name, m.id)
                       FILTER (WHERE m.role = 'leader' AND m.on_duty), '{}') AS leader_names,
            count(*) FILTER (WHERE m.role <> 'leader' AND m.on_duty)::int AS members_on_duty,
            count(*) FILTER (WHERE m.role <> 'leader')::int AS members
       FROM grid_members m
       LEFT JOIN admin_areas a ON a.code = m.street_code
      WHERE $1::text IS NULL OR m.community_code LIKE $1 || '%'
      GROUP BY m.street_code, a.name
      ORDER BY m.street_code`,
    [prefix],
  );
  return result.rows.map((r) => ({
    code: r.code,
    name: r.name ?? r.code,
    leaders: { onDuty: r.leaders_on_duty, total: r.leaders, names: r.leader_names },
    members: { onDuty: r.members_on_duty, total: r.members },
  }));
}
