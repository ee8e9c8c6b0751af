import type { FeatureCollection, Point } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../api/contract/imports';
import { convertPosition } from '../../../api/domain/china-crs';
import { call } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, unique } from '../support/identities';
import { geojson as geojsonOf, point, seededCommunities } from './engine-fixtures';
import {
  auth,
  followJob,
  importApp,
  servicePointsChecksum,
  servicePointsFile,
  tableCounts,
  upload,
} from './http-support';

const db = useTestDatabase();
const geojson = (features: Parameters<typeof geojsonOf>[0]) =>
  geojsonOf(features) as Uint8Array<ArrayBuffer>;
const IP = '10.77.2.1';
const prefix = unique('T-HJ').toUpperCase();
let admin: string;

beforeAll(async () => {
  const { district } = await areaCodes(db());
  admin = (await makeKey(db(), 'admin', [district])).key;
});

afterAll(async () => {
  await db().pool.query('DELETE FROM service_points WHERE code LIKE $1', [`${prefix}%`]);
});

async function submitted(response: Response): Promise<ImportJob> {
  const body = (await response.json()) as ImportJob;
  expect(response.status, JSON.stringify(body)).toBe(202);
  expect(response.headers.get('Location')).toBe(`/api/v1/imports/${body.id}`);
  expect(body.status).toBe('queued');
  return body;
}

describe('POST /api/v1/imports', () => {
  it('runs a dry run as a job: detection, problems, counts and a WGS84 preview; nothing written', async () => {
    const { app } = importApp(db());
    const [a] = await seededCommunities(db().pool);
    const gcj = convertPosition([a!.lng, a!.lat], 'wgs84', 'gcj02');
    const bytes = geojson([
      [{ 编号: `${prefix}-D1`, 名称: '试运行药店', 类别: '药店' }, point(gcj)],
      [{ 编号: `${prefix}-D2`, 名称: '错别字', 类别: '幼儿圆' }, point(gcj)],
    ]);
    const before = await tableCounts(db());
    const fields = { collection: 'service-points', crs: 'gcj02', dryRun: 'true' };
    const queued = await submitted(
      await upload(app, admin, fields, { name: 'sp.geojson', bytes }, IP),
    );
    const { job } = await followJob(app, admin, queued.id, IP);
    expect(job.status).toBe('rejected');
    expect(job.detection).toMatchObject({ format: 'geojson', crs: 'gcj02', featureCount: 2 });
    expect(job.counts?.read).toBe(2);
    expect(job.problems.map((p) => [p.index, p.code, p.suggestion])).toEqual([
      [1, 'unknown_category', 'kindergarten'],
    ]);
    expect(job.problemCount).toBe(1);
    expect(await tableCounts(db())).toEqual({ ...before, import_jobs: before.import_jobs! + 1 });

    const response = await call(
      app,
      `/api/v1/imports/${job.id}/preview`,
      { headers: auth(admin) },
      IP,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/geo+json');
    const preview = (await response.json()) as FeatureCollection<Point>;
    expect(preview.features.map((f) => f.properties?.problems)).toEqual([0, 1]);
    const [lng, lat] = preview.features[0]!.geometry.coordinates;
    const metres = Math.hypot(
      (lng! - a!.lng) * 111_320 * Math.cos((lat! * Math.PI) / 180),
      (lat! - a!.lat) * 110_540,
    );
    expect(metres).toBeLessThan(1);
  });

  it('keeps a preview only for dry runs', async () => {
    const { app, queue } = importApp(db());
    const bytes = geojson([]);
    const fields = { options: JSON.stringify({ collection: 'service-points', crs: 'wgs84' }) };
    const job = await submitted(
      await upload(app, admin, fields, { name: 'none.geojson', bytes }, IP),
    );
    await queue.idle();
    const response = await call(
      app,
      `/api/v1/imports/${job.id}/preview`,
      { headers: auth(admin) },
      IP,
    );
    expect(response.status).toBe(404);
  });

  it('shows progress while a larger import runs, then its counts', async () => {
    const { app } = importApp(db());
    const bytes = await servicePointsFile(db(), `${prefix}-P`, 6000);
    const fields = { collection: 'service-points', crs: 'wgs84' };
    const queued = await submitted(
      await upload(app, admin, fields, { name: 'many.geojson', bytes }, IP),
    );
    const { job, seen } = await followJob(app, admin, queued.id, IP);
    expect(job.status, JSON.stringify(job.problems.slice(0, 3))).toBe('succeeded');
    expect(job.counts).toMatchObject({ read: 6000, inserted: 6000 });
    const running = seen.filter((s) => s.status === 'running');
    expect(running.length).toBeGreaterThan(0);
    // The progress moves while it runs (how finely depends on the engine's stages).
    const states = new Set(running.map((s) => JSON.stringify(s.progress)));
    expect(states.size, [...states].join(' ')).toBeGreaterThan(1);
    expect((await servicePointsChecksum(db(), `${prefix}-P`)).count).toBe(6000);
  });

  it('lists the history newest first with actor and counts, in pages', async () => {
    const { app, queue } = importApp(db());
    const [a] = await seededCommunities(db().pool);
    const where = point([a!.lng, a!.lat]);
    const bytes = geojson([[{ 编号: `${prefix}-H1`, 名称: '历史', 类别: '药店' }, where]]);
    const ids: number[] = [];
    for (const name of ['first.geojson', 'second.geojson']) {
      const fields = { collection: 'service-points', crs: 'wgs84', dryRun: 'true' };
      const job = await submitted(await upload(app, admin, fields, { name, bytes }, IP));
      ids.push(job.id);
    }
    await queue.idle();
    const page = await call(app, '/api/v1/imports?limit=1', { headers: auth(admin) }, IP);
    const first = (await page.json()) as { jobs: ImportJob[]; next: number | null };
    expect(first.jobs.map((j) => j.id)).toEqual([ids[1]]);
    expect(first.jobs[0]).toMatchObject({
      fileName: 'second.geojson',
      status: 'succeeded',
      actor: expect.stringMatching(/^key:admin-/),
      counts: { read: 1, inserted: 1 },
    });
    expect(first.jobs[0]).not.toHaveProperty('problems');
    const next = await call(
      app,
      `/api/v1/imports?limit=1&before=${first.next}`,
      { headers: auth(admin) },
      IP,
    );
    const second = (await next.json()) as { jobs: ImportJob[] };
    expect(second.jobs.map((j) => j.id)).toEqual([ids[0]]);
    const bad = await call(app, '/api/v1/imports?limit=0', { headers: auth(admin) }, IP);
    expect(bad.status).toBe(400);
  });

  it('audits every job creation with who, file and options', async () => {
    const { app, queue } = importApp(db());
    const fields = { collection: 'grids', crs: 'cgcs2000', dryRun: 'true' };
    const job = await submitted(
      await upload(app, admin, fields, { name: 'g.geojson', bytes: geojson([]) }, IP),
    );
    await queue.idle();
    const { rows } = await db().pool.query(
      `SELECT actor, detail FROM audit_log WHERE action = 'import.create' AND target = $1`,
      [`import:${job.id}`],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].actor).toMatch(/^key:admin-/);
    expect(rows[0].detail).toMatchObject({
      fileName: 'g.geojson',
      options: { collection: 'grids', crs: 'cgcs2000', dryRun: true },
    });
  });
});

