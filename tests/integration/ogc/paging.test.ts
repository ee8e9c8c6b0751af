import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { getJson, type Json } from './support';

const db = useTestDatabase();
let key: string;
const insertedCodes: string[] = [];

beforeAll(async () => {
  key = (await makeKey(db(), 'admin', [(await areaCodes(db())).district])).key;
});

afterAll(async () => {
  await db().pool.query('DELETE FROM incidents WHERE code = ANY($1)', [insertedCodes]);
});

/** Copies an existing incident under a new code, as a report arriving meanwhile would. */
async function insertIncident(): Promise<void> {
  const code = `ZT${String(Date.now()).slice(-8)}${String(insertedCodes.length).padStart(6, '0')}`;
  insertedCodes.push(code);
  await db().pool.query(
    `INSERT INTO incidents (code, category, source, severity, status, grid_code, community_code,
                            street_code, reported_at, accept_deadline, resolve_deadline, geom)
     SELECT $1, category, source, severity, 'reported', grid_code, community_code, street_code,
            reported_at, accept_deadline, resolve_deadline, geom
     FROM incidents ORDER BY id LIMIT 1`,
    [code],
  );
}

describe('OGC keyset paging', () => {
  it('returns every incident exactly once while new ones are inserted between pages', async () => {
    const app = createTestApp(db());
    const before = new Set(
      (await db().pool.query<{ code: string }>('SELECT code FROM incidents')).rows.map(
        (r) => r.code,
      ),
    );
    const seen: string[] = [];
    let pages = 0;
    let url: string | undefined = '/ogc/collections/incidents/items?limit=250&properties=code';
    while (url) {
      const page = await getJson(app, url, key);
      pages += 1;
      seen.push(...page.features.map((f: Json) => f.id));
      for (let i = 0; i < 3; i += 1) await insertIncident();
      const next = page.links.find((link: Json) => link.rel === 'next');
      url = next ? new URL(next.href).pathname + new URL(next.href).search : undefined;
    }
    expect(pages).toBeGreaterThan(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((code) => before.has(code)).length).toBe(before.size);
  });
});
