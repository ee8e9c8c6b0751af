import type { Queryable } from './queryable';

/** Codes of `codes` that name no admin area (checked as the owner: scopes are not applied). */
export async function missingAreaCodes(
  pool: Queryable,
  codes: readonly string[],
): Promise<string[]> {
  const result = await pool.query<{ code: string }>(
    `SELECT c AS code FROM unnest($1::text[]) c
     WHERE NOT EXISTS (SELECT 1 FROM admin_areas a WHERE a.code = c)`,
    [codes],
  );
  return result.rows.map((row) => row.code);
}

/** Codes of the district-level areas: the widest scope there is. */
export async function districtCodes(pool: Queryable): Promise<string[]> {
  const result = await pool.query<{ code: string }>(
    `SELECT code FROM admin_areas WHERE level = 'district' ORDER BY code`,
  );
  return result.rows.map((row) => row.code);
}
