import type { Geometry } from 'geojson';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { ImportCollection, ImportOptions } from '../../../api/contract/imports';
import { importLayer } from '../../../api/use-cases/imports/run-import';
import { useTestDatabase } from '../support/db';
import {
  countRows,
  geojson,
  importOf,
  point,
  rolledBack,
  square,
  tableChecksum,
} from './engine-fixtures';

const db = useTestDatabase();

/** A new county far from the seeded district: one district, street and village, 0.01° wide. */
const AT = { lng: 100.5, lat: 30.5 };
const DISTRICT = '370899000000';
const STREET = '370899001000';
const VILLAGE = '370899001001';
const GRID = `${VILLAGE}001`;
const area = square(AT.lng, AT.lat, 0.005);

type Rows = [Record<string, unknown>, Geometry | null][];

async function load(
  client: pg.PoolClient,
  collection: ImportCollection,
  rows: Rows,
  options: Partial<ImportOptions> = {},
) {
  return importLayer(client, importOf(collection, geojson(rows), options));
}

/** Loads the new county's admin areas and one grid covering the village. */
async function loadCounty(client: pg.PoolClient) {
  const areas = await load(client, 'admin-areas', [
    [{ 区划代码: VILLAGE, 名称: '测试村' }, area],
    [{ 区划代码: STREET, 名称: '测试镇', 级别: '镇' }, area],
    [
      { 区划代码: DISTRICT, 名称: '测试县' },
      { type: 'MultiPolygon', coordinates: [area.coordinates] },
    ],
  ]);
  const grids = await load(client, 'grids', [
    [{ 网格编号: GRID, 网格名称: '一网格', 类型: '村' }, area],
  ]);
  return { areas, grids };
}

const LAYERS: [ImportCollection, Rows, string, string][] = [
  [
    'members',
    [
      [
        {
          工号: 'T-M-1',
          姓名: '张三',
          角色: '网格长',
          手机号: '13800000000',
          所属网格: GRID,
          在岗: '是',
        },
        null,
      ],
    ],
    'grid_members',
    "id = 'T-M-1' AND role = 'leader' AND on_duty AND community_code = '370899001001'",
  ],
  [
    'cameras',
    [
      [
        {
          设备编号: 'T-C-1',
          点位名称: '村口',
          类型: '天网',
          状态: '在线',
          朝向: '90',
          视角: '60',
          范围: '150',
        },
        point([AT.lng, AT.lat]),
      ],
    ],
    'cameras',
    "code = 'T-C-1' AND kind = 'skynet' AND street_code = '370899001000' AND heading = 90",
  ],
  [
    'buildings',
    [[{ 楼栋名称: '1号楼', 层数: '6', 户数: '24', 人口: '60' }, square(AT.lng, AT.lat, 0.0001)]],
    'buildings',
    "grid_code = '370899001001001' AND floors = 6 AND code LIKE 'BLD-%'",
  ],
  [
    'roads',
    [
      [
        { 路名: '村道', 道路等级: '支路' },
        {
          type: 'LineString',
          coordinates: [
            [AT.lng - 0.001, AT.lat],
            [AT.lng + 0.001, AT.lat],
          ],
        },
      ],
    ],
    'roads',
    "class = 'street' AND street_code = '370899001000'",
  ],
  [
    'water',
    [[{ 名称: '村塘', 类型: '池塘' }, square(AT.lng + 0.002, AT.lat, 0.0002)]],
    'water_areas',
    "kind = 'lake' AND name = '村塘'",
  ],
];

