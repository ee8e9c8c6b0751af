import { describe, expect, it } from 'vitest';
import { INCIDENT_EVENT_TYPES } from '../../../api/contract/codes';
import { countFeatures } from '../../../api/db/counts';
import { readSeedState } from '../../../api/db/seed-state';
import { seedDemo } from '../../../data/seed';
import { TEST_SEED } from '../support/global-setup';
import { useTestDatabase } from '../support/db';

const db = useTestDatabase();

describe('demo seeding', () => {
  it('marks a finished seed and keeps it on the next start', async () => {
    expect((await readSeedState(db().pool)).state).toBe('done');
    const before = await countFeatures(db().pool);
    expect(await seedDemo(db(), { ...TEST_SEED })).toBe('kept');
    expect(await countFeatures(db().pool)).toEqual(before);
  });

  it('redoes an interrupted seed from a clean slate, with the same result', async () => {
    // Other test files add incidents: start from a clean seed, so the counts are the seed's own.
    await seedDemo(db(), { ...TEST_SEED, force: true });
    const before = await countFeatures(db().pool);
    const keys = await db().pool.query('SELECT count(*)::int AS n FROM api_keys');
    const controller = new AbortController();
    let batches = 0;
    const interrupted = seedDemo(db(), {
      ...TEST_SEED,
      force: true,
      signal: controller.signal,
      onProgress: () => {
        if (++batches === 3) controller.abort();
      },
    });
    await expect(interrupted).rejects.toThrow();
    expect((await readSeedState(db().pool)).state).toBe('running');
    expect(await seedDemo(db(), { ...TEST_SEED })).toBe('reseeded');
    expect((await readSeedState(db().pool)).state).toBe('done');
    expect(await countFeatures(db().pool)).toEqual(before);
    const keysAfter = await db().pool.query('SELECT count(*)::int AS n FROM api_keys');
    expect(keysAfter.rows[0].n, 'reseeding never touches accounts').toBe(keys.rows[0].n);
  });

  it('fills the small district with figures in range', async () => {
    const counts = await countFeatures(db().pool);
    expect(counts.grids).toBeGreaterThanOrEqual(70);
    expect(counts.grids).toBeLessThanOrEqual(90);
    const households = await db().pool.query<{ min: number; max: number }>(
      `SELECT min(households) AS min, max(households) AS max FROM grids WHERE kind = 'residential'`,
    );
    expect(households.rows[0]!.min).toBeGreaterThanOrEqual(300);
    expect(households.rows[0]!.max).toBeLessThanOrEqual(500);
  });

  it('leaves identity sequences past the seeded ids', async () => {
    const next = await db().pool.query<{ max: number; next: number }>(
      `SELECT (SELECT max(id) FROM incidents) AS max,
              nextval(pg_get_serial_sequence('incidents', 'id')) AS next`,
    );
    expect(next.rows[0]!.next).toBeGreaterThan(next.rows[0]!.max);
  });

  it('writes only known event types, each timeline starting with its report', async () => {
    const types = await db().pool.query<{ type: string }>(
      'SELECT DISTINCT type FROM incident_events',
    );
    for (const { type } of types.rows) expect(INCIDENT_EVENT_TYPES).toContain(type);
    const first = await db().pool.query<{ type: string; n: number }>(
      `SELECT DISTINCT ON (incident_id) incident_id, type FROM incident_events
       ORDER BY incident_id, seq`,
    );
    expect(new Set(first.rows.map((row) => row.type))).toEqual(new Set(['report']));
  });
});
