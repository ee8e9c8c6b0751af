import { area, booleanPointInPolygon, centroid } from '@turf/turf';
import type { MultiPolygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_CATEGORIES } from '../../../api/contract/codes';
import { generateDistrict, type DistrictPlan } from '../../../data/district/generate';
import type { TableName, TableRows } from '../../../data/district/rows';
import { createHash } from 'node:crypto';
import { DEFAULT_SEED } from '../../../api/config';
import { numbersIn, readmeDistrictTable } from './readme-figures';
import { NOW, everyNth, feature, groupBy, hashPlan, roadComponents } from './district-fixtures';

/** District rows kept in memory; incident events are only counted while streaming. */
type Kept = { [T in Exclude<TableName, 'incident_events'>]: TableRows[T][] };

let plan: DistrictPlan;
let rows: Kept;
let eventCount = 0;
let lateEvents = 0;
let firstHash = '';

beforeAll(() => {
  plan = generateDistrict({ seed: DEFAULT_SEED, scale: 'district', now: NOW });
  const kept: Record<string, unknown[]> = {};
  const hash = createHash('sha256');
  for (const batch of plan.batches()) {
    hash.update(JSON.stringify(batch));
    if (batch.table === 'incident_events') {
      eventCount += batch.rows.length;
      lateEvents += batch.rows.filter((e) => Date.parse(e.at) > NOW.getTime()).length;
    } else (kept[batch.table] ??= []).push(...batch.rows);
  }
  rows = kept as Kept;
  firstHash = hash.digest('hex');
}, 180_000);

const sum = <T>(list: readonly T[], value: (row: T) => number) =>
  list.reduce((s, r) => s + value(r), 0);

describe('district-scale demo district: admin areas and demand', () => {
  it('has five streets, 60–100 communities and villages, 1,900–2,050 grids', () => {
    const levels = groupBy(rows.admin_areas, (a) => a.level);
    expect(levels.get('street')).toHaveLength(5);
    expect(levels.get('street')?.map((s) => s.name)).toContain('洸河街道');
    const communities = levels.get('community') ?? [];
    expect(communities.length).toBeGreaterThanOrEqual(60);
    expect(communities.length).toBeLessThanOrEqual(100);
    expect(communities.some((c) => c.kind === 'village')).toBe(true);
    expect(rows.grids.length).toBeGreaterThanOrEqual(1900);
    expect(rows.grids.length).toBeLessThanOrEqual(2050);
  });

  it('has about 300,000 residents, ~154 per grid, fewer in village grids', () => {
    const people = sum(rows.grids, (g) => g.population);
    expect(people).toBeGreaterThan(280_000);
    expect(people).toBeLessThan(320_000);
    const mean = (kind: string) => {
      const grids = rows.grids.filter((g) => g.kind === kind);
      return sum(grids, (g) => g.population) / grids.length;
    };
    expect(mean('village')).toBeLessThan(mean('residential'));
  });

  it('has about 118 shop grids holding about 5,300 shops', () => {
    const shopGrids = rows.grids.filter((g) => g.kind === 'shop');
    expect(shopGrids.length).toBeGreaterThanOrEqual(110);
    expect(shopGrids.length).toBeLessThanOrEqual(125);
    const shops = sum(shopGrids, (g) => g.shops);
    expect(shops).toBeGreaterThan(4800);
    expect(shops).toBeLessThan(5800);
  });

  it('tiles every community exactly with its grids', () => {
    const communities = new Map(rows.admin_areas.map((a) => [a.code, a.geom]));
    for (const [code, grids] of groupBy(rows.grids, (g) => g.community_code)) {
      const whole = area(feature(communities.get(code) as MultiPolygon));
      const parts = sum(grids, (g) => area(feature(g.geom)));
      expect(Math.abs(parts - whole) / whole).toBeLessThan(1e-9);
    }
  });

  it('puts buildings inside their grids with matching totals', () => {
    const grids = new Map(rows.grids.map((g) => [g.code, g]));
    for (const [code, buildings] of groupBy(rows.buildings, (b) => b.grid_code)) {
      expect(sum(buildings, (b) => b.households)).toBe(grids.get(code)?.households);
    }
    for (const b of everyNth(rows.buildings, 10)) {
      const grid = grids.get(b.grid_code);
      expect(booleanPointInPolygon(centroid(feature(b.geom)), feature(grid?.geom ?? b.geom))).toBe(
        true,
      );
    }
  });
}, 60_000);

