import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BuildingAccessProperties,
  Completeness,
  Coverage,
  Scenario,
  ScenarioSummary,
  SiteSuggestions,
} from '../../api/contract/analysis';
import { launchChromium, type RecordedPage, unexpectedConsoleErrors } from './support/browser';
import { signInToPlanning, planningFigure, waitForFigures } from './support/planning';
import { loadedStyle } from './support/rendered-features';
import { startServer, type TestServer } from './support/server';
import { apiFromPage, deckLayer, jumpTo, screenPointOf } from './support/wall';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const WAIT_MS = 60_000;
/** A basic category of the 5-minute circle that the demo district leaves patchy. */
const CATEGORY = 'convenience_store';

type BuildingFeature = {
  geometry: { coordinates: [number, number] };
  properties: BuildingAccessProperties;
};

let server: TestServer;
let browser: Browser;
let visit: RecordedPage;
let page: Page;

const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png` });
const api = async <T>(path: string, init?: Parameters<typeof apiFromPage>[2]) => {
  const { status, body } = await apiFromPage(page, path, init);
  if (status >= 300) throw new Error(`${path}: ${status} ${JSON.stringify(body)}`);
  return body as T;
};

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
  visit = await signInToPlanning(browser, server, {
    name: 'li.planner',
    role: 'planner',
    path: '/',
    failureShot: `${SHOTS}planning-failure.png`,
  });
  page = visit.page;
  await page.waitForFunction(() => window.yipingMap?.areTilesLoaded() === true);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the planner view', () => {
  it('is where a planner lands from /, on the light map', async () => {
    expect(new URL(page.url()).pathname).toBe('/planning');
    expect((await loadedStyle(page)).name).toContain('浅色');
    expect(await page.locator('.planning-header').textContent()).toContain('十五分钟生活圈规划');
    await shot('planning-1080-zh');
  });

  it('shows the coverage the API computes for the chosen category and distance', async () => {
    await page.locator('[data-control="category"]').selectOption(CATEGORY);
    await waitForFigures(page);
    expect(await page.locator('[data-control="distance"]').inputValue()).toBe('300');
    const coverage = await api<Coverage>(
      `/api/v1/analysis/coverage?category=${CATEGORY}&distance=300`,
    );
    expect(await planningFigure(page, 'population-covered')).toBe(coverage.population.covered);
    expect(await planningFigure(page, 'population-total')).toBe(coverage.population.total);
    expect(await planningFigure(page, 'straight-line-covered')).toBe(
      coverage.straightLine.population.covered,
    );
    expect(await planningFigure(page, 'households-covered')).toBe(coverage.households.covered);
    expect(await planningFigure(page, 'uncovered-buildings')).toBe(coverage.uncoveredBuildings);
    expect(await planningFigure(page, 'facilities')).toBe(coverage.facilities);
  });

  it('draws every building by walking distance and rings the uncovered ones', async () => {
    const { features } = await api<{ features: BuildingFeature[] }>(
      `/api/v1/analysis/coverage/buildings?category=${CATEGORY}&distance=300`,
    );
    await expect
      .poll(() => deckLayer(page, 'deck-building-access'))
      .toMatchObject({
        visible: true,
        length: features.length,
      });
    const uncovered = features.filter((f) => !f.properties.covered).length;
    expect((await deckLayer(page, 'deck-building-uncovered'))?.length).toBe(uncovered);
    expect((await deckLayer(page, 'deck-coverage-grids'))?.length).toBeGreaterThan(0);
  });
});

describe('a scenario', () => {
  let before: number;

  it('adds a facility where residents are out of reach, and the covered figure rises as the API says', async () => {
    const { features } = await api<{ features: BuildingFeature[] }>(
      `/api/v1/analysis/coverage/buildings?category=${CATEGORY}&distance=300`,
    );
    const target = features
      .filter((f) => !f.properties.covered)
      .sort((a, b) => b.properties.population - a.properties.population)[0];
    if (!target) throw new Error('no uncovered building');
    before = await planningFigure(page, 'population-covered');
    await jumpTo(page, target.geometry.coordinates, 16);
    await page.locator('[data-control="add-tool"]').click();
    const at = await screenPointOf(page, target.geometry.coordinates);
    // Beside the building's dot, on the street side: a click, not a pick.
    await page.mouse.click(at.x + 14, at.y + 14);
    await page.locator('[data-figure="population-covered-after"]').waitFor({ timeout: WAIT_MS });
    await waitForFigures(page);
    const change = page.locator('[data-change-index="0"]');
    const lng = Number(await change.getAttribute('data-lng'));
    const lat = Number(await change.getAttribute('data-lat'));
    const scenario = await api<Scenario>('/api/v1/analysis/scenarios', {
      method: 'POST',
      json: {
        changes: [{ op: 'add', category: CATEGORY, lng, lat }],
        save: false,
        focus: { category: CATEGORY, distance: 300 },
      },
    });
    const after = await planningFigure(page, 'population-covered-after');
    expect(after).toBe(scenario.coverage?.after.population.covered);
    expect(await planningFigure(page, 'population-covered')).toBe(before);
    expect(after).toBeGreaterThan(before);
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-control="add-tool"]').getAttribute('aria-pressed')).toBe(
      'false',
    );
    await shot('planning-scenario');
  });

  it('moves the new facility by dragging it, and undoes the move', async () => {
    const change = page.locator('[data-change-index="0"]');
    const from: [number, number] = [
      Number(await change.getAttribute('data-lng')),
      Number(await change.getAttribute('data-lat')),
    ];
    const at = await screenPointOf(page, from);
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 40, at.y + 25, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => change.getAttribute('data-lng')).not.toBe(String(from[0]));
    expect(await page.locator('[data-change-index]').count()).toBe(1);
    await page.locator('[data-control="undo"]').click();
    await expect.poll(() => change.getAttribute('data-lng')).toBe(String(from[0]));
    await waitForFigures(page);
  });

  it('is saved under a name and listed, without touching the real facilities', async () => {
    const facilities = await planningFigure(page, 'facilities');
    await page.locator('[data-control="scenario-name"]').fill('浏览器测试：新增便利店');
    await page.getByRole('button', { name: '保存方案' }).click();
    const saved = page.locator('.saved__item', { hasText: '浏览器测试：新增便利店' });
    await saved.waitFor({ timeout: WAIT_MS });
    const { scenarios } = await api<{ scenarios: ScenarioSummary[] }>('/api/v1/analysis/scenarios');
    const stored = scenarios.find((s) => s.name === '浏览器测试：新增便利店');
    expect(stored).toMatchObject({ changes: 1, adoptedAt: null });
    expect(await saved.getAttribute('data-scenario-id')).toBe(String(stored?.id));
    const coverage = await api<Coverage>(
      `/api/v1/analysis/coverage?category=${CATEGORY}&distance=300`,
    );
    expect(coverage.facilities).toBe(facilities);
    expect(await page.locator('[data-action="adopt"]').count()).toBe(0);
  });
});

describe('exports', () => {
  async function download(button: string): Promise<{ name: string; bytes: Buffer }> {
    const started = page.waitForEvent('download');
    await page.locator(`[data-export="${button}"]`).click();
    const file = await started;
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: await readFile(path) };
  }

  it('writes the grid table as CSV with the BOM and Chinese headers', async () => {
    const { name, bytes } = await download('grids');
    expect(name).toMatch(/\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('网格编码,常住人口,可达人口,未覆盖人口,覆盖率,民生诉求,未办结诉求');
    const coverage = await api<Coverage>(
      `/api/v1/analysis/coverage?category=${CATEGORY}&distance=300`,
    );
    expect(lines).toHaveLength(coverage.byGrid.length + 1);
  });

  it('writes the community table as CSV with the BOM and Chinese headers', async () => {
    const { bytes } = await download('communities');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toMatch(/^\uFEFF编码,名称,常住人口,全部可达人口,完整度,缺项,/);
  });

  it('writes the buildings with their walking distances as GeoJSON', async () => {
    const { bytes } = await download('buildings');
    const body = JSON.parse(bytes.toString('utf8')) as {
      type: string;
      features: BuildingFeature[];
    };
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBeGreaterThan(0);
    expect(body.features[0]?.properties).toHaveProperty('distanceM');
  });
});

describe('the tables', () => {
  it('lists completeness per community as the API computes it, sortable, missing in Chinese', async () => {
    const completeness = await api<Completeness>('/api/v1/analysis/completeness?circle=all');
    const rows = page.locator('[data-table="completeness"] tbody tr');
    expect(await rows.count()).toBe(completeness.rows.length);
    const shares = async () =>
      Promise.all((await rows.all()).map(async (r) => Number(await r.getAttribute('data-share'))));
    expect(await shares()).toEqual([...(await shares())].sort((a, b) => a - b));
    await page.locator('[data-table="completeness"] [data-sort="share"]').click();
    expect(await shares()).toEqual([...(await shares())].sort((a, b) => b - a));
    const withMissing = completeness.rows.find((r) => r.missing.length > 0);
    if (withMissing) {
      const text = await page
        .locator(`[data-table="completeness"] [data-row="${withMissing.code}"]`)
        .textContent();
      expect(text).toMatch(/[幼儿园便利店早餐点药店超市小学中学]/);
    }
  });

  it('suggests sites with their gains and adds one to the scenario', async () => {
    await page.locator('[data-tab="suggestions"]').click();
    await page.locator('[data-control="k"]').fill('3');
    await page.locator('[data-control="suggest"]').click();
    await page.locator('[data-table="suggestions"] tbody tr').nth(2).waitFor({ timeout: WAIT_MS });
    const sites = await api<SiteSuggestions>(
      `/api/v1/analysis/site-suggestions?category=${CATEGORY}&distance=300&k=3`,
    );
    const gains = await page
      .locator('[data-table="suggestions"] tbody tr td:nth-child(2)')
      .allTextContents();
    expect(gains).toEqual(sites.suggestions.map((s) => `+${s.gain.toLocaleString('zh-CN')}`));
    expect((await deckLayer(page, 'deck-site-suggestions'))?.length).toBe(3);
    await page.locator('[data-action="add-suggestion"]').first().click();
    await expect.poll(() => page.locator('[data-change-index]').count()).toBe(2);
    await waitForFigures(page);
  });
});

describe('printing', () => {
  it('puts a picture of the map and the tables on the page, and no controls', async () => {
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'true');
    });
    await page.locator('[data-control="print"]').click();
    await page.locator('body[data-printed="true"]').waitFor({ timeout: WAIT_MS });
    const image = await page.locator('.planning-print__map').getAttribute('src');
    expect(image).toMatch(/^data:image\/png;base64,/);
    expect(image!.length).toBeGreaterThan(20_000);
    await page.emulateMedia({ media: 'print' });
    // No controls; the one button left is the share column's heading (its sort), as text.
    const buttons = await page.locator('.planning button:visible').allTextContents();
    expect(buttons.map((b) => b.trim())).toEqual([expect.stringMatching(/^覆盖率 [↑↓]$/)]);
    expect(await page.locator('.planning-print__map:visible').count()).toBe(1);
    expect(await page.locator('[data-table="completeness"]:visible').count()).toBe(1);
    expect(await page.locator('[data-table="grids"]:visible').count()).toBe(1);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${SHOTS}planning-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1920, height: 1080 });
  });
});

describe('the page as a whole', () => {
  it('logs no console errors and throws no page errors', () => {
    expect(unexpectedConsoleErrors(visit, ['/api/v1/auth/me'])).toEqual([]);
    expect(visit.pageErrors).toEqual([]);
    expect(visit.cspViolations).toEqual([]);
  });
});
