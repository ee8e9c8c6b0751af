import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bbox as turfBbox } from '@turf/turf';
import type { Feature, MultiPolygon } from 'geojson';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openRecordedPage, waitForSelectorOrExplain } from './support/browser';
import { apiAsAdmin } from './support/district-api';
import { logInWithKey } from './support/login';
import { syntheticIncidentPage } from './support/many-incidents';
import { startServer, type TestServer } from './support/server';
import { deckLayer, WALL_READY } from './support/wall';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
/** The scale the issue asks about, and a baseline measured in the same run for a ratio. */
const SIZES = [1_000, 100_000] as const;

let server: TestServer;
let browser: Browser;
let bbox: [number, number, number, number];

interface Measurement {
  incidents: number;
  mapped: number;
  openExpected: number;
  mappedOpen: number;
  /** Main-thread time from the filter click to the second frame after it (ms). */
  updateMs: number;
  /** Of which in long tasks (over 50 ms), as the browser reports them. */
  longTaskMs: number;
}

/** Opens the wall screen with `count` synthetic incidents and times one filter change. */
async function measure(count: number): Promise<Measurement> {
  const { json, open } = syntheticIncidentPage(count, bbox, Date.now());
  const visit = await openRecordedPage(browser);
  const { page } = visit;
  await page.route('**/ogc/collections/incidents/items?**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/geo+json', body: json }),
  );
  await logInWithKey(page, server.url, server.adminKey);
  await waitForSelectorOrExplain(visit, WALL_READY, 240_000, `${SHOTS}scale-failure.png`);
  const mapped = async () => (await deckLayer(page, 'deck-incidents'))?.length ?? -1;
  await page.waitForFunction(() => window.yipingMap?.areTilesLoaded() === true);
  const before = await mapped();
  const timing = await page.evaluate(async () => {
    const long: number[] = [];
    const observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => long.push(e.duration)),
    );
    observer.observe({ type: 'longtask' });
    const button = [...document.querySelectorAll('[data-filter="status"] button')][1];
    const start = performance.now();
    (button as HTMLButtonElement).click();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const updateMs = performance.now() - start;
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return { updateMs, longTaskMs: long.reduce((a, b) => a + b, 0) };
  });
  const after = await mapped();
  if (count === SIZES[SIZES.length - 1]) await page.screenshot({ path: `${SHOTS}wall-100k.png` });
  await page.context().close();
  return { incidents: count, mapped: before, openExpected: open, mappedOpen: after, ...timing };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
  const { body } = await apiAsAdmin(server, 'ogc/collections/admin-areas/items?level=district');
  const district = (body as { features: Feature<MultiPolygon>[] }).features[0];
  if (!district) throw new Error('no district in admin-areas');
  bbox = turfBbox(district) as [number, number, number, number];
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the wall screen with 100,000 incidents', () => {
  it('maps them all, filters them, and records the main-thread time of the layer update', async () => {
    const results: Measurement[] = [];
    for (const size of SIZES) results.push(await measure(size));
    for (const r of results) {
      expect(r.mapped).toBe(r.incidents);
      expect(r.mappedOpen).toBe(r.openExpected);
    }
    const [base, big] = results as [Measurement, Measurement];
    const report = {
      measuredAt: new Date().toISOString(),
      results,
      ratio: big.updateMs / base.updateMs,
    };
    await writeFile(`${SHOTS}wall-scale.json`, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wall-scale: ${JSON.stringify(report)}`);
  });
});
