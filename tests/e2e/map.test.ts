import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Counts } from '../../web/server-state/readyz';
import { DARK_PALETTE } from '../../api/styles/palette';
import { MAP_COLORS } from '../../web/map/palette';
import {
  isLocalUrl,
  launchChromium,
  openRecordedPage,
  pathOf,
  type RecordedPage,
  unexpectedConsoleErrors,
  waitForSelectorOrExplain,
} from './support/browser';
import { logInWithKey } from './support/login';
import { hexToRgb, measurePixels, type PixelStats } from './support/pixels';
import { startServer, type TestServer } from './support/server';

const SCREENSHOT = fileURLToPath(new URL('./screenshots/map.png', import.meta.url));
/** The district is fitted between the wall screen's panels (rem = 16 px at 1080p). */
const MAP_CLIP = { x: 368, y: 112, width: 1104, height: 728 };
const MAP_READY_TIMEOUT_MS = 150_000;

let server: TestServer;
let browser: Browser;
let visit: RecordedPage;
let pixels: PixelStats;
let counts: Counts;
let contentSecurityPolicy: string | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const readyz = (await (await fetch(new URL('readyz', server.url))).json()) as { counts: Counts };
  counts = readyz.counts;
  visit = await openRecordedPage(browser);
  await mkdir(dirname(SCREENSHOT), { recursive: true });
  visit.page.once('response', (response) => {
    contentSecurityPolicy = response.headers()['content-security-policy'];
  });
  await logInWithKey(visit.page, server.url, server.adminKey);
  await waitForSelectorOrExplain(
    visit,
    '[data-map-ready="true"]',
    MAP_READY_TIMEOUT_MS,
    SCREENSHOT.replace(/\.png$/, '-failure.png'),
  );
  await visit.page.locator('[data-figure="grids"][data-value]').waitFor();
  await visit.page.screenshot({ path: SCREENSHOT });
  const mapPng = await visit.page.screenshot({ clip: MAP_CLIP });
  pixels = await measurePixels(browser, mapPng, {
    districtOutline: hexToRgb(DARK_PALETTE.district.line),
    communityOutline: MAP_COLORS.communityOutline,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the map page, once signed in with the bootstrap key', () => {
  it('is titled 一屏 · Yiping and declares zh-CN', async () => {
    expect(await visit.page.title()).toBe('一屏 · Yiping');
    expect(await visit.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('draws a map, not a blank canvas', () => {
    expect(pixels.dominantShare).toBeLessThan(0.9);
    expect(pixels.distinctColours).toBeGreaterThan(8);
  });

  it('draws the district outline with MapLibre, from the server style', () => {
    expect(pixels.matches.districtOutline).toBeGreaterThan(500);
  });

  it('draws community outlines with deck.gl inside the MapLibre canvas', async () => {
    expect(pixels.matches.communityOutline).toBeGreaterThan(500);
    expect(await visit.page.locator('canvas').count()).toBe(1);
  });

  it('shows the layer counts /readyz reports as key figures', async () => {
    for (const [figure, key] of [
      ['grids', 'grids'],
      ['camerasTotal', 'cameras'],
      ['servicePoints', 'servicePoints'],
    ] as const) {
      const value = await visit.page
        .locator(`[data-figure="${figure}"]`)
        .getAttribute('data-value');
      expect(value, figure).toBe(String(counts[key]));
    }
  });

  it('shows who is signed in: the bootstrap key is an 管理员 admin', async () => {
    expect(await visit.page.getByTestId('user-role').textContent()).toContain('管理员');
    expect(await visit.page.getByRole('button', { name: /退出/ }).isVisible()).toBe(true);
  });

  it('asks for map data only after signing in', () => {
    const login = visit.responses.find(
      (r) => pathOf(r.url) === '/api/v1/auth/login' && r.status === 200,
    );
    const ogc = visit.responses.filter((r) => pathOf(r.url).startsWith('/ogc'));
    expect(login).toBeDefined();
    expect(ogc.length).toBeGreaterThan(0);
    expect(ogc.filter((r) => r.seq < (login?.seq ?? 0))).toEqual([]);
    expect(ogc.map((r) => r.status)).toEqual(ogc.map(() => 200));
    const styleAndTiles = visit.responses.filter((r) => /^\/(styles|tiles)\//.test(pathOf(r.url)));
    expect(styleAndTiles.length).toBeGreaterThan(0);
    expect(styleAndTiles.filter((r) => r.seq < (login?.seq ?? 0))).toEqual([]);
    expect(styleAndTiles.filter((r) => r.status >= 400)).toEqual([]);
  });

  it('is served with a strict Content-Security-Policy', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("connect-src 'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });

  it('logs no console errors, violates no CSP and throws no page errors', () => {
    // Before signing in, /api/v1/auth/me answers 401 and Chromium logs that load as an error.
    expect(unexpectedConsoleErrors(visit, ['/api/v1/auth/me'])).toEqual([]);
    expect(visit.cspViolations).toEqual([]);
    expect(visit.pageErrors).toEqual([]);
  });

  it('requests nothing outside 127.0.0.1', () => {
    expect(visit.requests.length).toBeGreaterThan(0);
    expect(visit.requests.filter((url) => !isLocalUrl(url))).toEqual([]);
  });
});

describe('while the server is starting', () => {
  it('shows 正在准备数据… and shows the figures once /readyz turns ready', async () => {
    const starting = await openRecordedPage(browser);
    let stillStarting = true;
    let ready = () => {};
    const becameReady = new Promise<void>((resolve) => (ready = resolve));
    await starting.page.route('**/readyz', (route) =>
      stillStarting
        ? route.fulfill({ status: 503, json: { status: 'starting' } })
        : route.continue(),
    );
    // A starting server has no layers to give yet: hold them until it is ready, or the grid
    // count may race the notice (the layers of this test server are long seeded).
    await starting.page.route('**/ogc/collections/**', async (route) => {
      if (stillStarting) await becameReady;
      await route.continue();
    });
    await logInWithKey(starting.page, server.url, server.adminKey);
    await starting.page.getByText('正在准备数据…').waitFor({ timeout: 60_000 });
    stillStarting = false;
    ready();
    await starting.page.locator('[data-figure="grids"][data-value]').waitFor({ timeout: 120_000 });
    expect(starting.pageErrors).toEqual([]);
    await starting.page.context().close();
  });
});
