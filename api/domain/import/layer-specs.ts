import type { ImportCollection } from '../../contract/imports';
import { codeOf, count, field, flag, text, type LayerSpec } from './field-kinds';
import {
  ADMIN_LEVEL_WORDS,
  CAMERA_KIND_WORDS,
  CAMERA_STATUS_WORDS,
  COMMUNITY_KIND_WORDS,
  GRID_KIND_WORDS,
  MEMBER_ROLE_WORDS,
  ROAD_CLASS_WORDS,
  SERVICE_CATEGORY_WORDS,
  WATER_KIND_WORDS,
} from './value-aliases';

/**
 * Every importable layer: its table, key, geometry and fields with the usual Chinese and English
 * headers. Field names are the table's column names; `grids` of members is the list of assigned
 * grid codes (所属网格 "a;b;c").
 */

const CODE = ['编号', '代码', '编码', '标识码', 'id', 'bm', 'dm'];
const NAME = ['名称', '名字', 'mc', 'title'];
const KIND = ['类型', '类别', '种类', '分类', 'type', 'category'];
const HOUSEHOLDS = ['户数', '住户数', 'hh'];
const POPULATION = ['人口', '人口数', '人数', '常住人口', 'pop'];
const COMMUNITY = ['所属社区', '社区编码', '社区代码', '社区', 'community'];

const ADMIN_AREAS: LayerSpec = {
  table: 'admin_areas',
  key: 'code',
  derivedPrefix: null,
  geometry: 'MultiPolygon',
  fields: [
    field('code', text(), [...CODE, '行政区划代码', '区划代码'], { required: true }),
    field('name', text(), [...NAME, '区划名称'], { required: true }),
    field('level', codeOf(ADMIN_LEVEL_WORDS), ['级别', '层级', '行政级别']),
    field('parent_code', text(), ['上级', '上级编码', '上级代码', 'parent', '所属街道']),
    field('kind', codeOf(COMMUNITY_KIND_WORDS), [...KIND, '社区类型', '城乡类型']),
  ],
};

const GRIDS: LayerSpec = {
  table: 'grids',
  key: 'code',
  derivedPrefix: null,
  geometry: 'Polygon',
  fields: [
    field('code', text(), [...CODE, '网格编号', '网格编码', '网格代码'], { required: true }),
    field('name', text(), [...NAME, '网格名称'], { required: true }),
    field('community_code', text(), COMMUNITY),
    field('kind', codeOf(GRID_KIND_WORDS), [...KIND, '网格类型'], { fallback: 'residential' }),
    field('households', count, HOUSEHOLDS, { fallback: 0 }),
    field('population', count, POPULATION, { fallback: 0 }),
    field('shops', count, ['商户数', '店铺数', '商铺数'], { fallback: 0 }),
  ],
};

const MEMBERS: LayerSpec = {
  table: 'grid_members',
  key: 'id',
  derivedPrefix: null,
  geometry: null,
  fields: [
    field('id', text(), [...CODE, '工号', '人员编号', 'code', 'member_id'], { required: true }),
    field('name', text(), [...NAME, '姓名'], { required: true }),
    field('role', codeOf(MEMBER_ROLE_WORDS), ['角色', '职务', '岗位', '人员类型'], {
      required: true,
    }),
    field('phone', text(/^1[0-9]{10}$/), ['电话', '手机', '手机号', '联系电话', 'mobile', 'tel'], {
      required: true,
    }),
    field('community_code', text(), COMMUNITY),
    field('on_duty', flag, ['在岗', '是否在岗', 'duty'], { fallback: false }),
    field('grids', { type: 'list' }, ['所属网格', '负责网格', '网格编号', '网格', 'grid_codes']),
  ],
};

