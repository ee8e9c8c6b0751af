import { booleanPointInPolygon, pointToLineDistance } from '@turf/turf';
import type { MultiPolygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { IOT_ALARM_TYPES } from '../../../api/contract/iot';
import { generateDistrict } from '../../../data/district/generate';
import { NOW, collectRows, feature, groupBy, type AllRows } from './district-fixtures';

let rows: AllRows;

beforeAll(() => {
  rows = collectRows(generateDistrict({ seed: 5, scale: 'small', now: NOW })).rows;
}, 60_000);

const iotOnly = (seed: number) =>
  JSON.stringify(
    [...generateDistrict({ seed, scale: 'small', now: NOW }).batches()].filter(
      (b) => b.table === 'iot_devices',
    ),
  );

describe('small demo district: IoT devices', () => {
  it('has dozens of devices of every kind with unique ids IOT-<kind>-<n>', () => {
    expect(rows.iot_devices.length).toBeGreaterThanOrEqual(24);
    expect(rows.iot_devices.length).toBeLessThan(200);
    expect(new Set(rows.iot_devices.map((d) => d.kind))).toEqual(new Set(IOT_ALARM_TYPES));
    expect(new Set(rows.iot_devices.map((d) => d.id)).size).toBe(rows.iot_devices.length);
    for (const d of rows.iot_devices) {
      expect(d.id).toMatch(new RegExp(`^IOT-${d.kind}-\\d{4}$`));
      expect(d.name).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('registers each device inside its community', () => {
    const communities = new Map(rows.admin_areas.map((a) => [a.code, a.geom as MultiPolygon]));
    for (const d of rows.iot_devices) {
      const area = communities.get(d.community_code);
      expect(area, d.id).toBeDefined();
      expect(booleanPointInPolygon(d.geom, feature(area!)), d.id).toBe(true);
    }
  });

  it('puts manhole covers on roads and home sensors in residential grids', () => {
    const kinds = groupBy(rows.iot_devices, (d) => d.kind);
    for (const cover of kinds.get('manhole_cover') ?? []) {
      const nearest = Math.min(
        ...rows.roads.map((r) => pointToLineDistance(cover.geom, r.geom, { units: 'meters' })),
      );
      expect(nearest, cover.id).toBeLessThan(8);
    }
    const homes = ['smoke_detector', 'ebike_charging', 'falling_object'] as const;
    for (const d of homes.flatMap((k) => kinds.get(k) ?? [])) {
      const grid = rows.grids.find((g) => booleanPointInPolygon(d.geom, feature(g.geom)));
      expect(grid?.kind, d.id).toBe('residential');
    }
    for (const d of ['water_meter', 'one_key_call', 'health_bracelet'].flatMap(
      (k) => kinds.get(k) ?? [],
    )) {
      const grid = rows.grids.find((g) => booleanPointInPolygon(d.geom, feature(g.geom)));
      expect(grid?.kind, d.id).not.toBe('shop');
    }
  });

  it('repeats for the same seed and differs for another', () => {
    expect(iotOnly(5)).toBe(iotOnly(5));
    expect(iotOnly(5)).not.toBe(iotOnly(6));
  }, 60_000);
});
