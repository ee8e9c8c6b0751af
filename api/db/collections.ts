import {
  ADMIN_LEVELS,
  CAMERA_KINDS,
  CAMERA_STATUSES,
  COMMUNITY_KINDS,
  ESCALATION_LEVELS,
  GRID_KINDS,
  INCIDENT_CATEGORIES,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  MEMBER_ROLES,
  ROAD_CLASSES,
  SERVICE_CATEGORIES,
  SEVERITIES,
} from '../contract/codes';
import type { Permission } from '../domain/permissions';

/** The layers every read surface (OGC API Features, vector tiles, styles) serves. */
export const COLLECTION_IDS = [
  'admin-areas',
  'grids',
  'members',
  'cameras',
  'service-points',
  'buildings',
  'roads',
  'incidents',
] as const;
export type CollectionId = (typeof COLLECTION_IDS)[number];

/** A property's type as JSON Schema and CQL2 see it. */
export type PropertyType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime';

export interface CollectionProperty {
  /** The name on the wire; equal to the column name unless `sql` says otherwise. */
  name: string;
  type: PropertyType;
  /** Chinese title first, then English (queryables and TileJSON show it). */
  title: string;
  /** SQL expression over the table (alias `t`); defaults to `t.<name>`. */
  sql?: string;
  /** Allowed values, when the database restricts them. */
  enum?: readonly string[];
  /** Offered as a plain `?name=value` filter on items (the main attributes). */
  filter?: boolean;
  /** Left out of vector tiles (long free text, lists MVT has no type for). */
  notInTiles?: boolean;
  /** A list of values of `type` (JSON array); needs `sql` and `notInTiles`. */
  list?: boolean;
}

export interface Collection {
  id: CollectionId;
  /** The table: its name and its `geom` column are part of the interface (DESIGN §3). */
  table: string;
  title: string;
  description: string;
  geometryType: 'Point' | 'LineString' | 'Polygon' | 'MultiPolygon';
  /** Column whose value is the feature id in URLs and GeoJSON `id`. */
  idColumn: string;
  idType: 'string' | 'integer';
  /** Unique, indexed column that orders items for keyset paging (new rows sort last). */
  keyColumn: string;
  keyType: 'string' | 'integer';
  /** The column `datetime` filters on, for collections with time. */
  temporalColumn?: string;
  /** Live collections change by the minute: short cache lifetimes for their tiles. */
  live: boolean;
  /** A permission needed beyond `layers:read` (incidents are for roles that handle them). */
  extraPermission?: Permission;
  /** Lowest zoom at which tiles carry features (smaller zooms would be one grey smear). */
  minZoom: number;
  properties: readonly CollectionProperty[];
}

const str = (name: string, title: string, extra: Partial<CollectionProperty> = {}) =>
  ({ name, type: 'string', title, ...extra }) as const satisfies CollectionProperty;
const int = (name: string, title: string, extra: Partial<CollectionProperty> = {}) =>
  ({ name, type: 'integer', title, ...extra }) as const satisfies CollectionProperty;
const num = (name: string, title: string) =>
  ({ name, type: 'number', title }) as const satisfies CollectionProperty;
const codeList = (name: string, title: string, values: readonly string[]) =>
  str(name, title, { enum: values, filter: true });

