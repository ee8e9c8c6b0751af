import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '../../../api/contract/codes';
import { FINISHED_STATUSES, isOpenStatus } from '../../../api/contract/statuses';
import { dueForSweep } from '../../../api/db/incidents';
import { withScope } from '../../../api/db/scoped';
import type { Principal } from '../../../api/domain/principal';
import { useTestDatabase } from '../support/db';
import { areaCodes } from '../support/identities';

const db = useTestDatabase();

/** The statement `work` sends, captured without running it (the reply is an empty result). */
async function capturedStatement(work: (client: pg.PoolClient) => Promise<unknown>) {
  let statement: { text: string; values: unknown[] } | undefined;
  const client = {
    query: (text: string, values: unknown[] = []) => {
      statement = { text, values };
      return Promise.resolve({ rows: [] });
    },
  } as unknown as pg.PoolClient;
  await work(client);
  return statement!;
}

async function planOf(client: pg.PoolClient, text: string, values: unknown[] = []) {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (VERBOSE) ${text}`,
    values,
  );
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

/** Plans `text` with sequential scans priced out: what is left shows which index can serve it. */
async function indexPlan(client: pg.PoolClient, text: string, values: unknown[] = []) {
  await client.query('SET LOCAL enable_seqscan = off');
  return planOf(client, text, values);
}

describe('status groups in the database', () => {
  it.each(INCIDENT_STATUSES)('incident_is_open(%s) agrees with the contract', async (status) => {
    const { rows } = await db().pool.query<{ open: boolean }>(
      'SELECT incident_is_open($1) AS open',
      [status],
    );
    expect(rows[0]!.open).toBe(isOpenStatus(status));
  });

  it('is inlined: the planner sees a plain list comparison, not a function call', async () => {
    const client = await db().pool.connect();
    try {
      const plan = await planOf(client, 'SELECT incident_is_open(status) FROM incidents');
      expect(plan).not.toContain('incident_is_open');
      for (const status of FINISHED_STATUSES) expect(plan).toContain(status);
    } finally {
      client.release();
    }
  });

  it('lets the SLA sweep read open incidents through the partial index', async () => {
    const sweep = await capturedStatement((client) => dueForSweep(client, new Date(), 10));
    const client = await db().pool.connect();
    try {
      await client.query('BEGIN');
      const plan = await indexPlan(client, sweep.text, sweep.values);
      expect(plan).toContain('incidents_open_deadline_idx');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('keeps the partial index usable for a scoped caller under row-level security', async () => {
    const { district } = await areaCodes(db());
    const principal: Principal = {
      kind: 'api_key',
      id: 0,
      name: 'plan',
      role: 'commander',
      scopes: [district],
    };
    const plan = await withScope(db().pool, principal, (client) =>
      indexPlan(
        client,
        `SELECT code FROM incidents WHERE incident_is_open(status)
          ORDER BY resolve_deadline LIMIT 10`,
      ),
    );
    expect(plan).toContain('incidents_open_deadline_idx');
  });
});
