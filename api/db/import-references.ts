import type { AdminLevel } from '../contract/codes';
import { queryRows, type Queryable } from './queryable';

/** An admin area as references see it. */
export interface KnownArea {
  level: AdminLevel;
  parentCode: string | null;
}

/** A grid as references see it. */
export interface KnownGrid {
  communityCode: string;
  streetCode: string;
}

/**
 * Every admin area the transaction sees, by code: what communities, streets and parents a file
 * may refer to (a district import loads the areas first, in the same transaction).
 */
export async function loadKnownAreas(db: Queryable): Promise<Map<string, KnownArea>> {
  const rows = await queryRows<{ code: string; level: AdminLevel; parent_code: string | null }>(
    db,
    'SELECT code, level, parent_code FROM admin_areas',
  );
  return new Map(rows.map((r) => [r.code, { level: r.level, parentCode: r.parent_code }]));
}

/** Every grid the transaction sees, by code (members and buildings refer to grids). */
export async function loadKnownGrids(db: Queryable): Promise<Map<string, KnownGrid>> {
  const rows = await queryRows<{ code: string; community_code: string; street_code: string }>(
    db,
    'SELECT code, community_code, street_code FROM grids',
  );
  return new Map(
    rows.map((r) => [r.code, { communityCode: r.community_code, streetCode: r.street_code }]),
  );
}