describe('district-scale demo district: staff, cameras and services', () => {
  it('has about 2,700 grid members and one leader per grid', () => {
    expect(rows.grid_members.length).toBeGreaterThan(2500);
    expect(rows.grid_members.length).toBeLessThan(2900);
    const leaders = new Set(rows.grid_members.filter((m) => m.role === 'leader').map((m) => m.id));
    const byGrid = groupBy(rows.grid_member_grids, (a) => a.grid_code);
    for (const g of rows.grids) {
      const own = (byGrid.get(g.code) ?? []).filter((a) => leaders.has(a.member_id));
      expect(own.map((a) => a.member_id)).toEqual([g.leader_id]);
    }
  });

  it('has the district camera inventory with unique codes, mostly online', () => {
    const kinds = groupBy(rows.cameras, (c) => c.kind);
    expect(kinds.get('skynet')).toHaveLength(3462);
    expect((kinds.get('e_police')?.length ?? 0) + (kinds.get('checkpoint')?.length ?? 0)).toBe(
      1511,
    );
    expect(kinds.get('parking')).toHaveLength(1378);
    expect(kinds.get('high_point')?.length).toBeGreaterThanOrEqual(20);
    expect(kinds.get('community')?.length).toBeGreaterThan(0);
    expect(new Set(rows.cameras.map((c) => c.code)).size).toBe(rows.cameras.length);
    const online = rows.cameras.filter((c) => c.status === 'online').length / rows.cameras.length;
    expect(online).toBeGreaterThan(0.85);
    expect(online).toBeLessThan(0.95);
  });

  it('has at least 1,000 service points in all categories, thin in some villages', () => {
    expect(rows.service_points.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(rows.service_points.map((s) => s.category))).toEqual(
      new Set(SERVICE_CATEGORIES),
    );
    const perCommunity = groupBy(rows.service_points, (s) => s.community_code);
    const villages = rows.admin_areas.filter((a) => a.kind === 'village');
    const thin = villages.filter((v) => (perCommunity.get(v.code)?.length ?? 0) <= 3);
    expect(thin.length).toBeGreaterThan(0);
  });

  it('keeps every camera, service point, member position and a sample of incidents inside the district', () => {
    const district = feature(rows.admin_areas[0]?.geom as MultiPolygon);
    const points = [
      ...rows.cameras.map((c) => c.geom),
      ...rows.service_points.map((s) => s.geom),
      ...rows.grid_members.flatMap((m) => (m.geom ? [m.geom] : [])),
      ...everyNth(rows.incidents, 5).map((i) => i.geom),
    ];
    expect(points.every((p) => booleanPointInPolygon(p, district))).toBe(true);
  });

  it('has one connected walking network with three or four bridges', () => {
    const bridges = rows.roads.filter((r) => r.bridge).length;
    expect(bridges).toBeGreaterThanOrEqual(3);
    expect(bridges).toBeLessThanOrEqual(4);
    expect(roadComponents(rows.roads.map((r) => r.geom.coordinates))).toBe(1);
  });
}, 60_000);