describe('a county loaded layer by layer in one transaction', () => {
  it("loads admin areas then grids, deriving levels, parents, kinds and the grid's street", async () => {
    await rolledBack(db().pool, async (client) => {
      const { areas, grids } = await loadCounty(client);
      expect([areas.status, grids.status]).toEqual(['succeeded', 'succeeded']);
      expect(areas.counts.inserted).toBe(3);
      const again = await loadCounty(client);
      expect([again.areas.counts.unchanged, again.grids.counts.unchanged]).toEqual([3, 1]);
      const { rows } = await client.query(
        `SELECT code, level, parent_code, kind FROM admin_areas WHERE code LIKE '370899%' ORDER BY code`,
      );
      expect(rows).toEqual([
        { code: DISTRICT, level: 'district', parent_code: null, kind: null },
        { code: STREET, level: 'street', parent_code: DISTRICT, kind: null },
        { code: VILLAGE, level: 'community', parent_code: STREET, kind: 'village' },
      ]);
      expect(
        await countRows(client, 'grids', "code = $1 AND street_code = $2 AND kind = 'village'", [
          GRID,
          STREET,
        ]),
      ).toBe(1);
    });
  });

  it.each(LAYERS)(
    'imports %s with its references derived, and a re-import changes nothing',
    async (collection, rows, table, where) => {
      await rolledBack(db().pool, async (client) => {
        await loadCounty(client);
        const first = await load(client, collection, rows);
        expect(first.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(first.counts).toMatchObject({ read: 1, inserted: 1 });
        expect(await countRows(client, table, where)).toBe(1);
        const sum = await tableChecksum(client, table);
        const again = await load(client, collection, rows);
        expect(again.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
        expect(await tableChecksum(client, table)).toBe(sum);
      });
    },
  );

  it('gives a member exactly the grids the file lists', async () => {
    await rolledBack(db().pool, async (client) => {
      await loadCounty(client);
      const second = `${VILLAGE}002`;
      await load(client, 'grids', [
        [{ 网格编号: second, 网格名称: '二网格' }, square(AT.lng, AT.lat, 0.001)],
      ]);
      const member = (grids: string) =>
        [
          [
            { 工号: 'T-M-2', 姓名: '李四', 角色: '专职', 电话: '13900000000', 所属网格: grids },
            null,
          ],
        ] as Rows;
      await load(client, 'members', member(`${GRID}；${second}`));
      expect(await countRows(client, 'grid_member_grids', "member_id = 'T-M-2'")).toBe(2);
      const moved = await load(client, 'members', member(second));
      expect(moved.counts).toMatchObject({ updated: 1, unchanged: 0 });
      const { rows } = await client.query(
        "SELECT grid_code FROM grid_member_grids WHERE member_id = 'T-M-2'",
      );
      expect(rows).toEqual([{ grid_code: second }]);
    });
  });
});

describe('admin area and reference checks', () => {
  it('reports malformed codes, a level the code contradicts and unknown references', async () => {
    await rolledBack(db().pool, async (client) => {
      const areas = await load(client, 'admin-areas', [
        [{ code: '12345', name: '短' }, area],
        [{ code: '990101000000', name: '无此省' }, area],
        [{ code: '370899002000', name: '错级', level: 'community' }, area],
        [{ code: '370899003001', name: '无上级' }, area],
      ]);
      expect(areas.status).toBe('rejected');
      expect(areas.problems.map((p) => [p.index, p.code])).toEqual([
        [0, 'invalid_code'],
        [1, 'invalid_code'],
        [2, 'level_mismatch'],
        [2, 'unknown_parent'],
        [3, 'unknown_parent'],
      ]);
      const grids = await load(
        client,
        'grids',
        [[{ code: '370899009009001', name: '孤儿' }, area]],
        { allowOutside: true },
      );
      expect(grids.problems.map((p) => [p.severity, p.code])).toEqual([
        ['warning', 'outside_district'],
        ['error', 'unknown_community'],
      ]);
      const member = await load(client, 'members', [
        [{ id: 'T-M-3', name: '王五', role: '网格长', phone: '1380000', grids: '999' }, null],
      ]);
      expect(member.problems.map((p) => [p.field, p.code])).toEqual([['phone', 'invalid_value']]);
      expect(await countRows(client, 'admin_areas', "code LIKE '370899%'")).toBe(0);
    });
  });

  it("names a building's unknown grid, and one lying in no grid with its location", async () => {
    await rolledBack(db().pool, async (client) => {
      await loadCounty(client);
      const outcome = await load(
        client,
        'buildings',
        [
          [{ name: 'A', grid_code: '370899001001999' }, square(AT.lng, AT.lat, 0.0001)],
          [{ name: 'B' }, square(AT.lng + 0.02, AT.lat, 0.0001)],
        ],
        { allowOutside: true },
      );
      const errors = outcome.problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => [p.index, p.field, p.code])).toEqual([
        [0, 'grid_code', 'unknown_grid'],
        [1, 'geometry', 'no_grid'],
      ]);
      expect(errors[1]!.message).toContain('100.520000, 30.500000');
      expect(await countRows(client, 'buildings', "name IN ('A', 'B')")).toBe(0);
    });
  });

  it('rejects an invalid geometry with its reason, and repairs it when asked (a warning)', async () => {
    const bowTie: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [AT.lng, AT.lat],
          [AT.lng + 0.01, AT.lat + 0.01],
          [AT.lng + 0.01, AT.lat],
          [AT.lng, AT.lat + 0.01],
          [AT.lng, AT.lat],
        ],
      ],
    };
    await rolledBack(db().pool, async (client) => {
      const rows: Rows = [[{ code: DISTRICT, name: '测试县' }, bowTie]];
      const refused = await load(client, 'admin-areas', rows);
      expect(refused.problems[0]).toMatchObject({ code: 'invalid_geometry', severity: 'error' });
      expect(refused.problems[0]!.message).toMatch(/Self-intersection/);
      const repaired = await load(client, 'admin-areas', rows, { repair: true });
      expect(repaired.status).toBe('succeeded');
      expect(repaired.problems[0]).toMatchObject({
        code: 'repaired_geometry',
        severity: 'warning',
      });
      expect(
        await countRows(client, 'admin_areas', 'code = $1 AND ST_IsValid(geom)', [DISTRICT]),
      ).toBe(1);
    });
  });
});

