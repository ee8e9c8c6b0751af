import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { UserRole } from '../../../api/contract/codes';
import type { TestServer } from '../../e2e/support/server';

/** What the drill knows of the seeded district, read through the API as any client would. */
export interface District {
  district: string;
  streets: string[];
  communities: string[];
  /** One point inside each grid, with the grid's community and street. */
  gridPoints: GridPoint[];
  /** `[west, south, east, north]` of the district (TileJSON `bounds`). */
  bounds: [number, number, number, number];
}

export interface GridPoint {
  grid: string;
  community: string;
  street: string;
  lng: number;
  lat: number;
}

/** A key the drill made through the admin API. */
export interface DrillKey {
  key: string;
  role: UserRole;
  scopes: string[];
}

/** GET with a bearer key; throws unless 200. */
export async function getJson<T>(server: TestServer, key: string, path: string): Promise<T> {
  const response = await fetch(new URL(path, server.url), {
    headers: { Authorization: `Bearer ${key}` },
  });
  if (response.status !== 200) {
    throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** Admin areas, grids and bounds, through the OGC API and TileJSON with the admin key. */
export async function readDistrict(server: TestServer): Promise<District> {
  const key = server.adminKey;
  const areas = await getJson<FeatureCollection<Geometry, { code: string; level: string }>>(
    server,
    key,
    'ogc/collections/admin-areas/items?limit=10000',
  );
  const level = (name: string) =>
    areas.features.filter((f) => f.properties.level === name).map((f) => f.properties.code);
  const grids = await getJson<
    FeatureCollection<Geometry, { code: string; community_code: string; street_code: string }>
  >(server, key, 'ogc/collections/grids/items?limit=10000');
  const tileJson = await getJson<{ bounds: District['bounds'] }>(
    server,
    key,
    'tiles/admin-areas.json',
  );
  const [district] = level('district');
  if (!district || grids.features.length === 0) throw new Error('the seeded district is empty');
  return {
    district,
    streets: level('street'),
    communities: level('community'),
    gridPoints: grids.features.map(gridPoint),
    bounds: tileJson.bounds,
  };
}

function gridPoint(
  feature: Feature<Geometry, { code: string; community_code: string; street_code: string }>,
): GridPoint {
  const [lng, lat] = pointOnFeature(feature).geometry.coordinates as [number, number];
  const { code, community_code, street_code } = feature.properties;
  return { grid: code, community: community_code, street: street_code, lng, lat };
}

/** Creates a key through `POST /api/v1/api-keys` with the bootstrap admin key. */
export async function createKey(
  server: TestServer,
  name: string,
  role: UserRole,
  scopes: string[],
): Promise<DrillKey> {
  const response = await fetch(new URL('api/v1/api-keys', server.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.adminKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, role, scopes }),
  });
  if (response.status !== 201) {
    throw new Error(`creating key ${name}: ${response.status} ${await response.text()}`);
  }
  const { key } = (await response.json()) as { key: string };
  return { key, role, scopes };
}

/**
 * Keys for reporters (roles that may report, scopes from district to community), for stream
 * subscribers (roles that may read the stream, the same spread of scopes plus a pair of
 * communities) and for tile readers.
 */
export async function createDrillKeys(server: TestServer, district: District) {
  const { streets, communities } = district;
  const at = (list: string[], i: number) => list[i % list.length]!;
  const make = (name: string, role: UserRole, scopes: string[]) =>
    createKey(server, `drill-load ${name}`, role, scopes);
  const reporters = await Promise.all([
    make('reporter operator district', 'operator', [district.district]),
    make('reporter commander street', 'commander', [at(streets, 0)]),
    make('reporter member community', 'grid_member', [at(communities, 0)]),
    make('reporter consumer community', 'api_consumer', [at(communities, 1)]),
    make('reporter member community', 'grid_member', [at(communities, 2)]),
  ]);
  const readers = await Promise.all([
    make('reader display district', 'display', [district.district]),
    ...streets.map((street) => make('reader operator street', 'operator', [street])),
    ...communities.map((c) => make('reader member community', 'grid_member', [c])),
    make('reader commander communities', 'commander', [at(communities, 0), at(communities, 1)]),
    make('reader admin district', 'admin', [district.district]),
  ]);
  const tiles = await Promise.all([
    make('tiles display district', 'display', [district.district]),
    make('tiles operator community', 'operator', [at(communities, 1)]),
  ]);
  return { reporters, readers, tiles };
}

/**
 * The drill's baseline: the head of the event log when the run begins, as the stream announces
 * it to a district-wide admin (`: connected at N`). Subscribers all start from it with
 * `Last-Event-ID`, so each one's expected events are exactly those after it.
 */
export async function probeBaseline(server: TestServer): Promise<number> {
  const controller = new AbortController();
  const response = await fetch(new URL('api/v1/stream', server.url), {
    headers: { Authorization: `Bearer ${server.adminKey}`, Accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body) {
    throw new Error(`baseline stream: ${response.status} ${await response.text()}`);
  }
  const decoder = new TextDecoder();
  let text = '';
  try {
    for await (const chunk of response.body) {
      text += decoder.decode(chunk as Uint8Array, { stream: true });
      const found = /: connected at (\d+)/.exec(text);
      if (found) return Number(found[1]);
    }
  } finally {
    controller.abort();
  }
  throw new Error(`the stream never said where it starts: ${text.slice(0, 200)}`);
}
