import { execFile } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ImportJob } from '../../../api/contract/imports';
import { REPO_ROOT } from '../../../api/web-build';
import { call } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, unique } from '../support/identities';
import { geojson, point, seededCommunities } from './engine-fixtures';
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
const IP = '10.77.4.1';
const prefix = unique('T-CLI').toUpperCase();
let admin: string;
let dir: string;

beforeAll(async () => {
  const { district } = await areaCodes(db());
  admin = (await makeKey(db(), 'admin', [district])).key;
  dir = await mkdtemp(path.join(tmpdir(), 'yiping-import-cli-'));
});

afterAll(async () => {
  await db().pool.query('DELETE FROM service_points WHERE code LIKE $1', [`${prefix}%`]);
  await rm(dir, { recursive: true, force: true });
});

/** `npm run import -- …args` as an operator runs it, against the test database. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'data/import-cli.ts', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: inject('databaseUrl') } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

async function fileOf(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

describe('npm run import', () => {
  it('gives the same rows as the HTTP import of the same file, and records the job', async () => {
    const bytes = await servicePointsFile(db(), `${prefix}-S`, 40);
    const file = await fileOf('points.geojson', bytes);
    const args = ['--collection', 'service-points', '--crs', 'wgs84', '--json', file];
    const ran = await cli(args);
    expect(ran.code, ran.stderr).toBe(0);
    const job = JSON.parse(ran.stdout) as ImportJob;
    expect(job).toMatchObject({ status: 'succeeded', actor: `cli:${userInfo().username}` });
    expect(job.counts).toMatchObject({ read: 40, inserted: 40 });
    expect(ran.stderr).toMatch(/100%/);
    const byCli = await servicePointsChecksum(db(), `${prefix}-S`);
    expect(byCli.count).toBe(40);

    await db().pool.query('DELETE FROM service_points WHERE code LIKE $1', [`${prefix}-S%`]);
    const { app } = importApp(db());
    const fields = { collection: 'service-points', crs: 'wgs84' };
    const response = await upload(app, admin, fields, { name: 'points.geojson', bytes }, IP);
    expect(response.status).toBe(202);
    const { job: byHttp } = await followJob(
      app,
      admin,
      ((await response.json()) as ImportJob).id,
      IP,
    );
    expect(byHttp.counts).toEqual(job.counts);
    expect(await servicePointsChecksum(db(), `${prefix}-S`)).toEqual(byCli);

    const again = await cli(args);
    expect((JSON.parse(again.stdout) as ImportJob).counts).toMatchObject({ unchanged: 40 });
    const history = await call(app, '/api/v1/imports?limit=5', { headers: auth(admin) }, IP);
    const { jobs } = (await history.json()) as { jobs: ImportJob[] };
    expect(jobs[0]).toMatchObject({ actor: `cli:${userInfo().username}`, status: 'succeeded' });
    expect(jobs.map((j) => j.id)).toEqual([...jobs.map((j) => j.id)].sort((a, b) => b - a));
  });

  it('exits 1 for a rejected file, printing each problem with its place, zh-CN then English', async () => {
    const [a] = await seededCommunities(db().pool);
    const bytes = geojson([
      [{ 编号: `${prefix}-R1`, 名称: '好的', 类别: '药店' }, point([a!.lng, a!.lat])],
      [{ 编号: `${prefix}-R2`, 名称: '错别字', 类别: '幼儿圆' }, point([a!.lng, a!.lat])],
    ]);
    const before = await tableCounts(db());
    const file = await fileOf('bad.geojson', bytes);
    const ran = await cli(['--collection', 'service-points', '--crs', 'wgs84', file]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('已拒绝，未写入任何数据 rejected, nothing was written');
    expect(ran.stdout).toMatch(
      /第 2 个要素 feature #1 \[category\] 错误 error unknown_category: .*kindergarten/,
    );
    const after = await tableCounts(db());
    expect(after).toEqual({ ...before, import_jobs: before.import_jobs! + 1 });
  });

  it('exits 2 with the usage for bad options and with the reader’s message for an unreadable file', async () => {
    const before = await tableCounts(db());
    const file = await fileOf('nul.geojson', new Uint8Array(1024));
    const bad = await cli(['--collection', 'parks', '--crs', 'wgs84', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--collection');
    expect(bad.stderr).toContain('Usage: npm run import');
    const unknown = await cli(['--collection', 'grids', '--crs', 'wgs84', '--nonsense', file]);
    expect(unknown.code).toBe(2);
    const unreadable = await cli(['--collection', 'grids', '--crs', 'wgs84', file]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('无法读取文件 The file cannot be read');
    const missing = await cli(['--collection', 'grids', '--crs', 'wgs84', path.join(dir, 'none')]);
    expect(missing.code).toBe(2);
    expect(await tableCounts(db())).toEqual(before);
  });

  it('refuses 5 GB of nothing from its first bytes, without reading it all', async () => {
    const before = await tableCounts(db());
    const file = path.join(dir, 'zeros.csv');
    await writeFile(file, '');
    await truncate(file, 5 * 1024 ** 3); // sparse: no disk used
    const zeros = await cli(['--collection', 'grids', '--crs', 'wgs84', file]);
    expect(zeros.code).toBe(2);
    // Node reads at most 2 GiB into one buffer: the answer must come from the format, not that.
    expect(zeros.stderr).toContain('Unrecognised file format: zeros.csv (all zero bytes)');
    expect(await tableCounts(db())).toEqual(before);
  });
});
