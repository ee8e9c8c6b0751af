import {
  COLLECTION_IDS,
  type CollectionId,
  describeItemProperties,
  ITEM_CONTRACTS,
  type ItemPropertyInfo,
  type ItemPropertyName,
  type ItemPropertyType,
} from '../contract/items';
import { SEVERITIES } from '../contract/codes';
import { OPEN_STATUSES } from '../contract/statuses';
import type { Permission } from '../domain/permissions';

export { COLLECTION_IDS, type CollectionId };

/** A property's type as JSON Schema and CQL2 see it. */
export type PropertyType = ItemPropertyType;

/** How the database serves one item property (its name, type and title come from the contract). */
export interface PropertyStorage {
  /** SQL expression over the table (alias `t`); defaults to `t.<name>`. */
  sql?: string;
  /** Offered as a plain `?name=value` filter on items (the main attributes). */
  filter?: boolean;
  /** Left out of vector tiles (long free text, lists MVT has no type for). */
  notInTiles?: boolean;
}

/** One property of a collection: the contract's description plus how the database serves it. */
export type CollectionProperty = ItemPropertyInfo & PropertyStorage;

export interface Collection {
  id: CollectionId;
  /** The table: its name and its `geom` column are part of the interface (DESIGN §3). */
  table: string;
  title: string;
  description: string;
  geometryType: 'Point' | 'LineString' | 'Polygon' | 'MultiPolygon';
  /** Items may have no geometry (a member who never reported a position). */
  geometryNullable: boolean;
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
  /**
   * For point layers thinned at low zoom: which point of a cell represents it (ascending SQL
   * over `t`); the key decides when unset.
   */
  tileClusterRank?: string;
  properties: readonly CollectionProperty[];
}

/** What the database says of a collection; the contract (api/contract/items) says the rest. */
type CollectionStorage<C extends CollectionId> = Omit<
  Collection,
  'id' | 'geometryType' | 'geometryNullable' | 'idType' | 'properties'
> & {
  /** Every property of the contract, by name: a missing or extra name does not compile. */
  properties: Record<ItemPropertyName<C>, PropertyStorage>;
};

/** A plain column. */
const COLUMN: PropertyStorage = {};
/** A plain column offered as a `?name=value` filter. */
const FILTER: PropertyStorage = { filter: true };

function defineCollection<C extends CollectionId>(
  id: C,
  storage: CollectionStorage<C>,
): Collection {
  const contract = ITEM_CONTRACTS[id];
  const properties = describeItemProperties(contract.properties).map((info) => ({
    ...info,
    ...storage.properties[info.name as ItemPropertyName<C>],
  }));
  return {
    ...storage,
    id,
    geometryType: contract.geometryType,
    geometryNullable: 'geometryNullable' in contract,
    idType: contract.idType,
    properties,
  };
}

const sqlList = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;

/** Open incidents first, the most severe first among them: what a wall must not lose. */
const INCIDENT_CLUSTER_RANK = `(CASE WHEN t.status::text = ANY(${sqlList(OPEN_STATUSES)}) THEN 0 ELSE 10 END
  - coalesce(array_position(${sqlList(SEVERITIES)}, t.severity::text), 0))`;

/** Long free text: served as items, left out of vector tiles. */
const NOT_IN_TILES: PropertyStorage = { notInTiles: true };

