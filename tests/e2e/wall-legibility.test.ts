import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import {
  hiddenLayerRows,
  measureWallText,
  readMapSizes,
  type WallTextReport,
} from './support/legibility';
import { submitApiKey, USER_BADGE, LOGIN_PAGE } from './support/login';
import { startServer, type TestServer } from './support/server';
import { jumpTo, WALL_READY } from './support/wall';

/** Operators look at these screenshots: every size, language and mode. */
const SHOTS = '/tmp/shots/legible/';
const WAIT_MS = 240_000;
/** A 4K page in software WebGL on a shared 2-core machine takes minutes to load and redraw. */
const TEST_MS = 480_000;
/** A full-HD screen, a 4K screen, and three full-HD screens spliced side by side. */
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 5760, height: 1080 },
] as const;
const LANGS = ['zh', 'en'] as const;
const MODES = ['interactive', 'kiosk'] as const;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A signed-in browser context with this window size. */
async function signedIn(size: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator(LOGIN_PAGE).waitFor({ timeout: 60_000 });
  await submitApiKey(page, server.adminKey);
  await page.locator(USER_BADGE).waitFor({ timeout: 60_000 });
  await page.close();
  return context;
}

/** Opens the wall with these options and waits until it is drawn with its tiles. */
async function openWall(context: BrowserContext, query: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}${query}`);
  await page.locator(WALL_READY).waitFor({ state: 'attached', timeout: WAIT_MS });
  await page.waitForFunction(() => window.yipingMap?.areTilesLoaded() === true, null, {
    timeout: WAIT_MS,
  });
  // Web fonts and the feed's first countdown settle within a frame or two.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

/** Faults as lines a reader can act on. */
const lines = (faults: { text: string; where: string; detail: string }[]) =>
  faults.map((f) => `${f.where}: "${f.text}" ${f.detail}`);

/** Each kind of fault reported on its own (soft), so one run shows them all. */
function expectLegible(report: WallTextReport): void {
  expect(report.texts).toBeGreaterThan(30);
  expect.soft(lines(report.small), `text under 1 rem (${report.rem.toFixed(1)} px)`).toEqual([]);
  expect.soft(report.smallestPx).toBeGreaterThanOrEqual(report.rem - 0.05);
  expect.soft(lines(report.clipped), 'text cut by its box').toEqual([]);
  expect.soft(lines(report.truncated), 'text wider than its box').toEqual([]);
  expect.soft(report.offscreen, 'panels outside the window').toEqual([]);
}

/** Opens each layer's legend in turn; returns the rows or texts that did not fit. */
async function foldEachLegend(page: Page): Promise<string[]> {
  const toggles = page.locator('[data-legend-toggle]');
  const faults: string[] = [];
  for (let i = 0; i < (await toggles.count()); i += 1) {
    const toggle = toggles.nth(i);
    const layer = await toggle.getAttribute('data-legend-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    faults.push(...(await hiddenLayerRows(page)).map((row) => `${layer} open: ${row}`));
    const report = await measureWallText(page);
    faults.push(...lines([...report.clipped, ...report.truncated]).map((l) => `${layer}: ${l}`));
  }
  return faults;
}

for (const size of SIZES) {
  describe(`the wall at ${size.width}×${size.height}`, () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await signedIn(size);
    });
    afterAll(async () => {
      await context?.close();
    });

    for (const lang of LANGS) {
      for (const mode of MODES) {
        it(
          `${lang}, ${mode}: every panel text at 1 rem or more, whole, inside its box`,
          async () => {
            const query = `?lang=${lang}${mode === 'kiosk' ? '&kiosk=1' : ''}`;
            const page = await openWall(context, query);
            const shot = `${SHOTS}${size.width}x${size.height}-${lang}-${mode}.png`;
            await page.screenshot({ path: shot });
            expectLegible(await measureWallText(page));
            if (mode === 'interactive') {
              expect.soft(await hiddenLayerRows(page), 'layer rows not wholly shown').toEqual([]);
              expect.soft(await foldEachLegend(page), 'legends that do not fit').toEqual([]);
            } else {
              expect(await page.locator('.layer-panel').count()).toBe(0);
            }
            await page.close();
          },
          TEST_MS,
        );
      }
    }
  });
}

describe('the map drawn at the height of the screen', () => {
  it(
    'scales labels, roads and deck.gl symbols with the window height, like the panels',
    async () => {
      const context = await signedIn(SIZES[0]);
      const page = await openWall(context, '');
      const center = await page.evaluate(() => window.yipingMap!.getCenter().toArray());
      const at = async (size: { width: number; height: number }) => {
        await page.setViewportSize(size);
        await page.waitForFunction((h) => window.innerHeight === h, size.height);
        // The same view of the district: a 2160-line window shows it one zoom level later.
        await jumpTo(page, center as [number, number], 14 + Math.log2(size.height / 1080));
        await expect
          .poll(async () => (await readMapSizes(page)).gridCodePx)
          .toBe(16 * Math.max(1, size.height / 1080));
        return readMapSizes(page);
      };
      const hd = await at(SIZES[0]);
      const uhd = await at(SIZES[1]);
      const wide = await at(SIZES[2]);
      await page.screenshot({ path: `${SHOTS}map-scale-5760x1080.png` });
      await context.close();

      expect(hd.streetLabelPx).toEqual(hd.styleStreetLabelPx);
      expect(hd.streetLabelPx.every((px) => px >= 16)).toBe(true);
      expect(uhd.streetLabelPx).toEqual(hd.styleStreetLabelPx.map((px) => 2 * px));
      expect(uhd.arterialPx).toEqual(hd.styleArterialPx.map((px) => 2 * px));
      expect(wide.streetLabelPx).toEqual(hd.streetLabelPx);
      expect(uhd.gridCodePx).toBe(2 * hd.gridCodePx);
      for (const [layer, size] of Object.entries(hd.deck)) {
        expect(size, layer).toBeGreaterThan(0);
        expect(uhd.deck[layer], layer).toBeCloseTo(2 * size, 6);
        expect(wide.deck[layer], layer).toBeCloseTo(size, 6);
      }
    },
    TEST_MS,
  );
});