export const COLLECTIONS: Record<CollectionId, Collection> = {
  'admin-areas': {
    id: 'admin-areas',
    table: 'admin_areas',
    title: '行政区划 Admin areas',
    description: '区、街道、社区（村）边界。District, street and community boundaries.',
    geometryType: 'MultiPolygon',
    idColumn: 'code',
    idType: 'string',
    keyColumn: 'code',
    keyType: 'string',
    live: false,
    minZoom: 0,
    properties: [
      str('code', '代码 Code'),
      str('name', '名称 Name'),
      codeList('level', '层级 Level', ADMIN_LEVELS),
      str('parent_code', '上级代码 Parent code', { filter: true }),
      codeList('kind', '类型 Kind', COMMUNITY_KINDS),
    ],
  },
  grids: {
    id: 'grids',
    table: 'grids',
    title: '网格 Grids',
    description: '社区管理网格，含户数与人口。Management grids with households and population.',
    geometryType: 'Polygon',
    idColumn: 'code',
    idType: 'string',
    keyColumn: 'code',
    keyType: 'string',
    live: false,
    minZoom: 10,
    properties: [
      str('code', '网格编码 Grid code'),
      str('name', '名称 Name'),
      str('community_code', '社区代码 Community code', { filter: true }),
      str('street_code', '街道代码 Street code', { filter: true }),
      codeList('kind', '类型 Kind', GRID_KINDS),
      int('households', '户数 Households'),
      int('population', '人口 Population'),
      int('shops', '商户 Shops'),
      str('leader_id', '网格长 Leader'),
    ],
  },
  members: {
    id: 'members',
    table: 'grid_members',
    title: '网格员 Grid members',
    description:
      '网格员、负责网格及最近位置；联系电话按角色脱敏。Grid members, their assigned grids and last positions; contacts masked by role.',
    geometryType: 'Point',
    idColumn: 'id',
    idType: 'string',
    keyColumn: 'id',
    keyType: 'string',
    temporalColumn: 'position_at',
    live: true,
    minZoom: 10,
    properties: [
      str('id', '编号 ID'),
      str('name', '姓名 Name'),
      codeList('role', '角色 Role', MEMBER_ROLES),
      str('phone', '联系电话 Phone', { sql: 'member_contact(t.id)', notInTiles: true }),
      str('street_code', '街道代码 Street code', { filter: true }),
      str('community_code', '社区代码 Community code', { filter: true }),
      { name: 'on_duty', type: 'boolean', title: '在岗 On duty', filter: true },
      { name: 'position_at', type: 'datetime', title: '定位时间 Position time' },
      {
        name: 'grid_codes',
        type: 'string',
        list: true,
        title: '负责网格 Assigned grids',
        sql: 'ARRAY(SELECT mg.grid_code FROM grid_member_grids mg WHERE mg.member_id = t.id ORDER BY mg.grid_code)',
        notInTiles: true,
      },
    ],
  },
  cameras: {
    id: 'cameras',
    table: 'cameras',
    title: '视频监控 Cameras',
    description: '摄像机点位、朝向与视场。Camera points with heading and field of view.',
    geometryType: 'Point',
    idColumn: 'code',
    idType: 'string',
    keyColumn: 'code',
    keyType: 'string',
    live: false,
    minZoom: 10,
    properties: [
      str('code', '编号 Code'),
      str('name', '名称 Name'),
      codeList('kind', '类型 Kind', CAMERA_KINDS),
      str('street_code', '街道代码 Street code', { filter: true }),
      str('community_code', '社区代码 Community code', { filter: true }),
      num('heading', '朝向（度）Heading (°)'),
      num('fov', '视场角（度）Field of view (°)'),
      num('range_m', '可视距离（米）Range (m)'),
      codeList('status', '状态 Status', CAMERA_STATUSES),
      str('stream_url', '视频流 Stream URL', { notInTiles: true }),
    ],
  },
  'service-points': {
    id: 'service-points',
    table: 'service_points',
    title: '15分钟生活圈服务点 Service points',
    description: '15分钟社区生活圈的公共服务设施。Facilities of the 15-minute life circle.',
    geometryType: 'Point',
    idColumn: 'code',
    idType: 'string',
    keyColumn: 'code',
    keyType: 'string',
    live: false,
    minZoom: 10,
    properties: [
      str('code', '编号 Code'),
      str('name', '名称 Name'),
      codeList('category', '类别 Category', SERVICE_CATEGORIES),
      str('street_code', '街道代码 Street code', { filter: true }),
      str('community_code', '社区代码 Community code', { filter: true }),
      int('capacity', '容量 Capacity'),
      str('opening_hours', '开放时间 Opening hours', { notInTiles: true }),
    ],
  },
  buildings: {
    id: 'buildings',
    table: 'buildings',
    title: '建筑 Buildings',
    description:
      '建筑轮廓及户数、人口（覆盖分析的需求侧）。Footprints with households and population.',
    geometryType: 'Polygon',
    idColumn: 'id',
    idType: 'integer',
    keyColumn: 'id',
    keyType: 'integer',
    live: false,
    minZoom: 13,
    properties: [
      int('id', '编号 ID'),
      str('name', '名称 Name'),
      str('grid_code', '网格编码 Grid code', { filter: true }),
      str('street_code', '街道代码 Street code', { filter: true }),
      int('floors', '层数 Floors'),
      int('households', '户数 Households'),
      int('population', '人口 Population'),
    ],
  },
  roads: {
    id: 'roads',
    table: 'roads',
    title: '道路 Roads',
    description: '道路中心线及等级（步行网络的来源）。Road centre lines by class.',
    geometryType: 'LineString',
    idColumn: 'id',
    idType: 'integer',
    keyColumn: 'id',
    keyType: 'integer',
    live: false,
    minZoom: 10,
    properties: [
      int('id', '编号 ID'),
      str('name', '名称 Name'),
      codeList('class', '等级 Class', ROAD_CLASSES),
      { name: 'bridge', type: 'boolean', title: '桥梁 Bridge', filter: true },
      str('street_code', '街道代码 Street code', { filter: true }),
    ],
  },
  incidents: {
    id: 'incidents',
    table: 'incidents',
    title: '事件 Incidents',
    description: '网格事件及其处置状态。Incidents reported in the grids and their handling status.',
    geometryType: 'Point',
    idColumn: 'code',
    idType: 'string',
    keyColumn: 'id',
    keyType: 'integer',
    temporalColumn: 'reported_at',
    extraPermission: 'incidents:read',
    live: true,
    minZoom: 10,
    properties: [
      str('code', '编号 Code'),
      codeList('category', '类别 Category', INCIDENT_CATEGORIES),
      codeList('source', '来源 Source', INCIDENT_SOURCES),
      codeList('severity', '等级 Severity', SEVERITIES),
      codeList('status', '状态 Status', INCIDENT_STATUSES),
      codeList('escalation_level', '处置层级 Escalation level', ESCALATION_LEVELS),
      str('description', '描述 Description', { notInTiles: true }),
      str('address', '地址 Address', { notInTiles: true }),
      str('grid_code', '网格编码 Grid code', { filter: true }),
      str('community_code', '社区代码 Community code', { filter: true }),
      str('street_code', '街道代码 Street code', { filter: true }),
      str('assignee_id', '处置人 Assignee'),
      { name: 'reported_at', type: 'datetime', title: '上报时间 Reported at' },
      { name: 'accept_deadline', type: 'datetime', title: '受理时限 Accept deadline' },
      { name: 'resolve_deadline', type: 'datetime', title: '办结时限 Resolve deadline' },
      { name: 'closed_at', type: 'datetime', title: '结案时间 Closed at' },
      { name: 'overdue', type: 'boolean', title: '超时 Overdue', filter: true },
      int('version', '版本 Version'),
    ],
  },
};

/** The collection with this id, or undefined for an unknown id. */
export function findCollection(id: string): Collection | undefined {
  return (COLLECTION_IDS as readonly string[]).includes(id)
    ? COLLECTIONS[id as CollectionId]
    : undefined;
}

/** The SQL expression that reads a property (over table alias `t`). */
export function propertySql(property: CollectionProperty): string {
  return property.sql ?? `t.${property.name}`;
}