describe('replace', () => {
  it('deletes the rows of the layer the file lacks', async () => {
    await rolledBack(db().pool, async (client) => {
      const before = await countRows(client, 'water_areas');
      const district = await client.query<{ lng: number; lat: number }>(
        "SELECT ST_X(p) AS lng, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) p FROM admin_areas WHERE level = 'district' ORDER BY code LIMIT 1) q",
      );
      const { lng, lat } = district.rows[0]!;
      const lake = { 名称: '新湖', 类型: '湖' };
      const outcome = await load(client, 'water', [[lake, square(lng, lat, 0.0002)]], {
        replace: true,
      });
      expect(outcome.counts).toMatchObject({ inserted: 1, deleted: before });
      expect(await countRows(client, 'water_areas')).toBe(1);
    });
  });

  it('refuses, writing nothing, when other rows still refer to the rows it would delete', async () => {
    await rolledBack(db().pool, async (client) => {
      const before = await tableChecksum(client, 'grids');
      const [grid] = (
        await client.query<{ code: string }>('SELECT code FROM grids ORDER BY code LIMIT 1')
      ).rows;
      const geometry = await client.query<{ g: string }>(
        'SELECT ST_AsGeoJSON(geom) AS g FROM grids WHERE code = $1',
        [grid!.code],
      );
      const outcome = await load(
        client,
        'grids',
        [[{ code: grid!.code, name: '唯一' }, JSON.parse(geometry.rows[0]!.g) as Geometry]],
        { replace: true },
      );
      expect(outcome.status).toBe('rejected');
      const refs = outcome.problems.filter((p) => p.code === 'still_referenced');
      expect(refs.map((p) => p.message).join(' ')).toMatch(/buildings/);
      expect(await tableChecksum(client, 'grids')).toBe(before);
    });
  });
});
