import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordedPage, unexpectedConsoleErrors } from './support/browser';
import { apiAsAdmin, numberMatched, pointInGrid, reportIncident } from './support/district-api';
import { openWall, type WallSession } from './support/open-wall';
import type { TestServer } from './support/server';
import { fitDistrict } from './support/wall';

/** A wait, not a limit: four helpers share two cores, and SwiftShader then draws below 1 fps. */
const LIVE_TIMEOUT_MS = 120_000;

let wall: WallSession;
let server: TestServer;
let visit: RecordedPage;
let page: Page;

const shot = (name: string) => wall.shot(`figures-${name}`);
const figure = async (name: string) =>
  Number(await page.locator(`[data-figure="${name}"]`).getAttribute('data-value'));

interface MemberItem {
  geometry: unknown;
  properties: { id: string; name: string; grid_codes: string[] };
}

/** Every member as the OGC members collection gives them, with their assigned grids. */
async function members(): Promise<MemberItem[]> {
  const { body } = await apiAsAdmin(
    server,
    'ogc/collections/members/items?limit=10000&properties=id,name,grid_codes',
  );
  const collection = body as { features: MemberItem[]; numberMatched: number };
  expect(collection.features.length).toBe(collection.numberMatched);
  return collection.features;
}

beforeAll(async () => {
  wall = await openWall({ name: 'figures' });
  ({ server, visit, page } = wall);
});

afterAll(() => wall?.close());

describe('the key figures', () => {
  it('read on duty as "on duty / all members", every member counted', async () => {
    const all = await numberMatched(server, 'members');
    const onDuty = await numberMatched(server, 'members', 'on_duty=true');
    const positioned = (await members()).filter((m) => m.geometry !== null).length;
    // The district has members who never reported a position: they count all the same.
    expect(positioned).toBeLessThan(all);
    expect(await figure('membersTotal')).toBe(all);
    expect(await figure('membersOnDuty')).toBe(onDuty);
    await shot('key-figures');
  });
});

describe('a grid card', () => {
  it("shows the grid's leader and the members assigned to that grid, as the API has them", async () => {
    const everyone = await members();
    const { body } = await apiAsAdmin(
      server,
      'ogc/collections/grids/items?limit=10000&properties=code,name,leader_id',
    );
    const grids = (body as { features: { properties: { code: string; leader_id: string } }[] })
      .features;
    // A grid whose leader never reported a position: the case the wall used to show as unset.
    const grid = grids.find((g) =>
      everyone.some((m) => m.properties.id === g.properties.leader_id && m.geometry === null),
    )?.properties;
    expect(grid, 'a grid led by a member without a position').toBeDefined();
    const leader = everyone.find((m) => m.properties.id === grid!.leader_id)!;
    const assigned = everyone
      .filter((m) => m.properties.grid_codes.includes(grid!.code))
      .map((m) => m.properties.id)
      .sort();
    expect(assigned.length).toBeGreaterThan(0);

    const search = page.locator('.search-box input');
    await search.fill(grid!.code);
    // Pick the hit itself: on a loaded machine Enter can come before the list is shown.
    const hit = page.locator('[data-search-hit="grid"]', { hasText: grid!.code });
    await hit.first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    await hit.first().click();
    const card = page.locator(`[data-grid-card="${grid!.code}"]`);
    await card.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await card.locator('[data-grid-figure="leader"]').textContent()).toBe(
      leader.properties.name,
    );
    const listed = await card
      .locator('[data-member]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-member') ?? ''));
    expect([...listed].sort()).toEqual(assigned);
    await shot('grid-card');
    await card.getByRole('button', { name: /关闭/ }).first().click();
    await card.waitFor({ state: 'detached' });
  });
});

describe('an incident reported without an address', () => {
  let code: string;
  let location: [number, number];

  beforeAll(async () => {
    await fitDistrict(page);
    location = await pointInGrid(server, 7);
    code = await reportIncident(server, location, {
      category: 'city_appearance',
      severity: 'high',
      description: '浏览器测试：人行道积水',
    });
  });

  it('is flown to when its row in the feed is clicked', async () => {
    const row = page.locator(`.incident-feed [data-incident-code="${code}"]`);
    await row.waitFor({ timeout: LIVE_TIMEOUT_MS });
    const before = await page.evaluate(() => window.yipingMap!.getCenter().toArray());
    expect(Math.hypot(before[0]! - location[0], before[1]! - location[1])).toBeGreaterThan(0.001);
    await row.click();
    // The flight puts the incident in the middle of the free area between the panels.
    await page.waitForFunction(
      ([lng, lat]) => {
        const map = window.yipingMap!;
        if (map.isMoving()) return false;
        const edge = (selector: string) =>
          document.querySelector(selector)!.getBoundingClientRect();
        const middle = {
          x: (edge('.wall__left').right + edge('.wall__right').left) / 2,
          y: (edge('.wall__title').bottom + edge('.wall__charts').top) / 2,
        };
        const box = map.getContainer().getBoundingClientRect();
        const point = map.project([lng!, lat!]);
        return Math.hypot(box.left + point.x - middle.x, box.top + point.y - middle.y) < 4;
      },
      location,
      { timeout: LIVE_TIMEOUT_MS, polling: 250 },
    );
    await page.locator(`[data-incident-detail="${code}"]`).waitFor({ timeout: LIVE_TIMEOUT_MS });
  });

  it('shows the address the database wrote and the grid, community and street by name', async () => {
    const drawer = page.locator(`[data-incident-detail="${code}"]`);
    const { body } = await apiAsAdmin(server, `api/v1/incidents/${code}`);
    const incident = body as {
      address: string;
      gridCode: string;
      communityCode: string;
      streetCode: string;
    };
    expect(incident.address).not.toBe('');
    const address = drawer.locator('[data-incident-place="address"]');
    await address.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await address.textContent()).toBe(incident.address);
    const grid = await apiAsAdmin(server, `ogc/collections/grids/items/${incident.gridCode}`);
    const names = new Map([
      ['grid', (grid.body as { properties: { name: string } }).properties.name],
    ]);
    for (const level of ['community', 'street'] as const) {
      const code = level === 'community' ? incident.communityCode : incident.streetCode;
      const area = await apiAsAdmin(server, `ogc/collections/admin-areas/items/${code}`);
      names.set(level, (area.body as { properties: { name: string } }).properties.name);
    }
    for (const [field, name] of names) {
      const shown = drawer.locator(`[data-incident-place="${field}"] [data-place-name]`);
      await expect.poll(() => shown.textContent(), { timeout: LIVE_TIMEOUT_MS }).toBe(name);
    }
    expect(await drawer.textContent()).toContain(incident.gridCode);
    await shot('incident-detail');
    await page.locator('.title-bar__lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await shot('incident-detail-en');
    await page.locator('.title-bar__lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });
});

describe('the page as a whole', () => {
  it('logs no console errors and throws no page errors', () => {
    expect(unexpectedConsoleErrors(visit, ['/api/v1/auth/me'])).toEqual([]);
    expect(visit.pageErrors).toEqual([]);
  });
});
