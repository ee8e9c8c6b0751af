import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_IDS, featureSchema, ITEM_CONTRACTS } from '../../../api/contract/items';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { collectPages, getJson } from './support';

const db = useTestDatabase();
let key: string;

beforeAll(async () => {
  key = (await makeKey(db(), 'admin', [(await areaCodes(db())).district])).key;
});

/**
 * The item contract (api/contract/items) against what the API serves: every feature of every
 * collection, with all its properties, parsed strictly — an unknown key, a missing key, a wrong
 * type or a value outside a code list fails. A column renamed on one side only fails here.
 */
describe('OGC items follow their contract', () => {
  it.each(COLLECTION_IDS)('%s: every item parses strictly', async (id) => {
    const contract = ITEM_CONTRACTS[id];
    const schema = featureSchema(contract, contract.properties.strict()).strict();
    const app = createTestApp(db());
    const path = `/ogc/collections/${id}/items?limit=10000`;
    const features = await collectPages(app, path, key);
    const { numberMatched } = await getJson(app, `${path.split('?')[0]}?limit=1`, key);
    expect(features.length).toBeGreaterThan(0);
    expect(features).toHaveLength(numberMatched);
    for (const feature of features) {
      const parsed = schema.safeParse(feature);
      expect(parsed.error?.issues, `${id} ${String(feature.id)}`).toBeUndefined();
    }
  });
});
