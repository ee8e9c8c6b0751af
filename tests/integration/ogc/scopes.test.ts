import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { getJson, type Json } from './support';

const db = useTestDatabase();
let community: string;
let otherCommunity: string;
let key: string;

beforeAll(async () => {
  const { communities } = await areaCodes(db());
  [community, otherCommunity] = communities as [string, string];
  key = (await makeKey(db(), 'operator', [community])).key;
});

describe('OGC items respect area scopes', () => {
  it('returns only the grids of the caller’s community', async () => {
    const body = await getJson(
      createTestApp(db()),
      '/ogc/collections/grids/items?limit=10000',
      key,
    );
    const { rows } = await db().pool.query(
      'SELECT count(*)::int AS n FROM grids WHERE community_code = $1',
      [community],
    );
    expect(body.numberMatched).toBe(rows[0].n);
    expect(body.features.every((f: Json) => f.properties.community_code === community)).toBe(true);
  });

  it('answers 404 for a feature outside the scope, as if it did not exist', async () => {
    const { rows } = await db().pool.query(
      'SELECT code FROM grids WHERE community_code = $1 LIMIT 1',
      [otherCommunity],
    );
    await getJson(createTestApp(db()), `/ogc/collections/grids/items/${rows[0].code}`, key, 404);
  });

  it('finds nothing outside the scope even when filtering for it', async () => {
    const body = await getJson(
      createTestApp(db()),
      `/ogc/collections/incidents/items?community_code=${otherCommunity}`,
      key,
    );
    expect(body.numberMatched).toBe(0);
  });
});
