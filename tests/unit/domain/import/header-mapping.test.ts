import { describe, expect, it } from 'vitest';
import { resolveMapping } from '../../../../api/domain/import/header-mapping';
import { LAYER_SPECS } from '../../../../api/domain/import/layer-specs';

describe('resolveMapping', () => {
  it('recognises the usual Chinese and English headers without a mapping', () => {
    const { mapping, problems } = resolveMapping(LAYER_SPECS.cameras, [
      '设备编号',
      '点位名称',
      '类型',
      '朝向',
      'FOV',
      'Range_M',
      '在线状态',
      '视频地址',
      '备注',
    ]);
    expect(mapping).toEqual({
      设备编号: 'code',
      点位名称: 'name',
      类型: 'kind',
      朝向: 'heading',
      FOV: 'fov',
      Range_M: 'range_m',
      在线状态: 'status',
      视频地址: 'stream_url',
    });
    expect(problems).toEqual([]);
  });

  it('lets an explicit mapping win over a recognised header', () => {
    const { mapping } = resolveMapping(LAYER_SPECS['service-points'], ['名称', '简称', '类别'], {
      简称: 'name',
    });
    expect(mapping).toEqual({ 简称: 'name', 类别: 'category' });
  });

  it('reports a mapping to a field the layer lacks, with the nearest field', () => {
    const { problems } = resolveMapping(LAYER_SPECS.grids, ['编号', '名称'], { 户: 'houshold' });
    expect(problems).toMatchObject([
      { code: 'unknown_mapping', severity: 'error', suggestion: 'households' },
    ]);
  });

  it('reports a required field no column maps to, once for the file', () => {
    const { problems } = resolveMapping(LAYER_SPECS.members, ['姓名', '电话', '角色']);
    expect(problems).toMatchObject([{ index: null, field: 'id', code: 'missing_column' }]);
  });

  it('does not require a code where one is derived from the geometry', () => {
    expect(resolveMapping(LAYER_SPECS.buildings, ['层数']).problems).toEqual([]);
  });
});
