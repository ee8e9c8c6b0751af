import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../api/use-cases/imports/run-import';
import { useTestDatabase } from '../support/db';
import {
  countRows,
  geojson,
  importOf,
  seededCommunities,
  square,
  tableChecksum,
  tileVersion,
} from './engine-fixtures';

const db = useTestDatabase();

describe('grid import (GeoJSON, Chinese headers, CSV-shaped values)', () => {
  const codes: string[] = [];
  afterAll(async () => {
    await db().pool.query('DELETE FROM grids WHERE code = ANY($1)', [codes]);
  });

  async function gridFile() {
    const [a] = await seededCommunities(db().pool);
    codes.push(`${a!.code}901`, `${a!.code}902`);
    return {
      community: a!,
      bytes: geojson([
        [
          { 网格编号: codes[0], 网格名称: '测试一网格', 户数: '1,200', 人口: '3000', 类型: '住宅' },
          square(a!.lng, a!.lat),
        ],
        [
          { 网格编号: codes[1], 网格名称: '测试二网格', 户数: 80, 类型: '商铺' },
          { type: 'MultiPolygon', coordinates: [square(a!.lng + 0.0003, a!.lat).coordinates] },
        ],
      ]),
    };
  }

  it('lands grids with their community and street derived from the code, then re-imports as unchanged', async () => {
    const { community, bytes } = await gridFile();
    const first = await runImport(db().pool, importOf('grids', bytes));
    expect(first.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(first.status).toBe('succeeded');
    expect(first.counts).toMatchObject({ read: 2, inserted: 2, updated: 0, unchanged: 0 });
    expect(first.detection.mapping).toMatchObject({
      网格编号: 'code',
      户数: 'households',
      类型: 'kind',
    });
    expect(first.topology).not.toBeNull();
    const { rows } = await db().pool.query(
      'SELECT code, community_code, street_code, households, population, kind FROM grids WHERE code = ANY($1) ORDER BY code',
      [codes],
    );
    expect(rows).toEqual([
      {
        code: codes[0],
        community_code: community.code,
        street_code: community.street,
        households: 1200,
        population: 3000,
        kind: 'residential',
      },
      {
        code: codes[1],
        community_code: community.code,
        street_code: community.street,
        households: 80,
        population: 0,
        kind: 'shop',
      },
    ]);
    expect(
      await countRows(
        db().pool,
        'audit_log',
        "action = 'import.grids' AND target = 'grids.geojson'",
      ),
    ).toBeGreaterThan(0);

    const before = await tableChecksum(db().pool, 'grids');
    const version = await tileVersion(db().pool, 'grids');
    const again = await runImport(db().pool, importOf('grids', bytes));
    expect(again.counts).toMatchObject({ read: 2, inserted: 0, updated: 0, unchanged: 2 });
    expect(await tableChecksum(db().pool, 'grids')).toBe(before);
    expect(await tileVersion(db().pool, 'grids')).toBe(version);
  });
});
