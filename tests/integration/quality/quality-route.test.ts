import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import type { GridQualityReport } from '../../../api/contract/quality';
import { bearer, call, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { neighboursAcross } from './plant';

const db = useTestDatabase();
const run = promisify(execFile);
/** This file's own client address, so its requests never share a rate-limit bucket. */
const IP = '10.71.16.3';

/** `npm run check:grids -- …args` against the test database: exit code and output. */
async function checkGrids(args: string[]) {
  try {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'data/check-grids-cli.ts', ...args],
      {
        env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
      },
    );
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function getReport(query: string, key: string) {
  const app = createTestApp(db());
  return call(app, `/api/v1/quality/grids${query}`, bearer(key), IP);
}

/** Moves one grid 15 m east for the duration of `work` (committed: the CLI is another process). */
async function withMovedGrid<T>(code: string, work: () => Promise<T>): Promise<T> {
  const saved = await db().pool.query<{ geom: string }>(
    `SELECT geom::text AS geom FROM grids WHERE code = $1`,
    [code],
  );
  await db().pool.query(`UPDATE grids SET geom = ST_Translate(geom, 0.00017, 0) WHERE code = $1`, [
    code,
  ]);
  try {
    return await work();
  } finally {
    await db().pool.query(`UPDATE grids SET geom = $2::geometry WHERE code = $1`, [
      code,
      saved.rows[0]!.geom,
    ]);
  }
}

describe('GET /api/v1/quality/grids and npm run check:grids', () => {
  it('refuses an operator with 403', async () => {
    const { district } = await areaCodes(db());
    const { key } = await makeKey(db(), 'operator', [district]);
    expect((await getReport('', key)).status).toBe(403);
  });

  it('answers 400 naming the parameter for a malformed, unknown or non-community code', async () => {
    const { district, street } = await areaCodes(db());
    const { key } = await makeKey(db(), 'admin', [district]);
    for (const code of ['12345', '370871999999', street]) {
      const response = await getReport(`?community=${code}`, key);
      expect(response.status, code).toBe(400);
      const body = (await response.json()) as { error: { issues: { path: string }[] } };
      expect(body.error.issues.map((issue) => issue.path)).toContain('community');
    }
  });

  it('gives an admin the same report as the command line, which exits 1 on problems', async () => {
    const { district } = await areaCodes(db());
    const { key } = await makeKey(db(), 'admin', [district]);
    const { a } = await neighboursAcross(db().pool);
    await withMovedGrid(a, async () => {
      const response = await getReport('', key);
      expect(response.status).toBe(200);
      const report = (await response.json()) as GridQualityReport;
      expect(report.clean).toBe(false);
      expect(report.overlaps.some((overlap) => overlap.gridCodes.includes(a))).toBe(true);
      const json = await checkGrids(['--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toEqual(report);
      const text = await checkGrids([]);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain('网格重叠 overlaps');
      expect(text.stdout).toContain(a);
    });
  });

  it('exits 0 on the clean district and 2 for an unknown community', async () => {
    const { communities } = await areaCodes(db());
    const clean = await checkGrids(['--community', communities[0]!]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^网格拓扑检查通过/);
    const unknown = await checkGrids(['--community', '370871999999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('370871999999');
  });
});
