import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../api/contract/stats';
import { windowStart } from '../../web/domain/wall-filter';
import { type RecordedPage, unexpectedConsoleErrors } from './support/browser';
import { apiAsAdmin, numberMatched, pointInGrid, reportIncident } from './support/district-api';
import { openWall, type WallSession } from './support/open-wall';
import type { TestServer } from './support/server';
import { deckLayer, fitDistrict, jumpTo, pickedCount, screenPointOf } from './support/wall';

/** "Within a few seconds" on a shared machine rendering WebGL in software: a generous wait. */
const LIVE_TIMEOUT_MS = 30_000;

let wall: WallSession;
let server: TestServer;
let visit: RecordedPage;
let page: Page;

const shot = (name: string) => wall.shot(name);
const figure = async (name: string) =>
  Number(await page.locator(`[data-figure="${name}"]`).getAttribute('data-value'));
const feedCount = async () =>
  Number(await page.locator('.incident-feed__count').getAttribute('data-count'));
const chartTotal = async (chart: string) =>
  Number(await page.locator(`[data-chart="${chart}"]`).getAttribute('data-total'));

/** How many incidents the map's incident layer was given (the filtered set). */
async function mappedIncidents(): Promise<number> {
  return (await deckLayer(page, 'deck-incidents'))?.length ?? -1;
}

beforeAll(async () => {
  wall = await openWall({ name: 'wall' });
  ({ server, visit, page } = wall);
  await page.waitForFunction(() => window.yipingMap?.areTilesLoaded() === true);
  await shot('wall-1080');
});

afterAll(() => wall?.close());

describe('the wall screen at 1920×1080', () => {
  it('lays out title bar, figures, feed and charts around the map, all inside the window', async () => {
    const boxes = await page.evaluate(() =>
      ['.wall__title', '.wall__left', '.wall__right', '.wall__charts', '.map-view'].map((s) => {
        const box = document.querySelector(s)?.getBoundingClientRect();
        return box ? { s, x: box.x, y: box.y, right: box.right, bottom: box.bottom } : { s };
      }),
    );
    for (const box of boxes) {
      expect(box, box.s).toMatchObject({ x: expect.any(Number) });
      if (!('x' in box)) continue;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(1920);
      expect(box.bottom).toBeLessThanOrEqual(1080);
    }
    const [, left, right] = boxes as { right: number; x: number }[];
    expect(left!.right).toBeLessThan(right!.x);
    expect(await page.locator('.title-bar__district').textContent()).toContain('济宁');
    expect(await page.locator('[data-connection]').getAttribute('data-connection')).toBe('live');
  });

  it('draws grids, members and incidents over the whole district', async () => {
    for (const id of ['deck-grids', 'deck-members', 'deck-incidents']) {
      expect(await pickedCount(page, id), id).toBeGreaterThan(0);
    }
  });

  it('draws cameras and service points once a street fills the screen (zoom 15)', async () => {
    const centre = await page.evaluate(() => window.yipingMap?.getCenter().toArray());
    if (!centre) throw new Error('no map');
    await jumpTo(page, centre as [number, number], 15);
    for (const id of ['deck-cameras', 'deck-service-points', 'deck-incidents', 'deck-grids']) {
      expect(await pickedCount(page, id), id).toBeGreaterThan(0);
    }
  });

  it('aggregates incidents into hexagons at district zoom, keeping urgent ones as points', async () => {
    const centre = await page.evaluate(() => window.yipingMap?.getCenter().toArray());
    if (!centre) throw new Error('no map');
    await jumpTo(page, centre as [number, number], 12);
    expect(await deckLayer(page, 'deck-incidents-hex')).toMatchObject({ visible: true });
    expect((await deckLayer(page, 'deck-incidents-hex'))?.length).toBeGreaterThan(0);
    expect(await deckLayer(page, 'deck-incidents')).toMatchObject({ visible: false });
    expect(await deckLayer(page, 'deck-incidents-urgent')).toMatchObject({ visible: true });
    await shot('wall-district-zoom');
    await fitDistrict(page);
  });

  it('switches a layer off and on from the layer panel', async () => {
    const toggle = page.locator('[role="switch"][data-layer="cameras"]');
    const centre = await page.evaluate(() => window.yipingMap?.getCenter().toArray());
    await jumpTo(page, centre as [number, number], 15);
    await toggle.click();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => deckLayer(page, 'deck-cameras')).toMatchObject({ visible: false });
    // Picking reads the last frame drawn; on a slow renderer that can lag the new props.
    await expect.poll(() => pickedCount(page, 'deck-cameras')).toBe(0);
    await toggle.click();
    await expect.poll(() => pickedCount(page, 'deck-cameras')).toBeGreaterThan(0);
    await fitDistrict(page);
  });

  it('shows the key figures the API reports', async () => {
    const { body } = await apiAsAdmin(server, 'api/v1/stats/overview');
    const overview = body as Overview;
    expect(await figure('open')).toBe(overview.open);
    expect(await figure('overdue')).toBe(overview.openOverdue);
    expect(await figure('todayReported')).toBe(overview.today.reported);
    expect(await figure('todayClosed')).toBe(overview.today.closed);
    expect(await figure('slaCompliance')).toBeCloseTo(overview.sla.compliance ?? NaN, 6);
    expect(await figure('grids')).toBe(await numberMatched(server, 'grids'));
    expect(await figure('camerasTotal')).toBe(await numberMatched(server, 'cameras'));
    expect(await figure('camerasOnline')).toBe(
      await numberMatched(server, 'cameras', 'status=online'),
    );
    expect(await figure('servicePoints')).toBe(await numberMatched(server, 'service-points'));
  });
});

