/**
 * One round in Chromium for each page: a fresh browser context (empty cache), the page opened,
 * milliseconds from navigation start to the first frame drawn with everything in place, then one
 * filter change timed from the input to the second frame after it. Times are read in the page
 * (`performance.now()`), so the driver's round trips stay out of them.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { logInWithKey } from '../../../e2e/support/login';
import { WALL_READY } from '../../../e2e/support/wall';

/** How long a page may take to be ready on a loaded machine: a wait, not a limit. */
const READY_TIMEOUT_MS = 300_000;
const VIEWPORT = { width: 1920, height: 1080 };

/** One page's round. */
export interface PageRound {
  loadMs: number;
  /** The wall: when it said it had its data (`data-wall-ready`), before tiles and points. */
  dataMs: number;
  filterMs: number;
  /** Points in the layer before and after the filter (a check that both pages drew the same). */
  before: number;
  after: number;
}

/**
 * Waits in the page until `ready` (a function's source) holds, then two more frames; returns
 * performance.now() then, and when `milestone` (another function's source) first held.
 * Evaluated as an expression through the driver, which the app's Content-Security-Policy
 * allows (a `new Function` in the page would be refused).
 */
async function drawnAt(page: Page, ready: string, milestone = ready) {
  const expression = `(async () => {
    const isReady = ${ready};
    const reached = ${milestone};
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let milestoneMs = null;
    for (;;) {
      if (milestoneMs === null && reached()) milestoneMs = performance.now();
      if (isReady()) break;
      await frame();
    }
    await frame();
    await frame();
    return { readyMs: performance.now(), milestoneMs: milestoneMs ?? performance.now() };
  })()`;
  return (await page.evaluate(expression)) as { readyMs: number; milestoneMs: number };
}

/** The number of items in the wall's incident point layer (-1 when missing). */
const WALL_POINTS = `() => {
  const overlay = window.yipingOverlay;
  const layers = overlay?._deck?.props?.layers?.flat(Infinity) ?? [];
  const layer = layers.find((l) => l.id === 'deck-incidents');
  return layer ? (layer.props.data?.length ?? 0) : -1;
}`;

const WALL_HAS_DATA = `() => document.querySelector(${JSON.stringify(WALL_READY)}) !== null`;

const WALL_IS_READY = `() =>
  (${WALL_HAS_DATA})() &&
  window.yipingMap?.areTilesLoaded() === true &&
  (${WALL_POINTS})() > 0`;

async function withContext<T>(
  browser: Browser,
  storageState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined,
  work: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ viewport: VIEWPORT, storageState });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(READY_TIMEOUT_MS);
    return await work(page);
  } finally {
    await context.close();
  }
}

/** Signs in once with the API key; the session (a cookie) then opens the wall in every round. */
export async function wallSession(browser: Browser, origin: string, key: string) {
  return withContext(browser, undefined, async (page) => {
    await logInWithKey(page, `${origin}/`, key);
    return page.context().storageState();
  });
}

/** The wall screen: load to first full render, then the status filter set to 未办结 (open). */
export async function wallRound(
  browser: Browser,
  origin: string,
  session: Awaited<ReturnType<typeof wallSession>>,
): Promise<PageRound> {
  return withContext(browser, session, async (page) => {
    await page.goto(`${origin}/`);
    const drawn = await drawnAt(page, WALL_IS_READY, WALL_HAS_DATA);
    const before = await page.evaluate(`(${WALL_POINTS})()`);
    const filterMs = await page.evaluate(async () => {
      const button = document.querySelectorAll('[data-filter="status"] button')[1];
      if (!(button instanceof HTMLButtonElement)) throw new Error('no status filter on the wall');
      const start = performance.now();
      button.click();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - start;
    });
    const after = await page.evaluate(`(${WALL_POINTS})()`);
    const [loadMs, dataMs] = [drawn.readyMs, drawn.milestoneMs];
    return { loadMs, dataMs, filterMs, before: before as number, after: after as number };
  });
}

/** The bare deck.gl page: load to first render, then only the open points drawn. */
export async function bareRound(browser: Browser, origin: string): Promise<PageRound> {
  return withContext(browser, undefined, async (page) => {
    await page.goto(`${origin}/`);
    const { readyMs: loadMs } = await drawnAt(page, '() => window.bareReady === true');
    const before = await page.evaluate(() => window.bareFilter!('all'));
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const { filterMs, after } = await page.evaluate(async () => {
      const start = performance.now();
      const shown = window.bareFilter!('open');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { filterMs: performance.now() - start, after: shown };
    });
    return { loadMs, dataMs: loadMs, filterMs, before, after };
  });
}
