import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  openRecordedPage,
  type RecordedPage,
  waitForSelectorOrExplain,
} from './support/browser';
import { apiAsAdmin, pointInGrid, reportIncident } from './support/district-api';
import { LOGIN_PAGE, submitApiKey } from './support/login';
import { startServer, type TestServer } from './support/server';
import { WALL_READY } from './support/wall';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DWELL_S = 6;

let server: TestServer;
let browser: Browser;
let visit: RecordedPage;
let page: Page;

/** The map's centre, `[lng, lat]`. */
const centre = () =>
  page.evaluate(() => {
    const c = window.yipingMap?.getCenter();
    return c ? ([c.lng, c.lat] as [number, number]) : null;
  });

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const { body } = await apiAsAdmin(server, 'api/v1/api-keys', {
    method: 'POST',
    json: { name: '指挥中心大屏', role: 'display', scopes: ['370871000000'] },
  });
  const displayKey = (body as { key: string }).key;
  visit = await openRecordedPage(browser);
  page = visit.page;
  // Kiosk mode shows no user badge, so sign in by hand and wait for the wall itself.
  await page.goto(`${server.url}?kiosk=1&dwell=${DWELL_S}`);
  await page.locator(LOGIN_PAGE).waitFor({ timeout: 60_000 });
  await submitApiKey(page, displayKey);
  await waitForSelectorOrExplain(visit, WALL_READY, 240_000, `${SHOTS}kiosk-failure.png`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('kiosk mode (/?kiosk=1) with a display key', () => {
  it('hides the cursor, the filters, the search and the sign-out button', async () => {
    expect(await page.locator('.wall').evaluate((e) => getComputedStyle(e).cursor)).toBe('none');
    expect(await page.locator('.filter-bar').count()).toBe(0);
    expect(await page.locator('.search-box').count()).toBe(0);
    expect(await page.getByRole('button', { name: /退出/ }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}kiosk.png` });
  });

  it('tours the district street by street on its own', async () => {
    const first = await centre();
    await page.waitForFunction(
      (start) => {
        const c = window.yipingMap?.getCenter();
        return c !== undefined && start !== null && (c.lng !== start[0] || c.lat !== start[1]);
      },
      first,
      { timeout: DWELL_S * 4_000, polling: 500 },
    );
  });

  it('flies to a new high-severity incident', async () => {
    const location = await pointInGrid(server, 7);
    await reportIncident(server, location, {
      category: 'safety_hazard',
      severity: 'critical',
      description: '浏览器测试：燃气泄漏气味',
    });
    await page.waitForFunction(
      (target) => {
        const map = window.yipingMap;
        const c = map?.getCenter();
        if (!map || !c || map.isMoving()) return false;
        return Math.abs(c.lng - target[0]) < 1e-5 && Math.abs(c.lat - target[1]) < 1e-5;
      },
      location,
      { timeout: 60_000, polling: 250 },
    );
    expect(await page.evaluate(() => window.yipingMap?.getZoom())).toBeCloseTo(16, 1);
    await page.screenshot({ path: `${SHOTS}kiosk-alert.png` });
  });

  it('never opens a dialog', async () => {
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
  });
});