const CAMERAS: LayerSpec = {
  table: 'cameras',
  key: 'code',
  derivedPrefix: null,
  geometry: 'Point',
  fields: [
    field('code', text(), [...CODE, '设备编号', '点位编号', '国标编码'], { required: true }),
    field('name', text(), [...NAME, '点位名称', '监控点名称', '设备名称'], { required: true }),
    field('kind', codeOf(CAMERA_KIND_WORDS), [...KIND, '监控类型', '点位类型'], {
      required: true,
    }),
    field(
      'heading',
      { type: 'number', min: 0, max: 360, maxExclusive: true },
      ['朝向', '方向', '方位角', 'azimuth', 'direction'],
      { fallback: 0 },
    ),
    field(
      'fov',
      { type: 'number', min: 0, max: 360, minExclusive: true },
      ['视角', '视场角', 'angle'],
      {
        fallback: 90,
      },
    ),
    field(
      'range_m',
      { type: 'number', min: 0, max: 5000, minExclusive: true },
      ['范围', '可视距离', '距离', 'range'],
      { fallback: 100 },
    ),
    field('status', codeOf(CAMERA_STATUS_WORDS), ['状态', '在线状态'], { fallback: 'online' }),
    field('stream_url', text(/^(https?:\/\/|\/)/), ['视频地址', '视频流', '流地址', 'url', 'hls']),
  ],
};

const SERVICE_POINTS: LayerSpec = {
  table: 'service_points',
  key: 'code',
  derivedPrefix: 'SPX',
  geometry: 'Point',
  fields: [
    field('code', text(), [...CODE, '设施编号']),
    field('name', text(), [...NAME, '设施名称'], { required: true }),
    field('category', codeOf(SERVICE_CATEGORY_WORDS), [...KIND, '设施类型', '设施类别', 'kind'], {
      required: true,
    }),
    field('capacity', count, ['容量', '规模', '床位', '学位', '床位数']),
    field('opening_hours', text(), ['营业时间', '开放时间', 'hours'], { fallback: '' }),
  ],
};

const BUILDINGS: LayerSpec = {
  table: 'buildings',
  key: 'code',
  derivedPrefix: 'BLD',
  geometry: 'Polygon',
  fields: [
    field('code', text(), [...CODE, '楼栋编号', '楼栋编码']),
    field('name', text(), [...NAME, '楼栋名称', '楼号', '楼栋'], { fallback: '' }),
    field('floors', { type: 'integer', min: 1, max: 200 }, ['楼层', '层数', '楼层数', 'levels'], {
      fallback: 1,
    }),
    field('households', count, HOUSEHOLDS, { fallback: 0 }),
    field('population', count, POPULATION, { fallback: 0 }),
    field('grid_code', text(), ['网格编号', '所属网格', '网格编码', '网格', 'grid']),
  ],
};

const ROADS: LayerSpec = {
  table: 'roads',
  key: 'code',
  derivedPrefix: 'RD',
  geometry: 'LineString',
  fields: [
    field('code', text(), [...CODE, '道路编号']),
    field('name', text(), [...NAME, '道路名称', '路名'], { fallback: '' }),
    field(
      'class',
      codeOf(ROAD_CLASS_WORDS),
      ['道路等级', '等级', '道路类型', 'highway', 'road_class'],
      {
        required: true,
      },
    ),
    field('bridge', flag, ['桥梁', '是否桥梁', '桥'], { fallback: false }),
  ],
};

const WATER: LayerSpec = {
  table: 'water_areas',
  key: 'code',
  derivedPrefix: 'WTR',
  geometry: 'Polygon',
  fields: [
    field('code', text(), [...CODE, '水体编号']),
    field('name', text(), [...NAME, '水体名称'], { fallback: '' }),
    field('kind', codeOf(WATER_KIND_WORDS), [...KIND, '水体类型'], { required: true }),
  ],
};

/** The spec of each importable collection. */
export const LAYER_SPECS: Readonly<Record<ImportCollection, LayerSpec>> = {
  'admin-areas': ADMIN_AREAS,
  grids: GRIDS,
  members: MEMBERS,
  cameras: CAMERAS,
  'service-points': SERVICE_POINTS,
  buildings: BUILDINGS,
  roads: ROADS,
  water: WATER,
};