describe('a new incident', () => {
  let code: string;
  let location: [number, number];

  beforeAll(async () => {
    location = await pointInGrid(server, 3);
    code = await reportIncident(server, location, {
      category: 'public_security',
      severity: 'high',
      description: '浏览器测试：路口聚集人员发生争执',
    });
  });

  it('appears in the feed and raises an alert without a reload', async () => {
    await page.locator(`.incident-feed [data-incident-code="${code}"]`).waitFor({
      timeout: LIVE_TIMEOUT_MS,
    });
    await page.getByRole('alert').filter({ hasText: code }).first().waitFor();
    await shot('wall-new-incident');
  });

  it('is drawn on the map where it was reported: clicking it there opens its detail', async () => {
    await jumpTo(page, location, 17);
    const point = await screenPointOf(page, location);
    await page.mouse.click(point.x, point.y);
    const drawer = page.locator(`[data-incident-detail="${code}"]`);
    await drawer.waitFor({ timeout: LIVE_TIMEOUT_MS });
    await drawer.locator('[data-nearby-camera]').first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    const { body } = await apiAsAdmin(server, `api/v1/incidents/${code}/nearby?kinds=camera`);
    const nearest = (body as { cameras: { code: string }[] }).cameras.map((c) => c.code);
    const shown = await drawer
      .locator('[data-nearby-camera]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-nearby-camera')));
    expect(shown).toEqual(nearest);
    // The nearest cameras' view cones are drawn, highlighted.
    await expect.poll(() => deckLayer(page, 'deck-camera-cones')).toMatchObject({ visible: true });
    expect((await deckLayer(page, 'deck-camera-cones'))?.length).toBeGreaterThanOrEqual(
      nearest.length,
    );
    await shot('wall-incident-detail');
  });

  it('takes a workflow action from the detail: 受理 accepts it everywhere', async () => {
    const drawer = page.locator(`[data-incident-detail="${code}"]`);
    await drawer.locator('[data-action="accept"]').click();
    await drawer.locator('[data-status="accepted"]').waitFor({ timeout: LIVE_TIMEOUT_MS });
    const { body } = await apiAsAdmin(server, `api/v1/incidents/${code}`);
    expect((body as { status: string }).status).toBe('accepted');
    const row = page.locator(`.incident-feed [data-incident-code="${code}"]`);
    await row.filter({ hasText: '已受理' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });
});