describe('district-scale demo district: incident history', () => {
  it('has at least 20,000 incidents with unique codes, each inside its grid', () => {
    expect(rows.incidents.length).toBeGreaterThanOrEqual(20_000);
    expect(new Set(rows.incidents.map((i) => i.code)).size).toBe(rows.incidents.length);
    const grids = new Map(rows.grids.map((g) => [g.code, g]));
    for (const i of everyNth(rows.incidents, 20)) {
      const grid = grids.get(i.grid_code);
      expect(
        booleanPointInPolygon(i.geom, feature(grid?.geom ?? { type: 'Polygon', coordinates: [] })),
      ).toBe(true);
    }
  });

  it('follows a weekly rhythm: quieter Sundays than weekdays', () => {
    const days = groupBy(rows.incidents, (i) => i.code.slice(2, 10));
    const weekday = (key: string) =>
      new Date(`${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6)}T12:00:00Z`).getUTCDay();
    const full = [...days].slice(1, -1);
    const mean = (list: [string, unknown[]][]) => sum(list, ([, l]) => l.length) / list.length;
    const sundays = full.filter(([k]) => weekday(k) === 0);
    const midweek = full.filter(([k]) => [2, 3, 4].includes(weekday(k)));
    expect(mean(sundays)).toBeLessThan(mean(midweek));
  });

  it('mostly closes incidents, some overdue, some escalated', () => {
    const share = (test: (i: (typeof rows.incidents)[number]) => boolean) =>
      rows.incidents.filter(test).length / rows.incidents.length;
    expect(share((i) => i.status === 'closed')).toBeGreaterThan(0.85);
    expect(share((i) => i.overdue)).toBeGreaterThan(0.005);
    expect(share((i) => i.escalation_level !== 'grid')).toBeGreaterThan(0.01);
  });

  it('streams several events per incident, none after now', () => {
    expect(eventCount).toBeGreaterThan(rows.incidents.length * 4);
    expect(lateEvents).toBe(0);
  });

  it('repeats byte-identically for the same inputs', () => {
    const again = generateDistrict({ seed: DEFAULT_SEED, scale: 'district', now: NOW });
    expect(again.estimate).toEqual(plan.estimate);
    expect(hashPlan(again)).toBe(firstHash);
  }, 180_000);
}, 60_000);

describe("the README's demo-district table", () => {
  const table = readmeDistrictTable();
  const cell = (layer: string) => {
    const row = table.get(layer);
    if (!row) throw new Error(`README: no row "${layer}" in the demo-district table`);
    return { rows: numbersIn(row.rows), notes: numbersIn(row.notes) };
  };
  const count = <T>(list: readonly T[], test: (row: T) => boolean) => list.filter(test).length;
  /** "~2,700": the README rounds; hold it to within 3 %. */
  const near = (written: number | undefined, made: number) =>
    expect(Math.abs((written ?? 0) - made) / made).toBeLessThan(0.03);

  it('gives the exact admin areas, grids, cameras, roads and IoT devices the seed makes', () => {
    const areas = rows.admin_areas;
    const communities = areas.filter((a) => a.level === 'community');
    expect(cell('Admin areas').rows).toEqual([areas.length]);
    expect(cell('Admin areas').notes).toEqual([
      count(areas, (a) => a.level === 'district'),
      Number(areas.find((a) => a.level === 'district')?.code),
      count(areas, (a) => a.level === 'street'),
      communities.length,
      count(communities, (c) => c.kind === 'urban'),
      count(communities, (c) => c.kind === 'village'),
    ]);
    expect(cell('Grids').rows).toEqual([rows.grids.length]);
    expect(cell('Cameras').rows).toEqual([rows.cameras.length]);
    const roads = rows.roads;
    const lattice = roads.filter((r) => r.class !== 'path');
    expect(cell('Buildings, roads').rows[1]).toBe(roads.length);
    expect(cell('Buildings, roads').notes).toEqual([
      lattice.length,
      count(roads, (r) => r.class === 'arterial'),
      count(roads, (r) => r.class === 'street'),
      count(roads, (r) => r.class === 'alley'),
      count(roads, (r) => r.class === 'path'),
    ]);
    expect(cell('IoT devices').rows).toEqual([rows.iot_devices.length]);
  });

  it('rounds the members, service points, buildings, incidents and events to within 3 %', () => {
    near(cell('Grid members').rows[0], rows.grid_members.length);
    near(cell('Service points').rows[0], rows.service_points.length);
    near(cell('Buildings, roads').rows[0], rows.buildings.length);
    near(cell('Incidents').rows[0], rows.incidents.length);
    near(cell('Incidents').notes[1], eventCount);
    const shopGrids = rows.grids.filter((g) => g.kind === 'shop');
    expect(cell('Grids').notes[0]).toBe(shopGrids.length);
    near(
      cell('Grids').notes[1],
      sum(shopGrids, (g) => g.shops),
    );
    near(
      cell('Grids').notes[2],
      sum(rows.grids, (g) => g.population),
    );
  });
});
