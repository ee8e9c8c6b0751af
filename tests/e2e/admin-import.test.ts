import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openRecordedPage, type RecordedPage } from './support/browser';
import { apiAsAdmin, numberMatched, pointInGrid } from './support/district-api';
import { LOGIN_PAGE, logInWithKey, submitPassword, USER_BADGE } from './support/login';
import { createUser, overflowingText } from './support/planning';
import { startServer, type TestServer } from './support/server';
import { jumpTo, pickedCount, screenPointOf, WALL_READY } from './support/wall';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const WAIT_MS = 120_000;
/** Codes no seeded service point has. */
const NEW_CODES = ['E2E-IMPORT-001', 'E2E-IMPORT-002', 'E2E-IMPORT-003'];
const FILE_NAME = '新增服务点.geojson';

let server: TestServer;
let browser: Browser;
let admin: RecordedPage;
let page: Page;
let places: [number, number][];

/** A GeoJSON of new pharmacies with Chinese headers, one inside each of three grids. */
function newServicePoints(): Buffer {
  const features = places.map((coordinates, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties: { 编号: NEW_CODES[i], 名称: `导入测试药店${i + 1}`, 类别: 'pharmacy' },
  }));
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
}

/** The service point the wall's deck.gl layer draws at a place, picked on screen. */
async function servicePointAt(where: [number, number]): Promise<string | undefined> {
  const { x, y } = await screenPointOf(page, where);
  return page.evaluate(
    ({ x, y }) => {
      const picked = window.yipingOverlay?.pickObject({
        x,
        y,
        radius: 6,
        layerIds: ['deck-service-points'],
      });
      return (picked?.object as { code?: string } | undefined)?.code;
    },
    { x, y },
  );
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
  places = await Promise.all([3, 4, 5].map((i) => pointInGrid(server, i)));
  admin = await openRecordedPage(browser);
  page = admin.page;
  await logInWithKey(page, `${server.url}admin/imports`, server.adminKey);
  await page.locator('[data-testid="imports-page"]').waitFor({ timeout: WAIT_MS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the admin import page', () => {
  it('refuses a non-admin with 无权限', async () => {
    const user = await createUser(server, 'wang.operator', 'operator');
    const visit = await openRecordedPage(browser);
    await visit.page.goto(`${server.url}admin/imports`);
    await visit.page.locator(LOGIN_PAGE).waitFor({ timeout: WAIT_MS });
    await submitPassword(visit.page, user.username, user.password);
    await visit.page.locator(USER_BADGE).waitFor({ timeout: WAIT_MS });
    const refusal = visit.page.locator('[data-testid="no-access"]');
    await refusal.waitFor({ timeout: WAIT_MS });
    expect(await refusal.textContent()).toContain('无权限');
    expect(await refusal.textContent()).toContain('数据导入');
    expect(await visit.page.locator('[data-testid="imports-page"]').count()).toBe(0);
    await visit.page.context().close();
  });

  it('previews a dropped GeoJSON: three features, the mapping, no problems, on the map', async () => {
    const before = await numberMatched(server, 'service-points');
    await page.locator('[data-testid="import-file"]').setInputFiles({
      name: FILE_NAME,
      mimeType: 'application/geo+json',
      buffer: newServicePoints(),
    });
    const count = page.locator('[data-testid="import-feature-count"]');
    await count.waitFor({ timeout: WAIT_MS });
    expect(await count.textContent()).toBe('3');
    expect(await page.locator('[data-testid="import-format"]').textContent()).toBe('GeoJSON');
    await page.locator('[data-testid="import-no-problems"]').waitFor({ timeout: WAIT_MS });
    const mapping = page.locator('[data-testid="import-mapping"] select');
    expect(await mapping.evaluateAll((s) => s.map((e) => (e as HTMLSelectElement).value))).toEqual([
      'code',
      'name',
      'category',
    ]);
    const preview = page.locator('[data-preview-ready="true"]');
    await preview.waitFor({ timeout: WAIT_MS });
    expect(await preview.getAttribute('data-preview-count')).toBe('3');
    await page.waitForFunction(() => window.yipingMap?.areTilesLoaded() === true);
    await expect.poll(() => pickedCount(page, 'import-preview'), { timeout: 30_000 }).toBe(3);
    expect(await numberMatched(server, 'service-points')).toBe(before);
  });

  it('keeps its text inside its boxes at 1920×1080 and 1366×768', async () => {
    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      expect(await overflowingText(page, '.imports'), `${width}×${height}`).toEqual([]);
      await page.screenshot({ path: `${SHOTS}admin-import-preview-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('imports on confirm, reports the counts and lists the import in the history', async () => {
    const before = await numberMatched(server, 'service-points');
    await page.getByRole('button', { name: /确认导入/ }).click();
    const status = page.locator('[data-testid="import-status"]');
    await expect.poll(() => status.textContent(), { timeout: WAIT_MS }).toMatch(/^成功/);
    const inserted = page.locator('[data-testid="import-counts"] [data-count="inserted"] dd');
    expect(await inserted.textContent()).toBe('3');
    expect(await numberMatched(server, 'service-points')).toBe(before + 3);
    const history = page
      .locator('[data-testid="import-history"] tbody tr', { hasText: FILE_NAME })
      .filter({ hasNotText: '试运行' });
    await expect.poll(() => history.count(), { timeout: WAIT_MS }).toBeGreaterThan(0);
    const { body } = await apiAsAdmin(server, 'api/v1/imports');
    expect((body as { jobs: { fileName: string }[] }).jobs[0]?.fileName).toBe(FILE_NAME);
    await page.screenshot({ path: `${SHOTS}admin-import-done.png`, fullPage: true });
  });

  it('shows the new service points on the wall', async () => {
    await page.goto(server.url);
    await page.locator(WALL_READY).waitFor({ timeout: WAIT_MS });
    for (const [i, place] of places.entries()) {
      await jumpTo(page, place, 17);
      await expect.poll(() => servicePointAt(place), { timeout: 30_000 }).toBe(NEW_CODES[i]);
    }
  });

  it('lists a bad row, blocks Confirm, and lets it through when invalid rows are skipped', async () => {
    await page.goto(`${server.url}admin/imports`);
    await page.locator('[data-testid="imports-page"]').waitFor({ timeout: WAIT_MS });
    const features = places.slice(0, 2).map((coordinates, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: {
        编号: `E2E-BAD-00${i}`,
        名称: `坏行${i}`,
        类别: i === 0 ? 'pharmacyy' : 'pharmacy',
      },
    }));
    await page.locator('[data-testid="import-file"]').setInputFiles({
      name: 'bad.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
    });
    const problems = page.locator('[data-testid="import-problems"] tbody tr');
    await problems.first().waitFor({ timeout: WAIT_MS });
    const first = await problems.first().textContent();
    expect(first).toContain('第 1 个');
    expect(first).toContain('pharmacy');
    const confirm = page.getByRole('button', { name: /确认导入/ });
    expect(await confirm.isDisabled()).toBe(true);
    await page.locator('[data-testid="import-blocked"]').waitFor();
    await page.getByLabel(/跳过无效行/).check();
    const note = page.locator('[data-testid="import-skip-note"]');
    await note.waitFor({ timeout: WAIT_MS });
    expect(await note.textContent()).toContain('将跳过 1 行');
    expect(await confirm.isDisabled()).toBe(false);
    await page.screenshot({ path: `${SHOTS}admin-import-problems.png`, fullPage: true });
  });
});