describe('the filters', () => {
  it('narrow the map, the feed and the charts together', async () => {
    await fitDistrict(page);
    const before = await feedCount();
    await page.locator('[data-filter="window"] button').first().click();
    await page.locator('[data-filter="category"]').selectOption('public_security');
    const since = new Date(windowStart('today', Date.now())).toISOString();
    const expected = await numberMatched(
      server,
      'incidents',
      `category=public_security&datetime=${since}/..`,
    );
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(before);
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('.incident-feed__count')?.getAttribute('data-count')) === n,
      expected,
      { timeout: LIVE_TIMEOUT_MS },
    );
    expect(await mappedIncidents()).toBe(expected);
    for (const chart of ['category', 'street', 'closure']) {
      expect(await chartTotal(chart), chart).toBe(expected);
    }
    const rows = await page.locator('.incident-feed [data-incident-code]').count();
    expect(rows).toBe(Math.min(expected, 60));
    await shot('wall-filtered');
  });

  afterAll(async () => {
    await page.locator('[data-filter="category"]').selectOption('');
    await page.locator('[data-filter="window"] button').nth(2).click();
  });
});

describe('when the server stops and starts again', () => {
  // Today's window, not a rolling one: under 7 d, an incident can age out during the outage.
  beforeAll(async () => {
    await page.locator('[data-filter="window"] button').nth(0).click();
    const since = new Date(windowStart('today', Date.now())).toISOString();
    const today = await numberMatched(server, 'incidents', `datetime=${since}/..`);
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('.incident-feed__count')?.getAttribute('data-count')) === n,
      today,
      { timeout: LIVE_TIMEOUT_MS },
    );
  });
  afterAll(() => page.locator('[data-filter="window"] button').nth(2).click());

  it('shows reconnecting, keeps its data, then catches up with nothing missing', async () => {
    const shownBefore = await feedCount();
    const location = await pointInGrid(server, 5);
    await server.restart(async () => {
      await page.locator('[data-connection="reconnecting"]').waitFor({ timeout: LIVE_TIMEOUT_MS });
      expect(await feedCount()).toBe(shownBefore);
      await shot('wall-reconnecting');
    });
    // Reported while the page is still reconnecting: the stream must deliver it afterwards.
    const during = await reportIncident(server, location, {
      category: 'city_appearance',
      severity: 'low',
      description: '浏览器测试：重启期间上报',
    });
    await page.locator('[data-connection="live"]').waitFor({ timeout: 120_000 });
    await page.locator(`.incident-feed [data-incident-code="${during}"]`).waitFor({
      timeout: LIVE_TIMEOUT_MS,
    });
    expect(await feedCount()).toBe(shownBefore + 1);
    expect(page.url()).toBe(server.url);
    await shot('wall-recovered');
  });
});

describe('at 3840×2160', () => {
  it('scales every panel with the window, and gives the width of a spliced wall to the map', async () => {
    const leftAt1080 = await page.locator('.wall__left').evaluate((e) => e.clientWidth);
    await page.setViewportSize({ width: 3840, height: 2160 });
    await page.waitForFunction(() => window.innerHeight === 2160);
    await fitDistrict(page);
    const rootPx = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(rootPx).toBe('32px');
    const leftAt2160 = await page.locator('.wall__left').evaluate((e) => e.clientWidth);
    expect(leftAt2160).toBeCloseTo(leftAt1080 * 2, -1);
    await page.waitForFunction(() => window.yipingMap?.areTilesLoaded() === true);
    await shot('wall-2160');
    // A spliced wall of three 1080p screens: panels as at 1080p, the map takes the width.
    await page.setViewportSize({ width: 5760, height: 1080 });
    await page.waitForFunction(() => window.innerWidth === 5760);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
      '16px',
    );
    expect(await page.locator('.wall__left').evaluate((e) => e.clientWidth)).toBe(leftAt1080);
    // The charts stand in a column at the right edge, so the map keeps the full height.
    const charts = await page.locator('.wall__charts').evaluate((e) => e.getBoundingClientRect());
    expect(charts.right).toBeGreaterThan(5700);
    expect(charts.top).toBeLessThan(150);
    expect(charts.bottom).toBeGreaterThan(1000);
    await fitDistrict(page);
    await shot('wall-5760');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await fitDistrict(page);
  });
});

