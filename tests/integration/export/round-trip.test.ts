import type { Feature, Point } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertGeometry } from '../../../api/domain/china-crs';
import { runImport } from '../../../api/use-cases/imports/run-import';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { bytesOf, metresBetween, ogcGet } from './support';

const db = useTestDatabase();
let key: string;

beforeAll(async () => {
  key = (await makeKey(db(), 'admin', [(await areaCodes(db())).district])).key;
});

/** Every service point's WGS84 position in the database, by code. */
async function storedPositions(): Promise<Map<string, number[]>> {
  const { rows } = await db().pool.query<{ code: string; x: number; y: number }>(
    'SELECT code, ST_X(geom) x, ST_Y(geom) y FROM service_points',
  );
  return new Map(rows.map((row) => [row.code, [row.x, row.y]]));
}

async function exportAs(crs: string, format = 'json') {
  const f = format === 'json' ? '' : `&f=${format}`;
  const response = await ogcGet(
    db(),
    key,
    `/collections/service-points/items?limit=10000&crs=${encodeURIComponent(crs)}${f}`,
  );
  expect(response.status).toBe(200);
  return response;
}

describe('GCJ-02 and BD-09 export', () => {
  it.each([
    ['https://yiping.dev/def/crs/GCJ-02', 'gcj02'],
    ['https://yiping.dev/def/crs/BD-09', 'bd09'],
  ] as const)('exports %s that converts back to the stored WGS84 within 1 m', async (uri, crs) => {
    const response = await exportAs(uri);
    expect(response.headers.get('content-crs')).toBe(`<${uri}>`);
    const features = (await response.json()).features as Feature<Point>[];
    const stored = await storedPositions();
    expect(features.length).toBe(stored.size);
    let shifted = 0;
    for (const feature of features) {
      const original = stored.get(String(feature.properties!.code))!;
      shifted = Math.max(shifted, metresBetween(feature.geometry.coordinates, original));
      const back = convertGeometry(feature.geometry, crs, 'wgs84').coordinates;
      expect(metresBetween(back, original)).toBeLessThan(1);
    }
    // The offsets of Chinese web maps are hundreds of metres: the export did convert.
    expect(shifted).toBeGreaterThan(50);
  });

  it('accepts the short spellings GCJ-02 and bd09 and a bbox in GCJ-02', async () => {
    const [first] = (await (await exportAs('GCJ-02')).json()).features as Feature<Point>[];
    const [lng, lat] = first!.geometry.coordinates as [number, number];
    const d = 0.0005;
    const box = [lng - d, lat - d, lng + d, lat + d].join(',');
    const response = await ogcGet(
      db(),
      key,
      `/collections/service-points/items?crs=GCJ-02&bbox-crs=GCJ-02&bbox=${box}`,
    );
    const ids = (await response.json()).features.map((f: Feature) => f.id);
    expect(ids).toContain(first!.id);
    expect((await exportAs('bd09')).headers.get('content-crs')).toBe(
      '<https://yiping.dev/def/crs/BD-09>',
    );
  });
});

// Runs once the import engine (api/use-cases/imports) is merged; in this branch runImport is a stub.
describe('a GCJ-02 export re-imported as GCJ-02', () => {
  it('lands every service point within 1 m of where it was', async () => {
    const before = await storedPositions();
    const csv = await bytesOf(await exportAs('GCJ-02', 'csv'));
    const outcome = await runImport(db().pool, {
      bytes: csv,
      fileName: 'service-points.csv',
      options: {
        collection: 'service-points',
        crs: 'gcj02',
        format: 'csv',
        encoding: 'utf-8',
        dryRun: false,
        skipInvalid: false,
        replace: false,
        repair: false,
        allowOutside: false,
      },
      actor: 'test:export-round-trip',
      now: new Date(),
    });
    expect(outcome.status).toBe('succeeded');
    expect(outcome.counts.inserted).toBe(0);
    const after = await storedPositions();
    expect(after.size).toBe(before.size);
    for (const [code, position] of before) {
      expect(metresBetween(after.get(code)!, position), code).toBeLessThan(1);
    }
  });
});
