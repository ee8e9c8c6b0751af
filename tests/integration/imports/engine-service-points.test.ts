import { afterAll, describe, expect, it } from 'vitest';
import { convertPosition } from '../../../api/domain/china-crs';
import { runImport } from '../../../api/use-cases/imports/run-import';
import { useTestDatabase } from '../support/db';
import { unique } from '../support/identities';
import { countRows, geojson, importOf, point, seededCommunities } from './engine-fixtures';

const db = useTestDatabase();
const prefix = unique('T-SP').toUpperCase();
const code = (n: number) => `${prefix}-${n}`;

/** Metres between a stored service point and a WGS84 position. */
async function offsetM(spCode: string, lng: number, lat: number) {
  const { rows } = await db().pool.query<{ m: number }>(
    `SELECT ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography) AS m
       FROM service_points WHERE code = $1`,
    [spCode, lng, lat],
  );
  return rows[0]!.m;
}

describe('service point import', () => {
  afterAll(async () => {
    await db().pool.query('DELETE FROM service_points WHERE code LIKE $1', [`${prefix}%`]);
  });

  it.each(['gcj02', 'bd09'] as const)(
    'lands %s input within 1 m of its WGS84 position',
    async (crs) => {
      const [a] = await seededCommunities(db().pool);
      const shifted = convertPosition([a!.lng, a!.lat], 'wgs84', crs);
      const spCode = code(crs === 'gcj02' ? 1 : 2);
      const bytes = geojson([
        [{ 编号: spCode, 名称: '阳光幼儿园', 类别: '幼儿园', 容量: '120' }, point(shifted)],
      ]);
      const outcome = await runImport(db().pool, importOf('service-points', bytes, { crs }));
      expect(outcome.status).toBe('succeeded');
      expect(await offsetM(spCode, a!.lng, a!.lat)).toBeLessThan(1);
      const { rows } = await db().pool.query(
        'SELECT category, capacity, community_code, street_code FROM service_points WHERE code = $1',
        [spCode],
      );
      expect(rows[0]).toEqual({
        category: 'kindergarten',
        capacity: 120,
        community_code: a!.code,
        street_code: a!.street,
      });
    },
  );

  it('rejects a file with bad rows whole, listing every problem, and writes nothing', async () => {
    const [a] = await seededCommunities(db().pool);
    const at = [a!.lng, a!.lat];
    const bytes = geojson([
      [{ 编号: code(10), 名称: '好的药店', 类别: '药店' }, point(at)],
      [{ 编号: code(11), 名称: '错别字', 类别: '幼儿圆' }, point(at)],
      [{ 编号: code(12), 类别: 'pharmacy' }, point(at)],
      [{ 编号: code(13), 名称: '远方', 类别: 'pharmacy' }, point([0, 0])],
      [{ 编号: code(10), 名称: '重复', 类别: 'pharmacy' }, point(at)],
      [{ 编号: code(14), 名称: '无几何', 类别: 'pharmacy' }, null],
    ]);
    const before = await countRows(db().pool, 'service_points');
    const outcome = await runImport(db().pool, importOf('service-points', bytes));
    expect(outcome.status).toBe('rejected');
    const errors = outcome.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.index, p.field, p.code, p.suggestion])).toEqual([
      [1, 'category', 'unknown_category', 'kindergarten'],
      [2, 'name', 'missing_field', null],
      [3, 'geometry', 'outside_district', null],
      [4, 'code', 'duplicate_code', null],
      [5, 'geometry', 'invalid_geometry', null],
    ]);
    expect(
      errors.every((p) => /[\u4e00-\u9fff]/.test(p.message) && /[A-Za-z]/.test(p.message)),
    ).toBe(true);
    expect(await countRows(db().pool, 'service_points')).toBe(before);

    const skipping = await runImport(
      db().pool,
      importOf('service-points', bytes, { skipInvalid: true }),
    );
    expect(skipping.status).toBe('succeeded');
    expect(skipping.counts).toMatchObject({ read: 6, inserted: 1, skipped: 5 });
    expect(await countRows(db().pool, 'service_points', 'code = $1', [code(10)])).toBe(1);
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const [a] = await seededCommunities(db().pool);
    const bytes = geojson([
      [{ code: code(20), name: 'Dry', category: 'Pharmacy' }, point([a!.lng, a!.lat])],
    ]);
    const audits = await countRows(db().pool, 'audit_log');
    const outcome = await runImport(db().pool, importOf('service-points', bytes, { dryRun: true }));
    expect(outcome).toMatchObject({ status: 'succeeded', counts: { inserted: 1 } });
    expect(await countRows(db().pool, 'service_points', 'code = $1', [code(20)])).toBe(0);
    expect(await countRows(db().pool, 'audit_log')).toBe(audits);
  });
});