describe('search, cards and language', () => {
  it('finds a grid by its code and opens its card', async () => {
    const { body } = await apiAsAdmin(server, 'ogc/collections/grids/items?limit=1');
    const grid = (body as { features: { properties: { code: string; name: string } }[] })
      .features[0]?.properties;
    if (!grid) throw new Error('no grid');
    const search = page.locator('.search-box input');
    await search.fill(grid.code);
    await search.press('Enter');
    const card = page.locator(`[data-grid-card="${grid.code}"]`);
    await card.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await card.textContent()).toContain(grid.name);
    const open = await numberMatched(
      server,
      'incidents',
      `filter=${encodeURIComponent(`grid_code='${grid.code}' AND status NOT IN ('closed','rejected','merged')`)}`,
    );
    expect(await card.locator('[data-grid-figure="open"]').textContent()).toBe(String(open));
    await shot('wall-grid-card');
    await card.getByRole('button', { name: /关闭/ }).first().click();
    await card.waitFor({ state: 'detached' });
  });

  it('finds an incident by a part of its address and opens its detail', async () => {
    const { body } = await apiAsAdmin(server, 'ogc/collections/incidents/items?limit=1');
    const incident = (body as { features: { properties: { code: string; address: string } }[] })
      .features[0]?.properties;
    if (!incident) throw new Error('no incident');
    const search = page.locator('.search-box input');
    await search.fill(incident.address);
    const hit = page.locator('[data-search-hit="incident"]', { hasText: incident.code });
    await hit.first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    await hit.first().click();
    const drawer = page.locator(`[data-incident-detail="${incident.code}"]`);
    await drawer.waitFor({ timeout: LIVE_TIMEOUT_MS });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it('opens the card of a camera clicked on the map', async () => {
    const { body } = await apiAsAdmin(
      server,
      'ogc/collections/cameras/items?limit=1&status=online',
    );
    const camera = (
      body as { features: { properties: { code: string }; geometry: { coordinates: number[] } }[] }
    ).features[0];
    if (!camera) throw new Error('no camera');
    const at = camera.geometry.coordinates as [number, number];
    await jumpTo(page, at, 18);
    const point = await screenPointOf(page, at);
    await page.mouse.click(point.x, point.y);
    const card = page.locator(`[data-camera-card="${camera.properties.code}"]`);
    await card.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await card.textContent()).toContain('在线');
    await shot('wall-camera-card');
    await card.getByRole('button', { name: /关闭/ }).first().click();
    await fitDistrict(page);
  });

  it('switches to English and back', async () => {
    await page.locator('.title-bar__lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('.wall__left').textContent()).toMatch(/Grids/);
    await shot('wall-english');
    await page.locator('.title-bar__lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });
});

describe('the page as a whole', () => {
  it('logs no console errors and throws no page errors', () => {
    // Before signing in `me` answers 401; while the server restarted, loads failed.
    const errors = unexpectedConsoleErrors(visit, ['/api/v1/auth/me']).filter(
      (e) => !/ERR_CONNECTION_REFUSED|status of 503|\/api\/v1\/stream/.test(e),
    );
    expect(errors).toEqual([]);
    expect(visit.pageErrors).toEqual([]);
  });
});
