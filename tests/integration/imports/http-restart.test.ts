import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../api/contract/imports';
import { ImportOptionsSchema } from '../../../api/contract/imports';
import { insertImportJob } from '../../../api/db/import-jobs';
import { call } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { auth, importApp } from './http-support';

const db = useTestDatabase();
const IP = '10.77.3.1';
let admin: string;

beforeAll(async () => {
  const { district } = await areaCodes(db());
  admin = (await makeKey(db(), 'admin', [district])).key;
});

/** A job as a process leaves it: running (or queued), its heartbeat `ageSeconds` old. */
async function leftJob(status: 'queued' | 'running', ageSeconds: number) {
  const options = ImportOptionsSchema.parse({ collection: 'cameras', crs: 'wgs84' });
  const job = await insertImportJob(db().pool, {
    fileName: 'cameras.geojson',
    fileBytes: 10,
    options,
    actor: 'cli:test',
    createdAt: new Date(),
    status,
  });
  await db().pool.query(
    `UPDATE import_jobs SET heartbeat_at = now() - make_interval(secs => $2) WHERE id = $1`,
    [job.id, ageSeconds],
  );
  return job.id;
}

async function jobOf(app: ReturnType<typeof importApp>['app'], id: number) {
  const response = await call(app, `/api/v1/imports/${id}`, { headers: auth(admin) }, IP);
  expect(response.status).toBe(200);
  return (await response.json()) as ImportJob;
}

describe('jobs of a process that died', () => {
  it('are marked failed at start-up with a message; a live process’s jobs are left alone', async () => {
    const crashed = await leftJob('running', 3600);
    const lost = await leftJob('queued', 3600);
    const alive = await leftJob('running', 0);
    const { app, queue } = importApp(db(), { timing: { heartbeatMs: 10_000, staleSeconds: 60 } });
    await queue.sweep();
    for (const id of [crashed, lost]) {
      const job = await jobOf(app, id);
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/导入进程已中断.*stopped \(a restart or a crash\)/);
      expect(job.finishedAt).not.toBeNull();
    }
    expect((await jobOf(app, alive)).status).toBe('running');
    await db().pool.query(`UPDATE import_jobs SET status = 'failed' WHERE id = $1`, [alive]);
  });
});
