import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unexpectedConsoleErrors, type RecordedPage } from './support/browser';
import { apiAsAdmin, numberMatched } from './support/district-api';
import { openWall, type WallSession } from './support/open-wall';
import type { TestServer } from './support/server';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MANIFEST = 'tests/fixtures/district/manifest.json';
const expected = JSON.parse(
  readFileSync(new URL('../fixtures/district/expected.json', import.meta.url), 'utf8'),
) as {
  districtCode: string;
  bounds: { west: number; south: number; east: number; north: number };
  counts: Record<string, number>;
};

let wall: WallSession;
let server: TestServer;
let visit: RecordedPage;
let page: Page;
let cliOutput = '';

/**
 * With the server stopped (its data kept), replaces the seeded demo by the fixture district
 * through the command line, as an operator would; the server then starts on the new district.
 */
async function importDistrict(stopped: TestServer): Promise<void> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'data/import-district-cli.ts', '--discard-operational', MANIFEST],
    { cwd: REPO_ROOT, env: { ...process.env, YIPING_DATA_DIR: stopped.dataDir } },
  );
  cliOutput = stdout;
}

const figure = async (name: string) =>
  Number(await page.locator(`[data-figure="${name}"]`).getAttribute('data-value'));

beforeAll(async () => {
  wall = await openWall({
    name: 'imported-district',
    keyFor: async (started) => {
      await started.restart(() => importDistrict(started));
      return started.adminKey;
    },
  });
  ({ server, visit, page } = wall);
  await page.waitForFunction(() => window.yipingMap?.areTilesLoaded() === true);
  await wall.shot('imported-district');
});

afterAll(() => wall?.close());

describe('the wall screen over an imported district', () => {
  it('was replaced through the command line', () => {
    expect(cliOutput).toContain('District replaced');
  });

  it('opens centred on the new district', async () => {
    const centre = await page.evaluate(() => window.yipingMap!.getCenter().toArray());
    const { west, south, east, north } = expected.bounds;
    expect(centre[0]).toBeGreaterThan(west);
    expect(centre[0]).toBeLessThan(east);
    expect(centre[1]).toBeGreaterThan(south);
    expect(centre[1]).toBeLessThan(north);
  });

  it('shows key figures equal to the API’s', async () => {
    await page.waitForFunction(
      (grids) =>
        document.querySelector(`[data-figure="grids"]`)?.getAttribute('data-value') === grids,
      String(expected.counts.grids),
    );
    expect(await figure('grids')).toBe(await numberMatched(server, 'grids'));
    expect(await figure('servicePoints')).toBe(await numberMatched(server, 'service-points'));
    expect(await figure('servicePoints')).toBe(expected.counts['service-points']);
    expect(await figure('camerasTotal')).toBe(expected.counts.cameras);
    expect(await figure('camerasOnline')).toBe(
      await numberMatched(server, 'cameras', 'status=online'),
    );
    expect(await figure('membersTotal')).toBe(await numberMatched(server, 'members'));
    const { body } = await apiAsAdmin(server, 'api/v1/stats/overview');
    expect(await figure('open')).toBe((body as { open: number }).open);
  });

  it('raised no unexpected console errors', () => {
    // The sign-in page asks who is signed in before anyone is.
    expect(unexpectedConsoleErrors(visit, ['/api/v1/auth/me'])).toEqual([]);
  });
});
