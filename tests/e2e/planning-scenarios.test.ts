import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coverage, Scenario, ScenarioSummary } from '../../api/contract/analysis';
import { formatCount } from '../../web/domain/format';
import { launchChromium, type RecordedPage, unexpectedConsoleErrors } from './support/browser';
import { numberMatched } from './support/district-api';
import { signInToPlanning, planningFigure, waitForFigures } from './support/planning';
import { startServer, type TestServer } from './support/server';
import { apiFromPage } from './support/wall';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const WAIT_MS = 60_000;
const CATEGORY = 'pharmacy';

let server: TestServer;
let browser: Browser;
let visit: RecordedPage;
let page: Page;

const changes = () => page.locator('[data-change-index]').count();
const savedItem = (name: string) => page.locator('.saved__item', { hasText: name });

/** Adds the best suggested site to the scenario and saves it under `name`. */
async function saveSuggestedScenario(name: string): Promise<void> {
  await page.locator('[data-action="add-suggestion"]').first().click();
  await page.locator('[data-figure="population-covered-after"]').waitFor({ timeout: WAIT_MS });
  await waitForFigures(page);
  await page.locator('[data-control="scenario-name"]').fill(name);
  await page.getByRole('button', { name: '保存方案' }).click();
  await savedItem(name).waitFor({ timeout: WAIT_MS });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
  visit = await signInToPlanning(browser, server, {
    name: 'zhao.commander',
    role: 'commander',
    failureShot: `${SHOTS}planning-failure.png`,
  });
  page = visit.page;
  await page.locator('[data-control="category"]').selectOption(CATEGORY);
  await waitForFigures(page);
  await page.locator('[data-tab="suggestions"]').click();
  await page.locator('[data-control="k"]').fill('2');
  await page.locator('[data-control="suggest"]').click();
  await page.locator('[data-table="suggestions"] tbody tr').nth(1).waitFor({ timeout: WAIT_MS });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('saved scenarios', () => {
  it('reopen into the editor after it was cleared', async () => {
    await saveSuggestedScenario('方案甲');
    await page.getByRole('button', { name: '清空' }).click();
    await expect.poll(changes).toBe(0);
    await savedItem('方案甲').locator('[data-action="open"]').click();
    await expect.poll(changes).toBe(1);
    await page.locator('[data-figure="population-covered-after"]').waitFor({ timeout: WAIT_MS });
  });

  it('are deleted from the list and from the server', async () => {
    await page.getByRole('button', { name: '清空' }).click();
    await saveSuggestedScenario('方案乙');
    await savedItem('方案乙').locator('[data-action="delete"]').click();
    await savedItem('方案乙').waitFor({ state: 'detached', timeout: WAIT_MS });
    const { body } = await apiFromPage(page, '/api/v1/analysis/scenarios');
    const names = (body as { scenarios: ScenarioSummary[] }).scenarios.map((s) => s.name);
    expect(names).toEqual(['方案甲']);
  });

  it('are adopted by a commander after confirming, which adds the real facility', async () => {
    const points = await numberMatched(server, 'service-points', `category=${CATEGORY}`);
    const facilities = await planningFigure(page, 'facilities');
    await savedItem('方案甲').locator('[data-action="adopt"]').click();
    const dialog = page.locator('dialog.confirm-dialog');
    await dialog.waitFor({ timeout: WAIT_MS });
    expect(await dialog.textContent()).toContain('不可撤销');
    await page.screenshot({ path: `${SHOTS}planning-adopt-confirm.png` });
    await dialog.locator('[data-control="confirm"]').click();
    await page.locator('[data-adopted]').waitFor({ timeout: WAIT_MS });
    expect(await numberMatched(server, 'service-points', `category=${CATEGORY}`)).toBe(points + 1);
    await page.getByRole('button', { name: '清空' }).click();
    await expect
      .poll(() => planningFigure(page, 'facilities'), { timeout: WAIT_MS })
      .toBe(facilities + 1);
    const { body } = await apiFromPage(page, `/api/v1/analysis/coverage?category=${CATEGORY}`);
    expect((body as Coverage).facilities).toBe(facilities + 1);
    expect(await savedItem('方案甲').textContent()).toContain('已实施');
    // 评估: the note shows the stored before → after of the category, as the API keeps it.
    const id = await savedItem('方案甲').getAttribute('data-scenario-id');
    const stored = (await apiFromPage(page, `/api/v1/analysis/scenarios/${id}`)).body as Scenario;
    const delta = stored.adopted!.evaluation.categories.find((c) => c.category === CATEGORY)!;
    expect(delta.after).toBeGreaterThan(delta.before);
    const row = page.locator(`[data-adopted] tr[data-category="${CATEGORY}"]`);
    expect(await row.locator('td').allTextContents()).toEqual([
      formatCount(delta.before),
      `→ ${formatCount(delta.after)}`,
    ]);
  });
});

describe('errors', () => {
  it('show the API’s own message', async () => {
    await page.route('**/api/v1/analysis/scenarios', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 422,
            json: { error: { code: 'invalid_request', message: '方案超出辖区范围', issues: [] } },
          })
        : route.continue(),
    );
    // A facility placed anywhere: the answer is the mocked refusal.
    const stage = await page.locator('.planning-stage').boundingBox();
    if (!stage) throw new Error('no map stage');
    await page.locator('[data-control="add-tool"]').click();
    await page.mouse.click(stage.x + stage.width / 2 + 7, stage.y + stage.height / 2 + 7);
    await page.keyboard.press('Escape');
    const message = page.locator('.scenario [data-error-message]');
    await message.waitFor({ timeout: WAIT_MS });
    expect(await message.textContent()).toBe('方案超出辖区范围');
    await page.unroute('**/api/v1/analysis/scenarios');
  });

  it('logged nothing unexpected', () => {
    const errors = unexpectedConsoleErrors(visit, ['/api/v1/auth/me']).filter(
      (e) => !e.includes('status of 422'),
    );
    expect(errors).toEqual([]);
    expect(visit.pageErrors).toEqual([]);
  });
});