describe('a grid import job', () => {
  it('carries the topology check of the communities it touched', async () => {
    const { app } = importApp(db());
    const { rows } = await db().pool.query<{ code: string; name: string; geometry: string }>(
      `SELECT code, name, ST_AsGeoJSON(geom, 9) AS geometry FROM grids
       WHERE community_code = (SELECT min(community_code) FROM grids) ORDER BY code`,
    );
    const file: FeatureCollection = {
      type: 'FeatureCollection',
      features: rows.map((row) => ({
        type: 'Feature',
        properties: { 编号: row.code, 名称: row.name },
        geometry: JSON.parse(row.geometry) as FeatureCollection['features'][number]['geometry'],
      })),
    };
    const bytes = new TextEncoder().encode(JSON.stringify(file));
    const households = () =>
      db().pool.query('SELECT code, households, population, kind FROM grids ORDER BY code');
    const before = (await households()).rows;
    const fields = { collection: 'grids', crs: 'wgs84' };
    const queued = await submitted(
      await upload(app, admin, fields, { name: 'grids.geojson', bytes }, IP),
    );
    const { job } = await followJob(app, admin, queued.id, IP);
    expect(job.status, JSON.stringify(job.problems)).toBe('succeeded');
    expect(job.counts).toMatchObject({ read: rows.length, unchanged: rows.length });
    // The file has no 户数, 人口 or 类型: the stored values stay (not the fallbacks 0 and residential).
    expect((await households()).rows).toEqual(before);
    // The seeded community is tiled without gaps or overlaps (the quality tests plant faults).
    expect(job.topology).toMatchObject({ gaps: [], overlaps: [], outside: [], clean: true });
  });
});
