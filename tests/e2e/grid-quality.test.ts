import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridQualityReport } from '../../api/contract/quality';
import { GRID_QUALITY_LAYER_ID } from '../../web/map/layers/grid-quality-layer';
import { openWall, SHOTS, type WallSession } from './support/open-wall';
import type { TestServer } from './support/server';
import { apiFromPage, deckLayer, pickedCount } from './support/wall';

const WAIT_MS = 120_000;

/** Shrinks one grid (a gap opens around it) and slides another 15 m east (it overlaps). */
const PLANT = [
  `UPDATE grids SET geom = ST_Buffer(geom, -0.0002, 'join=mitre')
    WHERE code = (SELECT min(code) FROM grids)`,
  `UPDATE grids SET geom = ST_Translate(geom, 0.00017, 0)
    WHERE code = (SELECT max(code) FROM grids)`,
];

/**
 * Plants the faults in the server's database: on a server at once; embedded while the server is
 * stopped, through PGlite itself (the data directory's own cluster, no socket in between).
 */
async function plantFaults(server: TestServer): Promise<void> {
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    for (const statement of PLANT) await client.query(statement);
    await client.end();
    return;
  }
  await server.restart(async () => {
    const db = await PGlite.create({
      dataDir: join(server.dataDir, 'pgdata'),
      extensions: { postgis },
    });
    try {
      for (const statement of PLANT) await db.query(statement);
    } finally {
      await db.close();
    }
  });
}

let wall: WallSession;

beforeAll(async () => {
  wall = await openWall({ name: 'grid-quality' });
  await plantFaults(wall.server);
});

afterAll(() => wall?.close());

describe('the admins’ grid check layer', () => {
  it('draws the planted gap and overlap when an admin switches it on', async () => {
    const { page } = wall;
    const toggle = page.locator('[role="switch"][data-layer="gridQuality"]');
    await toggle.waitFor({ timeout: WAIT_MS });
    expect(await deckLayer(page, GRID_QUALITY_LAYER_ID)).toMatchObject({ visible: false });
    await toggle.click();
    await page.locator('[data-quality-status="ready"]').waitFor({ timeout: WAIT_MS });
    const { status, body } = await apiFromPage(page, '/api/v1/quality/grids');
    expect(status, `${JSON.stringify(body)}\n${wall.server.output().slice(-4000)}`).toBe(200);
    const report = body as GridQualityReport;
    expect(report.gaps.length).toBeGreaterThan(0);
    expect(report.overlaps.length).toBeGreaterThan(0);
    await expect
      .poll(() => deckLayer(page, GRID_QUALITY_LAYER_ID), { timeout: WAIT_MS })
      .toEqual({ visible: true, length: report.gaps.length + report.overlaps.length });
    expect(await pickedCount(page, GRID_QUALITY_LAYER_ID)).toBeGreaterThan(0);
    const legend = page.locator('[data-layer-row="gridQuality"]');
    await expect.poll(() => legend.textContent()).toContain('网格缝隙');
    expect(await legend.textContent()).toContain('网格重叠');
    await page.screenshot({ path: `${SHOTS}wall-grid-quality.png` });
  });
});
