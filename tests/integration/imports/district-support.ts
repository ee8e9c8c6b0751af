import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Position } from 'geojson';
import type { Database } from '../../../api/db/database';
import { STATIC_LAYER_TABLES } from '../../../api/db/district-layers';
import { replaceDistrict } from '../../../api/use-cases/imports/district';
import {
  DistrictManifestSchema,
  type DistrictManifest,
} from '../../../api/use-cases/imports/district-manifest';
import { seedDemo } from '../../../data/seed';
import { TEST_SEED } from '../support/global-setup';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/district');

/** What make.ts wrote down about the fixture district (tests/fixtures/district/expected.json). */
export interface ExpectedDistrict {
  districtCode: string;
  bounds: { west: number; south: number; east: number; north: number };
  counts: Record<string, number>;
  servicePoints: { code: string; wgs84: Position }[];
  cameras: { code: string; wgs84: Position }[];
}

export const expectedDistrict = (): ExpectedDistrict =>
  JSON.parse(readFileSync(path.join(FIXTURE, 'expected.json'), 'utf8')) as ExpectedDistrict;

/** The fixture's manifest and every file it lists, as the CLI reads them. */
export function fixtureDistrict(): { manifest: DistrictManifest; files: Map<string, Uint8Array> } {
  const manifest = DistrictManifestSchema.parse(
    JSON.parse(readFileSync(path.join(FIXTURE, 'manifest.json'), 'utf8')),
  );
  const files = new Map(
    manifest.files.map((f) => [f.file, new Uint8Array(readFileSync(path.join(FIXTURE, f.file)))]),
  );
  return { manifest, files };
}

export const NOW = new Date('2026-06-01T08:00:00Z');

/** Replaces the test database's district with the fixture district. */
export function replaceWithFixture(db: Database, discardOperational = true) {
  const { manifest, files } = fixtureDistrict();
  return replaceDistrict(db.pool, manifest, files, 'test:district', {
    now: NOW,
    discardOperational,
  });
}

/** Puts the seeded demo district back, for the test files that run after this one. */
export async function restoreDemo(db: Database): Promise<void> {
  await seedDemo(db, { ...TEST_SEED, force: true });
}

/**
 * Everything that identifies a row of the static layers (codes, ids) and the versions of the
 * tile and analysis caches: equal snapshots mean nothing was changed.
 */
export async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const keys: Record<string, string> = {
    admin_areas: 'code',
    grids: 'code',
    grid_members: 'id',
    grid_member_grids: `member_id || '/' || grid_code`,
    cameras: 'code',
    service_points: 'code',
    buildings: 'id',
    roads: 'id',
    water_areas: 'id',
  };
  const out: Record<string, string[]> = {};
  for (const table of STATIC_LAYER_TABLES) {
    const result = await db.pool.query<{ key: string }>(
      `SELECT (${keys[table]})::text AS key FROM ${table} ORDER BY 1`,
    );
    out[table] = result.rows.map((r) => r.key);
  }
  for (const [name, sql] of Object.entries(OPERATIONAL)) {
    out[name] = (await db.pool.query<{ key: string }>(sql)).rows.map((r) => r.key);
  }
  return out;
}

const OPERATIONAL = {
  incidents: 'SELECT id::text AS key FROM incidents ORDER BY id',
  events: 'SELECT count(*)::text AS key FROM incident_events',
  iot: 'SELECT id AS key FROM iot_devices ORDER BY id',
  tiles: `SELECT layer || ':' || version AS key FROM tile_layer_versions ORDER BY layer`,
  analysis: `SELECT layer || ':' || version AS key FROM analysis_versions ORDER BY layer`,
  seed: `SELECT value::text AS key FROM yiping_meta WHERE key = 'seed'`,
};
