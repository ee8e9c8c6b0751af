import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coverage } from '../../api/contract/analysis';
import {
  launchChromium,
  openRecordedPage,
  type RecordedPage,
  unexpectedConsoleErrors,
} from './support/browser';
import { logInWithKey } from './support/login';
import {
  createKey,
  overflowingText,
  planningFigure,
  signInToPlanning,
  smallestFontPx,
  waitForFigures,
} from './support/planning';
import { startServer, type TestServer } from './support/server';
import { apiFromPage } from './support/wall';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const WAIT_MS = 60_000;
/** The panels whose text must fit: header, both columns, the map's legend. */
const PANELS = ['.planning-header', '.planning-sidebar', '.planning-tables', '.planning-legend'];

let server: TestServer;
let browser: Browser;
let visit: RecordedPage;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
  visit = await signInToPlanning(browser, server, {
    name: 'wang.planner',
    role: 'planner',
    failureShot: `${SHOTS}planning-failure.png`,
  });
  page = visit.page;
  await waitForFigures(page);
  // A scenario on screen, so the before → after figures are laid out too.
  await page.locator('[data-tab="suggestions"]').click();
  await page.locator('[data-control="k"]').fill('1');
  await page.locator('[data-control="suggest"]').click();
  await page.locator('[data-action="add-suggestion"]').click();
  await page.locator('[data-figure="population-covered-after"]').waitFor({ timeout: WAIT_MS });
  await page.locator('[data-tab="completeness"]').click();
  await waitForFigures(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Resizes, sets the language, waits for the map to settle, checks the layout, takes a shot. */
async function checkLayout(width: number, height: number, lang: 'zh' | 'en') {
  await page.setViewportSize({ width, height });
  const current = await page.evaluate(() => document.documentElement.lang);
  if ((current === 'en') !== (lang === 'en')) await page.locator('.planning-header__lang').click();
  await page.waitForFunction(
    (l) => document.documentElement.lang === l,
    lang === 'en' ? 'en' : 'zh-CN',
  );
  await page.waitForFunction(() => window.yipingMap?.areTilesLoaded() === true);
  await page.screenshot({ path: `${SHOTS}planning-${width}-${lang}.png` });
  for (const panel of PANELS) {
    expect(await overflowingText(page, panel), `${panel} at ${width} ${lang}`).toEqual([]);
    const box = await page.locator(panel).boundingBox();
    expect(box!.x + box!.width, panel).toBeLessThanOrEqual(width + 1);
  }
  expect(
    await smallestFontPx(page, '.planning__table td, .planning__table th'),
  ).toBeGreaterThanOrEqual(12);
  expect(await smallestFontPx(page, '.planning-legend li, .figures__label')).toBeGreaterThanOrEqual(
    12,
  );
}

describe('the planner view on office screens', () => {
  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`fits its text in every panel at ${width}×${height} in ${lang}, tables at 12 px or more`, async () => {
        await checkLayout(width, height, lang);
      });
    }
  }

  it('keeps the figures equal to the API after the language switch', async () => {
    const { body } = await apiFromPage(page, '/api/v1/analysis/coverage?category=elderly_care');
    expect(await planningFigure(page, 'population-covered')).toBe(
      (body as Coverage).population.covered,
    );
    await page.setViewportSize({ width: 1920, height: 1080 });
  });
});

describe('roles without analysis', () => {
  it('see 无权限 at /planning and stay signed in', async () => {
    const key = await createKey(server, 'wall-e2e', 'display');
    const other = await openRecordedPage(browser);
    await logInWithKey(other.page, new URL('planning', server.url).href, key);
    const notice = other.page.getByTestId('no-access');
    await notice.waitFor({ timeout: WAIT_MS });
    expect(await notice.textContent()).toContain('无权限');
    expect(await other.page.locator('.map-view').count()).toBe(0);
    await other.page.screenshot({ path: `${SHOTS}planning-no-access.png` });
    await other.page.context().close();
  });
});

describe('the page as a whole', () => {
  it('logs no console errors and throws no page errors', () => {
    expect(unexpectedConsoleErrors(visit, ['/api/v1/auth/me'])).toEqual([]);
    expect(visit.pageErrors).toEqual([]);
  });
});
