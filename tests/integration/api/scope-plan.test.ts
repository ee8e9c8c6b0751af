import { beforeAll, describe, expect, it } from 'vitest';
import { withScope } from '../../../api/db/scoped';
import type { Principal } from '../../../api/domain/principal';
import { useTestDatabase } from '../support/db';
import { areaCodes } from '../support/identities';

/*
 * The scope policies (migration 0014) give PostgreSQL an index range it can estimate and use:
 * a small scope reads its rows through the scope column's index, a whole district pages by the
 * key without sorting every row, and a scope of several prefixes still sees only its own.
 */

const db = useTestDatabase();
let area: Awaited<ReturnType<typeof areaCodes>>;

beforeAll(async () => {
  area = await areaCodes(db());
  // Estimates come from statistics; a freshly seeded test database may not have them yet.
  await db().pool.query('ANALYZE cameras');
});

const caller = (scopes: string[]): Principal => ({
  kind: 'api_key',
  id: 0,
  name: 'plan',
  role: 'operator',
  scopes,
});

/** The plan of `sql` for a caller with `scopes`, after `settings` (SET LOCAL …). */
async function planOf(scopes: string[], sql: string, settings: string[] = [], format = '') {
  return withScope(db().pool, caller(scopes), async (client) => {
    for (const setting of settings) await client.query(setting);
    const explain = format ? `EXPLAIN (${format})` : 'EXPLAIN';
    const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(`${explain} ${sql}`);
    return rows
      .map((row) => {
        const line = row['QUERY PLAN'];
        return typeof line === 'string' ? line : JSON.stringify(line);
      })
      .join('\n');
  });
}

describe('scope policies PostgreSQL can answer with an index', () => {
  it('reads a community’s cameras through the community index, the scope as index condition', async () => {
    // Sequential scans priced out: a scope test the index cannot take would leave it a filter.
    const plan = await planOf([area.communities[0]!], 'SELECT count(*) FROM cameras', [
      'SET LOCAL enable_seqscan = off',
    ]);
    expect(plan).toContain('cameras_community_idx');
    expect(plan).toMatch(/Index Cond: \(\(community_code >= /);
  });

  it('knows a whole district holds every camera and a community few, before running', async () => {
    const estimate = async (scopes: string[]) => {
      const plan = await planOf(scopes, 'SELECT code FROM cameras', [], 'FORMAT JSON');
      return (JSON.parse(plan) as { Plan: { 'Plan Rows': number } }[])[0]!.Plan['Plan Rows'];
    };
    const { rows } = await db().pool.query<{ n: number }>('SELECT count(*)::int AS n FROM cameras');
    const all = rows[0]!.n;
    // The range is estimated from the column's statistics; the once-per-query recheck (an
    // InitPlan) counts as one half. The old per-row LIKE ANY was estimated at well under 1 %.
    expect(await estimate([area.district])).toBeGreaterThan(0.4 * all);
    expect(await estimate([area.communities[0]!])).toBeLessThan(0.2 * all);
  });

  it('pages a whole district’s cameras by key with no sort over every row', async () => {
    // Sequential scans priced out (the test district is small enough to sort whole).
    const plan = await planOf([area.district], 'SELECT code FROM cameras ORDER BY code LIMIT 100', [
      'SET LOCAL enable_seqscan = off',
    ]);
    expect(plan).toContain('cameras_pkey');
    expect(plan).not.toContain('Sort');
  });

  it('sees exactly the communities of a scope of several prefixes, not the range between', async () => {
    const [first, , third] = area.communities as [string, string, string];
    const seen = await withScope(db().pool, caller([first, third]), async (client) => {
      const { rows } = await client.query<{ code: string }>(
        `SELECT DISTINCT community_code AS code FROM cameras ORDER BY 1`,
      );
      return rows.map((row) => row.code);
    });
    expect(seen).toEqual([first, third].sort());
  });
});
