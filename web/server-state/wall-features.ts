import { pointOnFeature } from '@turf/turf';
import type { z } from 'zod';
import {
  CameraPropertiesSchema,
  type CollectionId,
  featureSchema,
  GridPropertiesSchema,
  IncidentPropertiesSchema,
  ITEM_CONTRACTS,
  MemberPropertiesSchema,
  PositionSchema,
  ServicePointPropertiesSchema,
} from '../../api/contract/items';
import type {
  CameraPoint,
  GridArea,
  IncidentPoint,
  Member,
  ServicePoint,
} from '../domain/wall-data';

/**
 * How the wall reads one collection: the properties it asks for (`?properties=`) and a reader
 * that parses each feature with the item contract's schema and converts it to a wall record.
 */
export interface WallItemReader<T> {
  collection: CollectionId;
  /** The `properties` query parameter: the picked schema's keys. */
  properties: string;
  /** Parses one feature and converts it; throws when it does not match the contract. */
  read: (feature: unknown) => T;
}

/**
 * A reader for features of `schema` (a `.pick()` of the contract, built once, not per feature).
 * A feature that does not parse throws, so the query fails and the wall shows its error state
 * instead of drawing zeros.
 */
function itemReader<S extends z.ZodObject<{ properties: z.ZodObject }>, T>(
  collection: CollectionId,
  schema: S,
  convert: (item: z.output<S>) => T,
): WallItemReader<T> {
  return {
    collection,
    properties: Object.keys(schema.shape.properties.shape).join(','),
    read: (feature) => {
      const parsed = schema.safeParse(feature);
      if (parsed.success) return convert(parsed.data);
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.')}: ${issue.message}` : parsed.error.message;
      throw new TypeError(`${collection} item does not match its contract (${where})`);
    },
  };
}

const GridItemSchema = featureSchema(
  ITEM_CONTRACTS.grids,
  GridPropertiesSchema.pick({
    code: true,
    name: true,
    community_code: true,
    street_code: true,
    kind: true,
    households: true,
    population: true,
    leader_id: true,
  }),
);

const CameraItemSchema = featureSchema(
  ITEM_CONTRACTS.cameras,
  CameraPropertiesSchema.pick({
    code: true,
    name: true,
    kind: true,
    status: true,
    street_code: true,
    community_code: true,
    heading: true,
    fov: true,
    range_m: true,
    stream_url: true,
  }),
);

const ServicePointItemSchema = featureSchema(
  ITEM_CONTRACTS['service-points'],
  ServicePointPropertiesSchema.pick({
    code: true,
    name: true,
    category: true,
    street_code: true,
    community_code: true,
    capacity: true,
  }),
);

const MemberItemSchema = featureSchema(
  ITEM_CONTRACTS.members,
  MemberPropertiesSchema.pick({
    id: true,
    name: true,
    role: true,
    street_code: true,
    community_code: true,
    on_duty: true,
    position_at: true,
    grid_codes: true,
  }),
);

const IncidentItemSchema = featureSchema(
  ITEM_CONTRACTS.incidents,
  IncidentPropertiesSchema.pick({
    code: true,
    category: true,
    severity: true,
    status: true,
    grid_code: true,
    community_code: true,
    street_code: true,
    reported_at: true,
    accept_deadline: true,
    resolve_deadline: true,
    closed_at: true,
    overdue: true,
  }),
);

const epochOrNull = (instant: string | null) => (instant === null ? null : Date.parse(instant));

/** Management grids with their polygons and a point inside each for its label. */
export const GRID_ITEMS = itemReader(
  'grids',
  GridItemSchema,
  ({ geometry, properties: p }): GridArea => {
    const label = pointOnFeature({ type: 'Feature', geometry, properties: {} }).geometry;
    return {
      code: p.code,
      name: p.name,
      communityCode: p.community_code,
      streetCode: p.street_code,
      kind: p.kind,
      households: p.households,
      population: p.population,
      leaderId: p.leader_id,
      geometry,
      labelAt: PositionSchema.parse(label.coordinates),
    };
  },
);

/** Camera points with their view. */
export const CAMERA_ITEMS = itemReader(
  'cameras',
  CameraItemSchema,
  ({ geometry, properties: p }): CameraPoint => {
    const [lng, lat] = geometry.coordinates;
    return {
      code: p.code,
      name: p.name,
      kind: p.kind,
      status: p.status,
      streetCode: p.street_code,
      communityCode: p.community_code,
      lng,
      lat,
      heading: p.heading,
      fov: p.fov,
      rangeM: p.range_m,
      streamUrl: p.stream_url,
    };
  },
);

/** Life-circle service points. */
export const SERVICE_POINT_ITEMS = itemReader(
  'service-points',
  ServicePointItemSchema,
  ({ geometry, properties: p }): ServicePoint => {
    const [lng, lat] = geometry.coordinates;
    return {
      code: p.code,
      name: p.name,
      category: p.category,
      streetCode: p.street_code,
      communityCode: p.community_code,
      capacity: p.capacity,
      lng,
      lat,
    };
  },
);

/** Members, with a position when they ever reported one. */
export const MEMBER_ITEMS = itemReader(
  'members',
  MemberItemSchema,
  ({ geometry, properties: p }): Member => {
    const [lng, lat] = geometry ? geometry.coordinates : [null, null];
    return {
      id: p.id,
      name: p.name,
      role: p.role,
      streetCode: p.street_code,
      communityCode: p.community_code,
      onDuty: p.on_duty,
      gridCodes: p.grid_codes,
      positionAt: epochOrNull(p.position_at),
      lng,
      lat,
    };
  },
);

/** Incidents: enough for the map, the feed and the charts. */
export const INCIDENT_ITEMS = itemReader(
  'incidents',
  IncidentItemSchema,
  ({ geometry, properties: p }): IncidentPoint => {
    const [lng, lat] = geometry.coordinates;
    return {
      code: p.code,
      category: p.category,
      severity: p.severity,
      status: p.status,
      gridCode: p.grid_code,
      communityCode: p.community_code,
      streetCode: p.street_code,
      lng,
      lat,
      reportedAt: Date.parse(p.reported_at),
      acceptDeadline: Date.parse(p.accept_deadline),
      resolveDeadline: Date.parse(p.resolve_deadline),
      closedAt: epochOrNull(p.closed_at),
      overdue: p.overdue,
    };
  },
);
