import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Completeness } from '../../api/contract/analysis';
import { type RecordedPage, unexpectedConsoleErrors } from './support/browser';
import { openWall, SHOTS, type WallSession } from './support/open-wall';
import { createKey } from './support/planning';
import { apiFromPage, deckLayer, pickedCount } from './support/wall';

const WAIT_MS = 60_000;

let wall: WallSession;
let visit: RecordedPage;
let page: Page;

const lifeCircleFigure = async () =>
  Number(await page.locator('[data-figure="lifeCircle"]').getAttribute('data-value'));
const completeness = async (area?: string) => {
  const query = area ? `&area=${area}` : '';
  const { status, body } = await apiFromPage(
    page,
    `/api/v1/analysis/completeness?circle=all${query}`,
  );
  expect(status).toBe(200);
  return body as Completeness;
};

beforeAll(async () => {
  // A wall screen's own key: the display role reads layers, not analyses.
  wall = await openWall({
    name: 'wall-life-circle',
    keyFor: (server) => createKey(server, 'wall-life-circle', 'display'),
  });
  ({ visit, page } = wall);
  await page.locator('[data-figure="lifeCircle"][data-value]').waitFor({ timeout: WAIT_MS });
});

afterAll(() => wall?.close());

describe('the wall’s 15-minute life circle', () => {
  it('shows the share the API reports for the whole scope', async () => {
    expect(await page.locator('.key-figures').textContent()).toContain('15 分钟生活圈覆盖率');
    expect(await lifeCircleFigure()).toBe((await completeness()).share);
  });

  it('follows the area filter, equal to the API for that community', async () => {
    const area = page.locator('[data-filter="area"]');
    const community = await area.locator('option').nth(2).getAttribute('value');
    if (!community) throw new Error('no community to choose');
    await area.selectOption(community);
    const expected = (await completeness(community)).share;
    await expect.poll(lifeCircleFigure, { timeout: WAIT_MS }).toBe(expected);
    await area.selectOption('');
    await expect.poll(lifeCircleFigure, { timeout: WAIT_MS }).toBe((await completeness()).share);
  });
});

describe('the walking-reach layer', () => {
  it('is off at start, then draws every building of the chosen category by walking distance', async () => {
    expect(await deckLayer(page, 'deck-walking-reach')).toMatchObject({
      visible: false,
      length: 0,
    });
    await page.locator('[role="switch"][data-layer="walkingReach"]').click();
    await page.locator('[data-control="reach-category"]').selectOption('supermarket');
    await page.locator('[data-reach-status="ready"]').waitFor({ timeout: WAIT_MS });
    const { body } = await apiFromPage(
      page,
      '/api/v1/analysis/coverage/buildings?category=supermarket&distance=500',
    );
    const count = (body as { features: unknown[] }).features.length;
    await expect
      .poll(() => deckLayer(page, 'deck-walking-reach'))
      .toMatchObject({
        visible: true,
        length: count,
      });
    expect(await pickedCount(page, 'deck-walking-reach')).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}wall-walking-reach.png` });
  });

  it('is gone again when switched off', async () => {
    await page.locator('[role="switch"][data-layer="walkingReach"]').click();
    await expect
      .poll(() => deckLayer(page, 'deck-walking-reach'))
      .toMatchObject({ visible: false });
  });

  it('logs no console errors', () => {
    expect(unexpectedConsoleErrors(visit, ['/api/v1/auth/me'])).toEqual([]);
    expect(visit.pageErrors).toEqual([]);
  });
});