export const COLLECTIONS: Record<CollectionId, Collection> = {
  'admin-areas': defineCollection('admin-areas', {
    table: 'admin_areas',
    title: '行政区划 Admin areas',
    description: '区、街道、社区（村）边界。District, street and community boundaries.',
    idColumn: 'code',
    keyColumn: 'code',
    keyType: 'string',
    live: false,
    minZoom: 0,
    properties: { code: COLUMN, name: COLUMN, level: FILTER, parent_code: FILTER, kind: FILTER },
  }),
  grids: defineCollection('grids', {
    table: 'grids',
    title: '网格 Grids',
    description: '社区管理网格，含户数与人口。Management grids with households and population.',
    idColumn: 'code',
    keyColumn: 'code',
    keyType: 'string',
    live: false,
    // At zoom 10 a city's 20,000 grids are a 530 KB smear of 5-pixel cells.
    minZoom: 11,
    properties: {
      code: COLUMN,
      name: COLUMN,
      community_code: FILTER,
      street_code: FILTER,
      kind: FILTER,
      households: COLUMN,
      population: COLUMN,
      shops: COLUMN,
      leader_id: COLUMN,
    },
  }),
  members: defineCollection('members', {
    table: 'grid_members',
    title: '网格员 Grid members',
    description:
      '网格员、负责网格及最近位置；联系电话按角色脱敏。Grid members, their assigned grids and last positions; contacts masked by role.',
    idColumn: 'id',
    keyColumn: 'id',
    keyType: 'string',
    temporalColumn: 'position_at',
    live: true,
    minZoom: 10,
    properties: {
      id: COLUMN,
      name: COLUMN,
      role: FILTER,
      phone: { sql: 'member_contact(t.id)', notInTiles: true },
      street_code: FILTER,
      community_code: FILTER,
      on_duty: FILTER,
      position_at: COLUMN,
      grid_codes: {
        sql: 'ARRAY(SELECT mg.grid_code FROM grid_member_grids mg WHERE mg.member_id = t.id ORDER BY mg.grid_code)',
        notInTiles: true,
      },
    },
  }),
  cameras: defineCollection('cameras', {
    table: 'cameras',
    title: '视频监控 Cameras',
    description: '摄像机点位、朝向与视场。Camera points with heading and field of view.',
    idColumn: 'code',
    keyColumn: 'code',
    keyType: 'string',
    live: false,
    minZoom: 10,
    properties: {
      code: COLUMN,
      name: COLUMN,
      kind: FILTER,
      street_code: FILTER,
      community_code: FILTER,
      heading: COLUMN,
      fov: COLUMN,
      range_m: COLUMN,
      status: FILTER,
      stream_url: NOT_IN_TILES,
    },
  }),
  'service-points': defineCollection('service-points', {
    table: 'service_points',
    title: '15分钟生活圈服务点 Service points',
    description: '15分钟社区生活圈的公共服务设施。Facilities of the 15-minute life circle.',
    idColumn: 'code',
    keyColumn: 'code',
    keyType: 'string',
    live: false,
    minZoom: 10,
    properties: {
      code: COLUMN,
      name: COLUMN,
      category: FILTER,
      street_code: FILTER,
      community_code: FILTER,
      capacity: COLUMN,
      opening_hours: NOT_IN_TILES,
    },
  }),
  buildings: defineCollection('buildings', {
    table: 'buildings',
    title: '建筑 Buildings',
    description:
      '建筑轮廓及户数、人口（覆盖分析的需求侧）。Footprints with households and population.',
    idColumn: 'id',
    keyColumn: 'id',
    keyType: 'integer',
    live: false,
    minZoom: 13,
    properties: {
      id: COLUMN,
      name: COLUMN,
      grid_code: FILTER,
      street_code: FILTER,
      floors: COLUMN,
      households: COLUMN,
      population: COLUMN,
    },
  }),
  roads: defineCollection('roads', {
    table: 'roads',
    title: '道路 Roads',
    description: '道路中心线及等级（步行网络的来源）。Road centre lines by class.',
    idColumn: 'id',
    keyColumn: 'id',
    keyType: 'integer',
    live: false,
    // Below 12 a city's 350,000 road segments exceed 500 KB a tile; the basemap carries
    // the main roads at every zoom.
    minZoom: 12,
    properties: { id: COLUMN, name: COLUMN, class: FILTER, bridge: FILTER, street_code: FILTER },
  }),
  incidents: defineCollection('incidents', {
    table: 'incidents',
    title: '事件 Incidents',
    description: '网格事件及其处置状态。Incidents reported in the grids and their handling status.',
    idColumn: 'code',
    keyColumn: 'id',
    keyType: 'integer',
    temporalColumn: 'reported_at',
    extraPermission: 'incidents:read',
    live: true,
    minZoom: 10,
    tileClusterRank: INCIDENT_CLUSTER_RANK,
    properties: {
      code: COLUMN,
      category: FILTER,
      source: FILTER,
      severity: FILTER,
      status: FILTER,
      escalation_level: FILTER,
      description: NOT_IN_TILES,
      address: NOT_IN_TILES,
      grid_code: FILTER,
      community_code: FILTER,
      street_code: FILTER,
      assignee_id: COLUMN,
      reported_at: COLUMN,
      accept_deadline: COLUMN,
      resolve_deadline: COLUMN,
      closed_at: COLUMN,
      overdue: FILTER,
      version: COLUMN,
    },
  }),
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
