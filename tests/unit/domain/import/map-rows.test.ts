import { describe, expect, it } from 'vitest';
import { resolveMapping } from '../../../../api/domain/import/header-mapping';
import { LAYER_SPECS } from '../../../../api/domain/import/layer-specs';
import { mapRows } from '../../../../api/domain/import/map-rows';

const spec = LAYER_SPECS.members;
const feature = (index: number, properties: Record<string, unknown>) => ({
  index,
  row: index + 2,
  properties,
  geometry: null,
});

describe('mapRows', () => {
  it('reads a CSV-shaped members row: roles, booleans and grid lists in Chinese', () => {
    const properties = {
      工号: 'M1',
      姓名: '张三',
      角色: '网格长',
      电话: '13800000000',
      所属网格: 'a，b',
      在岗: '否',
    };
    const { mapping } = resolveMapping(spec, Object.keys(properties));
    const { rows, problems } = mapRows(spec, mapping, [feature(0, properties)]);
    expect(problems).toEqual([]);
    expect(rows[0]!.values).toMatchObject({
      id: 'M1',
      role: 'leader',
      on_duty: false,
      grids: ['a', 'b'],
    });
  });

  it('locates each bad cell by index, CSV row and field', () => {
    const properties = { 工号: 'M2', 姓名: ' ', 角色: '组长', 电话: '110', 在岗: '也许' };
    const { mapping } = resolveMapping(spec, Object.keys(properties));
    const { problems } = mapRows(spec, mapping, [feature(3, properties)]);
    expect(problems.map((p) => [p.index, p.row, p.field, p.code])).toEqual([
      [3, 5, 'name', 'missing_field'],
      [3, 5, 'role', 'unknown_role'],
      [3, 5, 'phone', 'invalid_value'],
      [3, 5, 'on_duty', 'invalid_value'],
    ]);
  });

  it('fills blanks with the field fallback and leaves a missing column to the file-wide problem', () => {
    const { mapping } = resolveMapping(LAYER_SPECS.grids, ['code']);
    const { rows, problems } = mapRows(LAYER_SPECS.grids, mapping, [feature(0, { code: '1' })]);
    expect(problems).toEqual([]);
    expect(rows[0]!.values).toMatchObject({ kind: 'residential', households: 0, name: null });
  });
});
