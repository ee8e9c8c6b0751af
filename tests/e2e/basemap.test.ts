import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import gcoord from 'gcoord';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWall, WALL_READY_TIMEOUT_MS, type WallSession } from './support/open-wall';
import { apiFromPage, jumpTo, WALL_READY } from './support/wall';

/**
 * An offline stand-in for a GCJ-02 basemap (a Gaode-like style): one background colour, served
 * by the test itself, so nothing leaves the machine.
 */
const GROUND = '#e9e2cf';
const EXTERNAL_STYLE = {
  version: 8,
  name: 'Test GCJ-02 ground',
  sources: {},
  layers: [{ id: 'test-ground', type: 'background', paint: { 'background-color': GROUND } }],
};

let styleServer: Server;
let wall: WallSession;

beforeAll(async () => {
  styleServer = createServer((request, response) => {
    response.writeHead(request.url === '/style.json' ? 200 : 404, {
      'Content-Type': 'application/json',
    });
    response.end(request.url === '/style.json' ? JSON.stringify(EXTERNAL_STYLE) : '{}');
  });
  await new Promise<void>((resolve) => styleServer.listen(0, '127.0.0.1', resolve));
  const port = (styleServer.address() as AddressInfo).port;
  wall = await openWall({
    name: 'basemap',
    env: {
      BASEMAP_STYLE_URL: `http://127.0.0.1:${port}/style.json`,
      BASEMAP_CRS: 'gcj02',
      BASEMAP_TITLE: '测试底图 Test basemap',
    },
  });
}, WALL_READY_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await wall?.close();
  await new Promise<void>((resolve) => styleServer.close(() => resolve()));
});

/** The loaded map's style id (`yiping:style`), once the style is loaded. */
const styleId = () =>
  wall.page.evaluate(() => {
    const metadata = window.yipingMap?.getStyle().metadata as Record<string, unknown> | undefined;
    return metadata?.['yiping:style'];
  });

/** The codes of deck.gl cameras within 4 px of where `lngLat` is drawn. */
function camerasAt(lngLat: [number, number]): Promise<string[]> {
  return wall.page.evaluate((lngLat) => {
    const map = window.yipingMap!;
    const { x, y } = map.project(lngLat);
    const picked = window.yipingOverlay!.pickObjects({
      x: x - 4,
      y: y - 4,
      width: 8,
      height: 8,
      layerIds: ['deck-cameras'],
    });
    return picked.map((info) => String((info.object as { code?: string } | undefined)?.code));
  }, lngLat);
}

describe('basemap switcher with a GCJ-02 custom style', () => {
  it('offers the custom basemap and draws every camera at its GCJ-02 position on it', async () => {
    const { page } = wall;
    expect(await styleId()).toBe('dark');
    const switcher = page.locator('[data-basemap-switcher]');
    expect(await switcher.locator('option').allTextContents()).toContain('测试底图 Test basemap');
    await switcher.selectOption('custom');
    await page.waitForFunction(
      () =>
        (window.yipingMap?.getStyle().metadata as Record<string, unknown> | undefined)?.[
          'yiping:style'
        ] === 'custom',
      undefined,
      { timeout: WALL_READY_TIMEOUT_MS },
    );
    await page.locator(WALL_READY).waitFor({ timeout: WALL_READY_TIMEOUT_MS });
    const { body } = await apiFromPage(page, '/ogc/collections/cameras/items?limit=1');
    const camera = (
      body as {
        features: { properties: { code: string }; geometry: { coordinates: [number, number] } }[];
      }
    ).features[0]!;
    const wgs = camera.geometry.coordinates;
    const gcj = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
    await jumpTo(page, gcj, 16);
    await wall.shot('basemap-gcj02');
    expect(await camerasAt(gcj)).toContain(camera.properties.code);
    expect(await camerasAt(wgs)).not.toContain(camera.properties.code);
  });

  it('remembers the choice in this browser', async () => {
    const { page } = wall;
    await page.reload();
    await page.locator(WALL_READY).waitFor({ timeout: WALL_READY_TIMEOUT_MS });
    expect(await styleId()).toBe('custom');
    expect(await page.locator('[data-basemap-switcher]').inputValue()).toBe('custom');
  });
});
