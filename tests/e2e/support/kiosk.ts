import type { Page } from 'playwright-core';

/** A box on screen in CSS px. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The map's free area as the operator sees it: below the title bar, above the charts strip,
 * between the left and right columns, measured from the panels on the page.
 */
export async function freeArea(page: Page): Promise<Box> {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`no ${selector} on the page`);
      return element.getBoundingClientRect();
    };
    return {
      left: box('.wall__left').right,
      top: box('.wall__title').bottom,
      right: box('.wall__right').left,
      bottom: box('.wall__charts').top,
    };
  });
}

/** The middle half of a box (a quarter trimmed off each side, each way). */
export function centralHalf(area: Box): Box {
  const w = (area.right - area.left) / 4;
  const h = (area.bottom - area.top) / 4;
  return { left: area.left + w, top: area.top + h, right: area.right - w, bottom: area.bottom - h };
}

/** Whether two boxes share any area. */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Where a `[west, south, east, north]` box of the map lies on screen now, in CSS px. */
export async function projectedBox(
  page: Page,
  [west, south, east, north]: [number, number, number, number],
): Promise<Box> {
  return page.evaluate(
    ({ west, south, east, north }) => {
      const map = window.yipingMap;
      if (!map) throw new Error('no map on the page');
      const offset = map.getContainer().getBoundingClientRect();
      const nw = map.project([west, north]);
      const se = map.project([east, south]);
      return {
        left: offset.left + nw.x,
        top: offset.top + nw.y,
        right: offset.left + se.x,
        bottom: offset.top + se.y,
      };
    },
    { west, south, east, north },
  );
}

/** A step the kiosk showed, as the page recorded it. */
export interface KioskStep {
  step: number;
  view: string;
}

/** Starts recording, in the page, every step the kiosk tour shows from now on. */
export async function recordKioskSteps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const steps: { step: number; view: string }[] = [];
    (window as unknown as { kioskSteps: typeof steps }).kioskSteps = steps;
    setInterval(() => {
      const kiosk = window.yipingKiosk;
      if (!kiosk || steps.at(-1)?.step === kiosk.step) return;
      const { view } = kiosk;
      steps.push({
        step: kiosk.step,
        view: view.kind === 'stop' ? `stop ${view.stop}` : `visit ${view.code}`,
      });
    }, 100);
  });
}

/** The steps recorded since {@link recordKioskSteps}. */
export async function kioskSteps(page: Page): Promise<KioskStep[]> {
  return page.evaluate(() => (window as unknown as { kioskSteps: KioskStep[] }).kioskSteps);
}
