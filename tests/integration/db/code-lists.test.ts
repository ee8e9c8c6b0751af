import { describe, expect, it } from 'vitest';
import * as codes from '../../../api/contract/codes';
import { useTestDatabase } from '../support/db';

const db = useTestDatabase();

/** Each shared code list and the column whose CHECK constraint must allow exactly that list. */
const LISTS: [string, string, readonly string[]][] = [
  ['admin_areas', 'level', codes.ADMIN_LEVELS],
  ['admin_areas', 'kind', codes.COMMUNITY_KINDS],
  ['grids', 'kind', codes.GRID_KINDS],
  ['grid_members', 'role', codes.MEMBER_ROLES],
  ['cameras', 'kind', codes.CAMERA_KINDS],
  ['cameras', 'status', codes.CAMERA_STATUSES],
  ['service_points', 'category', codes.SERVICE_CATEGORIES],
  ['roads', 'class', codes.ROAD_CLASSES],
  ['incidents', 'category', codes.INCIDENT_CATEGORIES],
  ['incidents', 'source', codes.INCIDENT_SOURCES],
  ['incidents', 'severity', codes.SEVERITIES],
  ['incidents', 'status', codes.INCIDENT_STATUSES],
  ['incidents', 'escalation_level', codes.ESCALATION_LEVELS],
  ['users', 'role', codes.USER_ROLES],
  ['api_keys', 'role', codes.USER_ROLES],
];

describe('shared code lists', () => {
  it.each(LISTS)('%s.%s allows exactly the contract list', async (table, column, list) => {
    const result = await db().pool.query<{ def: string }>(
      `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       WHERE t.relname = $1 AND c.contype = 'c'`,
      [table],
    );
    const def = result.rows
      .map((row) => row.def)
      .find((text) => new RegExp(`\\(\\(?${column}\\s*=\\s*ANY`).test(text));
    expect(def, `no list constraint on ${table}.${column}`).toBeDefined();
    const allowed = [...def!.matchAll(/'([^']+)'::text/g)].map((match) => match[1]);
    expect(allowed.sort()).toEqual([...list].sort());
  });
});
