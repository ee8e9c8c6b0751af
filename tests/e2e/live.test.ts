import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  openRecordedPage,
  type RecordedPage,
  waitForSelectorOrExplain,
} from './support/browser';
import { logInWithKey } from './support/login';
import { startServer, type TestServer } from './support/server';

const MAP_READY_TIMEOUT_MS = 240_000;

let server: TestServer;
let browser: Browser;
let visit: RecordedPage;

/** Codes of the incidents the map has drawn right now. */
function drawnIncidents(): Promise<string[]> {
  return visit.page.evaluate(() => {
    const map = window.yipingMap;
    if (!map) throw new Error('the map has not loaded');
    return map
      .queryRenderedFeatures({ layers: ['incidents'] })
      .map((feature) => String(feature.properties.code));
  });
}

/** Those of `codes` that the server says were reported after `since`. */
async function reportedAfter(codes: string[], since: Date): Promise<string[]> {
  const later: string[] = [];
  for (const code of codes) {
    const response = await fetch(new URL(`api/v1/incidents/${code}`, server.url), {
      headers: { Authorization: `Bearer ${server.adminKey}` },
    });
    const incident = (await response.json()) as { reportedAt: string };
    if (Date.parse(incident.reportedAt) > since.getTime()) later.push(code);
  }
  return later;
}

beforeAll(async () => {
  server = await startServer({
    YIPING_SIMULATOR: 'on',
    YIPING_SIMULATOR_INCIDENTS_PER_MINUTE: '60',
  });
  browser = await launchChromium();
  visit = await openRecordedPage(browser);
  await logInWithKey(visit.page, server.url, server.adminKey);
  await waitForSelectorOrExplain(
    visit,
    '[data-map-ready="true"]',
    MAP_READY_TIMEOUT_MS,
    fileURLToPath(new URL('./screenshots/live-failure.png', import.meta.url)),
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the map with the simulator on', () => {
  it('draws new incidents as they are reported, without reloading the page', async () => {
    await visit.page.waitForFunction(() => window.yipingMap?.areTilesLoaded() === true);
    const since = new Date();
    const first = new Set(await drawnIncidents());
    let reportedLater: string[] = [];
    for (let attempt = 0; attempt < 60 && reportedLater.length < 2; attempt += 1) {
      await visit.page.waitForTimeout(2000);
      const fresh = (await drawnIncidents()).filter((code) => !first.has(code));
      reportedLater = await reportedAfter(fresh, since);
    }
    expect(reportedLater.length).toBeGreaterThanOrEqual(2);
    const live = await visit.page.evaluate(() => window.yipingLive);
    expect(live?.events).toBeGreaterThan(0);
    expect(live?.reloads).toBeGreaterThan(0);
    expect(visit.page.url()).toBe(server.url);
  });
});
