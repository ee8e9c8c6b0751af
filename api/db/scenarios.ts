import type { ScenarioChange, ScenarioEvaluation, ScenarioSummary } from '../contract/analysis';
import type { ScopedClient } from './scoped';

/**
 * Saved scenarios, read and written under the caller's scope (row-level security on
 * `scope_code`): a caller sees and deletes only the scenarios made for areas they can see.
 */

export interface ScenarioRow {
  id: number;
  name: string;
  author: string;
  scopeCode: string;
  area: { code: string; name: string } | null;
  changes: ScenarioChange[];
  evaluation: ScenarioEvaluation;
  createdAt: string;
  adoptedAt: string | null;
  adoptedBy: string | null;
  adoption: ScenarioEvaluation | null;
}

const COLUMNS = `s.id::int AS id, s.name, s.author, s.scope_code AS "scopeCode",
  CASE WHEN a.code IS NULL THEN NULL ELSE json_build_object('code', a.code, 'name', a.name) END AS area,
  s.changes, s.evaluation, to_json(s.created_at) #>> '{}' AS "createdAt",
  to_json(s.adopted_at) #>> '{}' AS "adoptedAt", s.adopted_by AS "adoptedBy", s.adoption`;

export async function insertScenario(
  client: ScopedClient,
  row: Pick<ScenarioRow, 'name' | 'author' | 'scopeCode' | 'changes' | 'evaluation'> & {
    areaCode: string | null;
    createdAt: Date;
  },
): Promise<number> {
  const result = await client.query<{ id: number }>(
    `INSERT INTO scenarios (name, author, scope_code, area_code, changes, evaluation, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::int AS id`,
    [
      row.name,
      row.author,
      row.scopeCode,
      row.areaCode,
      JSON.stringify(row.changes),
      JSON.stringify(row.evaluation),
      row.createdAt.toISOString(),
    ],
  );
  return result.rows[0]!.id;
}

/** One scenario; `forUpdate` locks it until the transaction ends (adoption). */
export async function findScenario(
  client: ScopedClient,
  id: number,
  forUpdate = false,
): Promise<ScenarioRow | null> {
  const result = await client.query<ScenarioRow>(
    `SELECT ${COLUMNS} FROM scenarios s LEFT JOIN admin_areas a ON a.code = s.area_code
      WHERE s.id = $1 ${forUpdate ? 'FOR UPDATE OF s' : ''}`,
    [id],
  );
  return result.rows[0] ?? null;
}

/** Saved scenarios, newest first. */
export async function listScenarios(client: ScopedClient): Promise<ScenarioSummary[]> {
  const result = await client.query<ScenarioSummary>(
    `SELECT s.id::int AS id, s.name, s.author, to_json(s.created_at) #>> '{}' AS "createdAt",
            CASE WHEN a.code IS NULL THEN NULL ELSE json_build_object('code', a.code, 'name', a.name) END AS area,
            jsonb_array_length(s.changes) AS changes, to_json(s.adopted_at) #>> '{}' AS "adoptedAt"
       FROM scenarios s LEFT JOIN admin_areas a ON a.code = s.area_code
      ORDER BY s.created_at DESC, s.id DESC`,
  );
  return result.rows;
}

/** Deletes an unadopted scenario; false when there is none (adopted ones are kept as records). */
export async function deleteScenario(
  client: ScopedClient,
  id: number,
): Promise<'deleted' | 'missing' | 'adopted'> {
  const found = await findScenario(client, id, true);
  if (!found) return 'missing';
  if (found.adoptedAt) return 'adopted';
  await client.query('DELETE FROM scenarios WHERE id = $1', [id]);
  return 'deleted';
}

/** Records the adoption and the coverage before and after (评估). */
export async function markAdopted(
  client: ScopedClient,
  id: number,
  at: Date,
  by: string,
  adoption: ScenarioEvaluation,
): Promise<void> {
  await client.query(
    'UPDATE scenarios SET adopted_at = $2, adopted_by = $3, adoption = $4 WHERE id = $1',
    [id, at.toISOString(), by, JSON.stringify(adoption)],
  );
}
