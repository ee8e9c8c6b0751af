import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../../api/db/database';
import { useTestDatabase } from '../support/db';

const shared = useTestDatabase();
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('database runtime', () => {
  it('detects ST_AsMVT on a PostGIS server and its absence in the embedded build', () => {
    expect(shared().capabilities.mvt).toBe(inject('databaseKind') === 'server');
  });

  it('keeps embedded data in the data directory across restarts', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yiping-embedded-'));
    dirs.push(dir);
    const first = await openDatabase({ databaseUrl: undefined, dataDir: dir });
    expect(first.kind).toBe('embedded');
    await first.pool.query(
      `INSERT INTO yiping_meta (key, value) VALUES ('restart-test', '"kept"')`,
    );
    await first.close();
    const second = await openDatabase({ databaseUrl: undefined, dataDir: dir });
    const row = await second.pool.query(`SELECT value FROM yiping_meta WHERE key = 'restart-test'`);
    await second.close();
    expect(row.rows[0]?.value).toBe('kept');
  });

  it('refuses a data directory held by another live process', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yiping-locked-'));
    dirs.push(dir);
    await writeFile(path.join(dir, 'yiping.pid'), String(process.ppid));
    await expect(openDatabase({ databaseUrl: undefined, dataDir: dir })).rejects.toThrow(
      /in use by process/,
    );
  });
});
