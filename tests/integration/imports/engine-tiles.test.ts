import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, describe, expect, it } from 'vitest';
import { tileAt } from '../../../api/domain/tile-math';
import { runImport } from '../../../api/use-cases/imports/run-import';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, unique } from '../support/identities';
import { geojson, importOf, point, seededCommunities } from './engine-fixtures';

const db = useTestDatabase();
const code = unique('T-TILE').toUpperCase();

async function codesIn(response: Response) {
  expect(response.status).toBe(200);
  const tile = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())));
  const layer = tile.layers['service-points'];
  return Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i).properties.code);
}

async function analysisVersion() {
  const { rows } = await db().pool.query<{ version: number }>(
    "SELECT version FROM analysis_versions WHERE layer = 'service_points'",
  );
  return Number(rows[0]!.version);
}

describe('an import and what is served', () => {
  afterAll(async () => {
    await db().pool.query('DELETE FROM service_points WHERE code = $1', [code]);
  });

  it('changes the served tiles and the life-circle analysis version at once', async () => {
    const key = (await makeKey(db(), 'api_consumer', [(await areaCodes(db())).district])).key;
    const [a] = await seededCommunities(db().pool);
    const t = tileAt([a!.lng, a!.lat], 14);
    const app = createTestApp(db());
    const get = () => app.request(`/tiles/service-points/${t.z}/${t.x}/${t.y}.mvt`, bearer(key));
    expect(await codesIn(await get())).not.toContain(code);
    const version = await analysisVersion();
    const bytes = geojson([
      [{ 编号: code, 名称: '新药店', 类别: '药店' }, point([a!.lng, a!.lat])],
    ]);
    expect((await runImport(db().pool, importOf('service-points', bytes))).status).toBe(
      'succeeded',
    );
    expect(await codesIn(await get())).toContain(code);
    expect(await analysisVersion()).toBeGreaterThan(version);
  });
});
