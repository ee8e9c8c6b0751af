import { fileURLToPath } from 'node:url';
import { bbox as turfBbox } from '@turf/turf';
import type { Feature, MultiPolygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  openRecordedPage,
  type RecordedPage,
  waitForSelectorOrExplain,
} from './support/browser';
import { apiAsAdmin, pointInGrid, reportIncident } from './support/district-api';
import { centralHalf, freeArea, kioskSteps, overlaps, recordKioskSteps } from './support/kiosk';
import { LOGIN_PAGE, submitApiKey } from './support/login';
import { startServer, type TestServer } from './support/server';
import { WALL_READY } from './support/wall';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
/** Long enough that the map rests a few seconds between flights (2.5 s) on a slow renderer. */
const DWELL_S = 8;
/** Tour steps between two incident visits. */
const GAP = 2;
/** Waiting for several tour steps on a shared, slow machine. */
const STEPS_TIMEOUT = 180_000;

let server: TestServer;
let browser: Browser;
let visit: RecordedPage;
let page: Page;
let district: [number, number, number, number];

/**
 * Waits until the kiosk shows `view` (`stop 0`, `visit CODE`) with the map resting there, and
 * returns, measured in that same instant (the tour moves on by itself), the free area between
 * the panels and where the map puts `bounds` (`[west, south, east, north]`) on screen.
 */
async function restingView(view: string, bounds: [number, number, number, number]) {
  const handle = await page.waitForFunction(
    ({ view, bounds }) => {
      const kiosk = window.yipingKiosk;
      const map = window.yipingMap;
      if (!kiosk || !map || map.isMoving()) return false;
      const shown =
        kiosk.view.kind === 'stop' ? `stop ${kiosk.view.stop}` : `visit ${kiosk.view.code}`;
      if (shown !== view) return false;
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      const [west, south, east, north] = bounds;
      const nw = map.project([west, north]);
      const se = map.project([east, south]);
      return {
        area: {
          left: box('.wall__left').right,
          top: box('.wall__title').bottom,
          right: box('.wall__right').left,
          bottom: box('.wall__charts').top,
        },
        box: { left: nw.x, top: nw.y, right: se.x, bottom: se.y },
        zoom: map.getZoom(),
      };
    },
    { view, bounds },
    { timeout: STEPS_TIMEOUT, polling: 100 },
  );
  const snapshot = await handle.jsonValue();
  if (!snapshot) throw new Error(`the kiosk never rested on ${view}`);
  return snapshot;
}

