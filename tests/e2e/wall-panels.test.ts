import { bbox as turfBbox } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DutyRoster, Overview } from '../../api/contract/stats';
import { apiAsAdmin } from './support/district-api';
import { openWall, SHOTS, type WallSession } from './support/open-wall';
import type { TestServer } from './support/server';
import { apiFromPage, fitDistrict } from './support/wall';

/** The page refetches the overview every 30 s; software WebGL flies the map slowly. */
const SETTLE_MS = 60_000;

let wall: WallSession;
let server: TestServer;
let page: Page;

type Box = [number, number, number, number];

/** The map's visible box as [west, south, east, north]. */
const mapBox = (): Promise<Box> =>
  page.evaluate(() => {
    const b = window.yipingMap!.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as Box;
  });

const contains = (outer: Box, inner: Box) =>
  outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];

/** Whether the map frames `box`: all of it in view, and the view not much wider than it. */
async function frames(box: Box): Promise<boolean> {
  const view = await mapBox();
  const span = Math.max(box[2] - box[0], box[3] - box[1]);
  return contains(view, box) && view[2] - view[0] < span * 8;
}

async function features(path: string): Promise<Feature<Geometry, Record<string, unknown>>[]> {
  const { body } = await apiAsAdmin(server, path);
  return (body as { features: Feature<Geometry, Record<string, unknown>>[] }).features;
}

/**
 * What keeps the panels matching `selector` from being read: text under 1 rem, text outside
 * its panel, or text cut by a box that hides its overflow. A line box stands a few px taller
 * than its text where a fallback font (Latin digits beside CJK) sits on another baseline, so
 * the vertical test allows a third of a rem: a hidden line of text is more than that.
 */
function unreadable(selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const slack = rem / 3;
    const faults: string[] = [];
    const outside = (r: DOMRect, box: DOMRect) =>
      r.left < box.left - 1 ||
      r.right > box.right + 1 ||
      r.top < box.top - slack ||
      r.bottom > box.bottom + slack;
    for (const root of document.querySelectorAll(selector)) {
      const texts = [root, ...root.querySelectorAll('*')].filter((el) =>
        [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()),
      );
      for (const el of texts) {
        const name = `${el.tagName.toLowerCase()}.${el.className} "${el.textContent}"`;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < rem - 0.01) faults.push(`${name}: ${size}px under ${rem}px`);
        const r = el.getBoundingClientRect();
        if (outside(r, root.getBoundingClientRect())) faults.push(`${name} leaves its panel`);
        for (let a = el.parentElement; a && a !== root.parentElement; a = a.parentElement) {
          const style = getComputedStyle(a);
          const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
          if (clips && outside(r, a.getBoundingClientRect())) {
            const box = a.getBoundingClientRect();
            faults.push(
              `${name} (${r.top}–${r.bottom}) cut by ${a.className} (${box.top}–${box.bottom})`,
            );
          }
        }
      }
    }
    return faults;
  }, selector);
}

beforeAll(async () => {
  wall = await openWall({ name: 'panels' });
  ({ server, page } = wall);
  await page.locator('.duty-roster[data-loaded]').waitFor({ timeout: SETTLE_MS });
  await page.locator('.hot-spots[data-loaded]').waitFor({ timeout: SETTLE_MS });
});

afterAll(() => wall?.close());

describe('the duty roster and hot-spot cards', () => {
  it('shows leaders and members on duty per street as GET /api/v1/stats/duty gives them', async () => {
    const { status, body } = await apiFromPage(page, '/api/v1/stats/duty');
    expect(status).toBe(200);
    const api = body as DutyRoster;
    expect(api.streets.length).toBeGreaterThan(0);
    const rows = await page.locator('[data-duty-street]').evaluateAll((els) =>
      els.map((el) => ({
        code: el.getAttribute('data-duty-street'),
        leaders: Number(el.getAttribute('data-leaders')),
        leadersOnDuty: Number(el.getAttribute('data-leaders-on-duty')),
        members: Number(el.getAttribute('data-members')),
        membersOnDuty: Number(el.getAttribute('data-members-on-duty')),
        names: el.getAttribute('data-leader-names'),
        text: el.textContent ?? '',
      })),
    );
    const streets = rows.filter((r) => r.code !== 'total');
    expect(streets.map((r) => r.code)).toEqual(api.streets.map((s) => s.code));
    for (const [i, s] of api.streets.entries()) {
      expect(streets[i]).toMatchObject({
        leaders: s.leaders.total,
        leadersOnDuty: s.leaders.onDuty,
        members: s.members.total,
        membersOnDuty: s.members.onDuty,
        names: s.leaders.names.join('、'),
      });
      expect(streets[i]!.text).toContain(s.name);
      expect(streets[i]!.text).toContain(`${s.leaders.onDuty}/${s.leaders.total}`);
    }
    // The first on-duty leader's name is on the card, in a row or in the list under it.
    const first = api.streets[0]!.leaders.names[0];
    if (first) expect(await page.locator('[data-chart="duty"]').textContent()).toContain(first);
  });

  it('lists the overview’s hot grids, and a click flies the map to the grid and selects it', async () => {
    const read = () =>
      page.locator('[data-hot-grid]').evaluateAll((els) =>
        els.map((el) => ({
          code: el.getAttribute('data-hot-grid'),
          open: Number(el.getAttribute('data-open')),
          overdue: Number(el.getAttribute('data-overdue')),
          text: el.textContent ?? '',
        })),
      );
    const { body } = await apiFromPage(page, '/api/v1/stats/overview');
    const hot = (body as Overview).hotGrids;
    expect(hot.length).toBeGreaterThan(0);
    const shown = await read();
    expect(shown.map(({ code, open, overdue }) => ({ code, open, overdue }))).toEqual(
      hot.map(({ code, open, overdue }) => ({ code, open, overdue })),
    );
    for (const [i, g] of hot.entries()) expect(shown[i]!.text).toContain(g.name);
    const target = hot[hot.length - 1]!;
    const [grid] = await features(
      `ogc/collections/grids/items?filter=${encodeURIComponent(`code = '${target.code}'`)}`,
    );
    const box = turfBbox(grid!) as Box;
    expect(await frames(box)).toBe(false);
    await page.locator(`[data-hot-grid="${target.code}"]`).click();
    await expect.poll(() => frames(box), { timeout: SETTLE_MS }).toBe(true);
    await page.locator(`[data-grid-card="${target.code}"]`).waitFor({ timeout: SETTLE_MS });
    await page.screenshot({ path: `${SHOTS}panels-hot-grid-picked.png` });
  });
});

