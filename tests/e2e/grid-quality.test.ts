import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridQualityReport } from '../../api/contract/quality';
import { GRID_QUALITY_LAYER_ID } from '../../web/map/layers/grid-quality-layer';
import { openWall, SHOTS, type WallSession } from './support/open-wall';
import type { TestServer } from './support/server';
import { apiFromPage, deckLayer, pickedCount } from './support/wall';

const WAIT_MS = 120_000;

const run = promisify(execFile);

/**
 * Plants a gap and an overlap in the server's database (tests/e2e/support/plant-grid-faults.ts,
 * in its own process): on a server at once; embedded while the server is stopped.
 */
async function plantFaults(server: TestServer): Promise<void> {
  const plant = async () => {
    // pglite-socket can throw while the embedded database closes, after the writes committed:
    // what counts is that both grids changed.
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'tests/e2e/support/plant-grid-faults.ts'],
      { env: { ...process.env, YIPING_DATA_DIR: server.dataDir } },
    ).catch((error: { stdout: string }) => error);
    expect(stdout).toContain('changed 2');
  };
  if (process.env.DATABASE_URL) await plant();
  else await server.restart(plant);
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