/** What the district view shows right now, in one look (the tour moves on by itself). */
function lookAtDistrict() {
  return page.evaluate(() => {
    const map = window.yipingMap;
    const overlay = window.yipingOverlay as unknown as {
      _deck: { props: { layers: unknown[] } };
      pickObjects: (o: object) => unknown[];
    };
    if (!map || !overlay) throw new Error('no map on the page');
    const drawn = (id: string) =>
      overlay.pickObjects({ x: 0, y: 0, width: innerWidth, height: innerHeight, layerIds: [id] })
        .length;
    const layers = overlay._deck.props.layers.flat(Infinity) as {
      id: string;
      props: { visible: boolean };
    }[];
    const visible = (id: string) => layers.find((l) => l.id === id)?.props.visible ?? false;
    return {
      view: window.yipingKiosk?.view,
      resting: !map.isMoving(),
      padding: map.getPadding(),
      bearing: map.getBearing(),
      pitch: map.getPitch(),
      cameras: drawn('deck-cameras'),
      servicePoints: drawn('deck-service-points'),
      gridCodes: visible('deck-grid-codes'),
      grids: drawn('deck-grids'),
    };
  });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const { body } = await apiAsAdmin(server, 'api/v1/api-keys', {
    method: 'POST',
    json: { name: '指挥中心大屏', role: 'display', scopes: ['370871000000'] },
  });
  const displayKey = (body as { key: string }).key;
  const areas = await apiAsAdmin(server, 'ogc/collections/admin-areas/items?level=district');
  const feature = (areas.body as { features: Feature<MultiPolygon>[] }).features[0];
  if (!feature) throw new Error('no district in admin-areas');
  district = turfBbox(feature) as [number, number, number, number];
  visit = await openRecordedPage(browser);
  page = visit.page;
  // Kiosk mode shows no user badge, so sign in by hand and wait for the wall itself.
  await page.goto(`${server.url}?kiosk=1&dwell=${DWELL_S}&gap=${GAP}`);
  await page.locator(LOGIN_PAGE).waitFor({ timeout: 60_000 });
  await submitApiKey(page, displayKey);
  await waitForSelectorOrExplain(visit, WALL_READY, 240_000, `${SHOTS}kiosk-failure.png`);
  await recordKioskSteps(page);
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

  it('tours the district and then the places in it, in order, on its own', async () => {
    await expect
      .poll(async () => (await kioskSteps(page)).length, { timeout: STEPS_TIMEOUT })
      .toBeGreaterThanOrEqual(2);
    const [first, next] = (await kioskSteps(page)).map((s) => Number(s.view.split(' ')[1]));
    // The next stop, or back to the district after the last one.
    expect([(first ?? -2) + 1, 0]).toContain(next);
  });

  it('visits a new critical incident, centred in the free area, flat and north up', async () => {
    const location = await pointInGrid(server, 7);
    const first = await reportIncident(server, location, {
      category: 'safety_hazard',
      severity: 'critical',
      description: '浏览器测试：燃气泄漏气味',
    });
    const second = await reportIncident(server, await pointInGrid(server, 20), {
      category: 'safety_hazard',
      severity: 'high',
      description: '浏览器测试：井盖缺失',
    });
    const { area, box: at, zoom } = await restingView(`visit ${first}`, [...location, ...location]);
    expect(Math.abs(at.left - (area.left + area.right) / 2)).toBeLessThan(2);
    expect(Math.abs(at.top - (area.top + area.bottom) / 2)).toBeLessThan(2);
    expect(zoom).toBeCloseTo(16, 1);
    // The second arrived inside the cap: it waits its turn.
    expect(await page.evaluate(() => window.yipingKiosk?.queue)).toEqual([second]);
    await page.screenshot({ path: `${SHOTS}kiosk-alert.png` });

    await restingView(`visit ${second}`, [...location, ...location]);
    const steps = (await kioskSteps(page)).map((s) => s.view);
    const between = steps.slice(
      steps.indexOf(`visit ${first}`) + 1,
      steps.indexOf(`visit ${second}`),
    );
    expect(between[0]).toBe('stop 0');
    expect(between.length).toBeGreaterThanOrEqual(GAP);
    expect(between.every((v) => v.startsWith('stop'))).toBe(true);
  });

  it('comes back to the district centred between the panels, without street-zoom layers', async () => {
    // Deck.gl applies new layers on its next frame: wait for what a viewer would see.
    await expect.poll(lookAtDistrict, { timeout: STEPS_TIMEOUT, interval: 250 }).toMatchObject({
      view: { kind: 'stop', stop: 0 },
      resting: true,
      padding: { top: 0, bottom: 0, left: 0, right: 0 },
      bearing: 0,
      pitch: 0,
      cameras: 0,
      servicePoints: 0,
      gridCodes: false,
    });
    await page.screenshot({ path: `${SHOTS}kiosk-district-after-visit.png` });
    const { area, box } = await restingView('stop 0', district);
    // Inside the free area, centred in it both ways, and filling it one way (less a margin).
    expect(box.left).toBeGreaterThanOrEqual(area.left);
    expect(box.right).toBeLessThanOrEqual(area.right);
    expect(box.top).toBeGreaterThanOrEqual(area.top);
    expect(box.bottom).toBeLessThanOrEqual(area.bottom);
    expect(Math.abs(box.left - area.left - (area.right - box.right))).toBeLessThan(4);
    expect(Math.abs(box.top - area.top - (area.bottom - box.bottom))).toBeLessThan(4);
    const slack = Math.min(
      area.right - area.left - (box.right - box.left),
      area.bottom - area.top - (box.bottom - box.top),
    );
    expect(slack).toBeLessThan(0.1 * (area.bottom - area.top));
    expect((await lookAtDistrict()).grids).toBeGreaterThan(0);
  });

  it('shows alerts in a stack clear of the middle of the map, which go by themselves', async () => {
    const codes: string[] = [];
    for (const index of [3, 11, 30]) {
      codes.push(
        await reportIncident(server, await pointInGrid(server, index), {
          category: 'public_facility',
          severity: 'high',
          description: '浏览器测试：路灯倒伏',
        }),
      );
    }
    const stack = page.locator('.alert-banner');
    await expect.poll(() => stack.getAttribute('data-alert-count'), { timeout: 30_000 }).toBe('3');
    expect(await page.locator('.alert-banner__more').textContent()).toBe('另有 1 条');
    expect(await page.locator('.alert-banner__dismiss').count()).toBe(0);
    const box = await stack.boundingBox();
    if (!box) throw new Error('no alert stack');
    const middle = centralHalf(await freeArea(page));
    const stackBox = {
      left: box.x,
      top: box.y,
      right: box.x + box.width,
      bottom: box.y + box.height,
    };
    expect(overlaps(stackBox, middle)).toBe(false);
    await page.screenshot({ path: `${SHOTS}kiosk-alerts.png` });
    // Two tour steps later the alerts have gone with nobody touching the wall.
    await stack.waitFor({ state: 'detached', timeout: STEPS_TIMEOUT });
  });

  it('never opens a dialog', async () => {
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
  });
});