describe('trend arrows on the key figures', () => {
  it('show today minus yesterday and last week at this time, as the overview counts them', async () => {
    const pairs = [
      ['open', 'open', (o: Overview) => o.open],
      ['todayReported', 'reported', (o: Overview) => o.today.reported],
      ['todayClosed', 'closed', (o: Overview) => o.today.closed],
    ] as const;
    const expected = async () => {
      const o = (await apiFromPage(page, '/api/v1/stats/overview')).body as Overview;
      return pairs.flatMap(([figure, key, now]) =>
        (['yesterday', 'lastWeek'] as const).map((b) => [
          `${figure}:${b}`,
          now(o) - o.baselines[b][key],
        ]),
      );
    };
    const shown = () =>
      page
        .locator('[data-trend]')
        .evaluateAll((els) =>
          els.map((el) => [
            el.getAttribute('data-trend'),
            Number(el.getAttribute('data-difference')),
          ]),
        );
    // Polled: the page's overview may be a few seconds older than the test's.
    await expect
      .poll(async () => JSON.stringify(await shown()) === JSON.stringify(await expected()), {
        timeout: SETTLE_MS,
        interval: 2_000,
      })
      .toBe(true);
    const marks = await page.locator('[data-trend]').evaluateAll((els) =>
      els.map((el) => ({
        difference: Number(el.getAttribute('data-difference')),
        text: el.textContent ?? '',
      })),
    );
    for (const { difference, text } of marks) {
      if (difference > 0) expect(text).toContain(`▲${difference}`);
      else if (difference < 0) expect(text).toContain(`▼${-difference}`);
      else expect(text).toContain('＝');
    }
  });
});

describe('searching a road', () => {
  it('lists the road once with its whole name, and picking it frames all its segments', async () => {
    const segments = await features('ogc/collections/roads/items?limit=10000&properties=name');
    const counts = new Map<string, number>();
    for (const s of segments) {
      const name = String(s.properties.name);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const [name] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const own = segments.filter((s) => s.properties.name === name);
    expect(own.length).toBeGreaterThan(1);
    const box = turfBbox({ type: 'FeatureCollection', features: own }) as Box;
    await fitDistrict(page);
    const search = page.locator('.search-box input');
    await search.fill(name);
    const hits = page.locator('[data-search-hit="road"]');
    await hits.first().waitFor({ timeout: SETTLE_MS });
    expect(await hits.count()).toBe(1);
    expect(await hits.locator('.search-box__label').textContent()).toBe(name);
    expect(await unreadable('.search-box__hits')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}panels-search-road.png` });
    await hits.first().click();
    await expect.poll(() => frames(box), { timeout: SETTLE_MS }).toBe(true);
    // Nothing else is selected: the hot grid's card, opened before, has closed.
    expect(await page.locator('[data-grid-card]').count()).toBe(0);
  });
});

describe('at every wall size, in Chinese and English', () => {
  it('fits the new cards and arrows without clipping, all text at 1 rem or more', async () => {
    const sizes = [
      [1920, 1080],
      [3840, 2160],
      [5760, 1080],
    ] as const;
    for (const lang of ['zh', 'en'] as const) {
      const current = await page.evaluate(() => document.documentElement.lang);
      if (current.startsWith('zh') !== (lang === 'zh')) {
        await page.getByRole('button', { name: '切换语言 Switch language' }).click();
      }
      for (const [width, height] of sizes) {
        await page.setViewportSize({ width, height });
        await page.waitForFunction((w) => window.innerWidth === w, width);
        const faults = await unreadable(
          '[data-chart="duty"], [data-chart="hotSpots"], .key-figures__tile:has([data-trend])',
        );
        expect(faults, `${lang} ${width}×${height}`).toEqual([]);
        await page.screenshot({ path: `${SHOTS}panels-wall-${width}x${height}-${lang}.png` });
      }
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
  });
});
