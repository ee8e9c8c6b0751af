import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAMERA_STATUSES, GRID_KINDS, ROAD_CLASSES } from '../../api/contract/codes';
import { OPEN_STATUSES } from '../../api/contract/statuses';
import { LAYER_IDS } from '../../api/contract/style-layer-ids';
import { DARK_PALETTE } from '../../api/styles/palette';
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
import { hexToRgb, measurePixels } from './support/pixels';
import { loadedStyle, renderedLayers, type RenderedLayer } from './support/rendered-features';
import { startServer, type TestServer } from './support/server';
import { DECK_DRAWN_STYLE_LAYERS } from '../../web/map/deck-drawn-layers';

const SCREENSHOT = fileURLToPath(new URL('./screenshots/style-dark.png', import.meta.url));
const MAP_READY_TIMEOUT_MS = 240_000;

const ROAD_LAYERS = Object.values(LAYER_IDS.roads);
const QUERIED = [
  LAYER_IDS.gridsFill,
  LAYER_IDS.gridsLine,
  LAYER_IDS.cameras,
  LAYER_IDS.servicePoints,
  LAYER_IDS.members,
  LAYER_IDS.incidents,
  LAYER_IDS.water,
  LAYER_IDS.streetLine,
  LAYER_IDS.streetLabels,
  LAYER_IDS.communityLabels,
  ...ROAD_LAYERS,
];

let server: TestServer;
let browser: Browser;
let visit: RecordedPage;
let style: Awaited<ReturnType<typeof loadedStyle>>;
let rendered: Record<string, RenderedLayer>;
let labelTextPixels = 0;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  visit = await openRecordedPage(browser);
  await mkdir(dirname(SCREENSHOT), { recursive: true });
  await logInWithKey(visit.page, server.url, server.adminKey);
  await waitForSelectorOrExplain(
    visit,
    '[data-map-ready="true"]',
    MAP_READY_TIMEOUT_MS,
    SCREENSHOT.replace(/\.png$/, '-failure.png'),
  );
  // The wall screen draws these with deck.gl and hides the style's own; this test is about
  // the style, so it shows them again.
  await visit.page.evaluate(
    (ids) =>
      new Promise<void>((resolve) => {
        const map = window.yipingMap;
        if (!map) throw new Error('no map on the page');
        for (const id of ids) map.setLayoutProperty(id, 'visibility', 'visible');
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
    DECK_DRAWN_STYLE_LAYERS,
  );
  await visit.page.screenshot({ path: SCREENSHOT });
  style = await loadedStyle(visit.page);
  rendered = await renderedLayers(visit.page, QUERIED);
  const label = rendered[LAYER_IDS.streetLabels]?.firstPoint;
  if (label) {
    // The placed street name: its glyphs, drawn locally, in the label colour.
    const clip = {
      x: Math.max(0, label[0] - 120),
      y: Math.max(0, label[1] - 30),
      width: 240,
      height: 60,
    };
    const png = await visit.page.screenshot({ clip });
    const stats = await measurePixels(browser, png, {
      text: hexToRgb(DARK_PALETTE.streetLabel.text),
    });
    labelTextPixels = stats.matches.text ?? 0;
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const count = (id: string) => rendered[id]?.count ?? 0;

describe('the map page in the server dark style', () => {
  it('loads /styles/dark.json from our server: no glyphs, no sprite', () => {
    const answer = visit.responses.find((r) => pathOf(r.url) === '/styles/dark.json');
    expect(answer?.status).toBe(200);
    expect(style.name).toMatch(/dark/);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.sources).toEqual(expect.arrayContaining(['basemap', 'grids', 'cameras']));
  });

  it('renders grid features from our grid tiles, with catalog properties', () => {
    expect(count(LAYER_IDS.gridsFill)).toBeGreaterThan(10);
    expect(count(LAYER_IDS.gridsLine)).toBeGreaterThan(10);
    const grid = rendered[LAYER_IDS.gridsFill];
    expect(grid?.sourceLayer).toBe('grids');
    for (const properties of grid?.properties ?? []) {
      expect(String(properties.code)).toMatch(/^\d{15}$/);
      expect(GRID_KINDS).toContain(properties.kind);
    }
  });

  it('renders camera features from our camera tiles, each with a known status', () => {
    expect(count(LAYER_IDS.cameras)).toBeGreaterThan(10);
    expect(rendered[LAYER_IDS.cameras]?.sourceLayer).toBe('cameras');
    for (const properties of rendered[LAYER_IDS.cameras]?.properties ?? []) {
      expect(CAMERA_STATUSES).toContain(properties.status);
    }
  });

  it('renders service points, grid members and (for an admin) open incidents too', () => {
    expect(count(LAYER_IDS.servicePoints)).toBeGreaterThan(0);
    expect(count(LAYER_IDS.members)).toBeGreaterThan(0);
    expect(count(LAYER_IDS.incidents)).toBeGreaterThan(0);
    for (const properties of rendered[LAYER_IDS.incidents]?.properties ?? []) {
      expect(OPEN_STATUSES).toContain(properties.status);
    }
  });

  it('renders the basemap: roads by class, water, street boundaries', () => {
    const roads = ROAD_LAYERS.reduce((sum, id) => sum + count(id), 0);
    expect(roads).toBeGreaterThan(10);
    expect(count(LAYER_IDS.roads.arterial)).toBeGreaterThan(0);
    for (const id of ROAD_LAYERS) {
      for (const properties of rendered[id]?.properties ?? []) {
        expect(ROAD_CLASSES).toContain(properties.class);
      }
    }
    expect(rendered[LAYER_IDS.roads.arterial]?.sourceLayer).toBe('roads');
    expect(count(LAYER_IDS.water)).toBeGreaterThan(0);
    expect(count(LAYER_IDS.streetLine)).toBeGreaterThan(0);
  });

  it('places Chinese labels with local fonts and draws their glyphs', () => {
    expect(count(LAYER_IDS.streetLabels)).toBeGreaterThan(0);
    expect(String(rendered[LAYER_IDS.streetLabels]?.properties[0]?.name)).toMatch(
      /\p{Script=Han}/u,
    );
    expect(count(LAYER_IDS.communityLabels)).toBeGreaterThan(0);
    expect(labelTextPixels).toBeGreaterThan(30);
  });

  it('fetched every tile and TileJSON it asked for', () => {
    const tiles = visit.responses.filter((r) => pathOf(r.url).startsWith('/tiles/'));
    expect(tiles.some((r) => pathOf(r.url) === '/tiles/basemap.json')).toBe(true);
    expect(tiles.some((r) => /^\/tiles\/grids\/\d+\/\d+\/\d+\.mvt$/.test(pathOf(r.url)))).toBe(
      true,
    );
    expect(tiles.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.url}`)).toEqual([]);
  });

  it('requests nothing outside 127.0.0.1', () => {
    expect(visit.requests.length).toBeGreaterThan(0);
    expect(visit.requests.filter((url) => !isLocalUrl(url))).toEqual([]);
  });

  it('logs no console errors, violates no CSP and throws no page errors', () => {
    expect(unexpectedConsoleErrors(visit, ['/api/v1/auth/me'])).toEqual([]);
    expect(visit.cspViolations).toEqual([]);
    expect(visit.pageErrors).toEqual([]);
  });
});
