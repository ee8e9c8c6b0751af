import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../../api/db/collections';
import { queryFeatures } from '../../../api/db/features';
import { SUPPORTED_CRS } from '../../../api/domain/crs';
import type { Principal } from '../../../api/domain/principal';
import { withScope } from '../../../api/db/scoped';
import { useTestDatabase } from '../support/db';
import { areaCodes } from '../support/identities';

const db = useTestDatabase();

/** Runs `work` with a client that records the statements it is given. */
async function recordStatements(work: (client: Pick<pg.PoolClient, 'query'>) => Promise<unknown>) {
  const statements: { text: string; values: unknown[] }[] = [];
  const client = {
    query: (text: string, values: unknown[] = []) => {
      statements.push({ text, values });
      return db().pool.query(text, values);
    },
  } as unknown as Pick<pg.PoolClient, 'query'>;
  await work(client);
  return statements;
}

describe('spatial filters can use the GiST index', () => {
  it.each(['cameras', 'grids'] as const)(
    'plans a bbox query on %s with its geometry index',
    async (id) => {
      const [page] = await recordStatements((client) =>
        queryFeatures(client, COLLECTIONS[id], {
          crs: SUPPORTED_CRS[0]!,
          limit: 10,
          equals: {},
          bbox: [120, 30, 120.01, 30.01],
        }),
      );
      const { communities } = await areaCodes(db());
      const principal: Principal = {
        kind: 'api_key',
        id: 0,
        name: 'plan',
        role: 'operator',
        scopes: [communities[0]!],
      };
      // As a scoped caller: row-level security must not keep the bbox condition off the index.
      const plan = await withScope(db().pool, principal, async (client) => {
        // With sequential scans and plain index scans (e.g. walking the key in order) priced
        // out, only a bitmap scan on an index matching the bbox condition is left: if the plan
        // does not name the geometry index, the condition cannot use it.
        await client.query('SET LOCAL enable_seqscan = off');
        await client.query('SET LOCAL enable_indexscan = off');
        const { rows } = await client.query(`EXPLAIN ${page!.text}`, page!.values);
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain(`${COLLECTIONS[id].table}_geom_idx`);
    },
  );
});
