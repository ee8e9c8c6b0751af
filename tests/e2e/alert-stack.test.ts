import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointInGrid, reportIncident } from './support/district-api';
import { centralHalf, freeArea, overlaps } from './support/kiosk';
import { openWall, SHOTS, type WallSession } from './support/open-wall';
import type { TestServer } from './support/server';

const ALERT_TIMEOUT = 60_000;

let wall: WallSession;
let server: TestServer;
let page: Page;

/** Reports `count` high-severity incidents, each raising an alert on the wall. */
async function raiseAlerts(count: number, from: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await reportIncident(server, await pointInGrid(server, from + i), {
      category: 'public_facility',
      severity: 'high',
      description: '浏览器测试：消防栓漏水',
    });
  }
}

/** The alert stack's box on screen, and whether it lies clear of the middle of the map. */
async function stackClearOfMiddle(): Promise<boolean> {
  const box = await page.locator('.alert-banner').boundingBox();
  if (!box) throw new Error('no alert stack on the page');
  const stack = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
  return !overlaps(stack, centralHalf(await freeArea(page)));
}

beforeAll(async () => {
  wall = await openWall({ name: 'alert-stack' });
  ({ server, page } = wall);
});

afterAll(() => wall?.close());

describe('the alert stack on an attended wall', () => {
  it('shows two alerts and counts the rest, clear of the middle of the map at 1080p', async () => {
    await raiseAlerts(5, 2);
    const stack = page.locator('.alert-banner');
    await expect
      .poll(() => stack.getAttribute('data-alert-count'), { timeout: ALERT_TIMEOUT })
      .toBe('5');
    expect(await page.locator('.alert-banner__card').count()).toBe(2);
    expect(await page.locator('.alert-banner__more').textContent()).toBe('另有 3 条');
    expect(await stackClearOfMiddle()).toBe(true);
    await page.screenshot({ path: `${SHOTS}alert-stack-1080.png` });
  });

  it('lets the operator dismiss an alert, and the count follows', async () => {
    await page.locator('.alert-banner__dismiss').first().click();
    await expect
      .poll(() => page.locator('.alert-banner').getAttribute('data-alert-count'))
      .toBe('4');
    expect(await page.locator('.alert-banner__more').textContent()).toBe('另有 2 条');
  });

  it('stays clear of the middle at 3840×2160, in English too', async () => {
    await page.setViewportSize({ width: 3840, height: 2160 });
    await page.waitForFunction(() => window.innerHeight === 2160);
    await page.getByRole('button', { name: /Switch language/ }).click();
    await expect.poll(() => page.locator('.alert-banner__more').textContent()).toBe('2 more');
    expect(await stackClearOfMiddle()).toBe(true);
    const font = await page
      .locator('.alert-banner__kind')
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(font).toBeGreaterThanOrEqual(32);
    await page.screenshot({ path: `${SHOTS}alert-stack-2160-en.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
  });
});
