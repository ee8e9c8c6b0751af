import type { Browser, Page } from 'playwright-core';
import { openRecordedPage, type RecordedPage, waitForSelectorOrExplain } from './browser';
import { LOGIN_PAGE, submitPassword } from './login';
import { apiAsAdmin } from './district-api';
import type { TestServer } from './server';

/** The planner's view once its coverage and buildings have loaded and the district is drawn. */
export const PLANNING_READY = '.planning[data-planning-ready="true"] [data-map-ready="true"]';

/** Creates a user with a role and a district-wide scope through the admin API; returns it. */
export async function createUser(
  server: TestServer,
  username: string,
  role: string,
): Promise<{ username: string; password: string }> {
  const password = `${username}-password-e2e`;
  const { status, body } = await apiAsAdmin(server, 'api/v1/users', {
    method: 'POST',
    json: { username, password, role, scopes: ['370871000000'] },
  });
  if (status !== 201) throw new Error(`user not created: ${status} ${JSON.stringify(body)}`);
  return { username, password };
}

/** Creates an API key of a role (district scope); returns the key. */
export async function createKey(server: TestServer, name: string, role: string): Promise<string> {
  const { status, body } = await apiAsAdmin(server, 'api/v1/api-keys', {
    method: 'POST',
    json: { name, role, scopes: ['370871000000'] },
  });
  if (status !== 201) throw new Error(`key not created: ${status} ${JSON.stringify(body)}`);
  return (body as { key: string }).key;
}

/** A figure of the planner's view by its `data-figure` name, as a number. */
export async function planningFigure(page: Page, name: string): Promise<number> {
  return Number(await page.locator(`[data-figure="${name}"]`).getAttribute('data-value'));
}

/** Waits until no newer coverage or scenario answer is being computed. */
export async function waitForFigures(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('.figures')?.getAttribute('data-pending') === 'false' &&
      !document.querySelector('[data-busy="true"]'),
    undefined,
    { timeout: 120_000 },
  );
}

/** Text elements in `container` whose content is wider than their box (clipped or spilling). */
export async function overflowingText(page: Page, container: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) throw new Error(`no ${selector}`);
    const bounds = root.getBoundingClientRect();
    const bad: string[] = [];
    // A <select> clips its chosen option's text; measure it in the select's font (arrow: ~28 px).
    const context = document.createElement('canvas').getContext('2d');
    for (const select of root.querySelectorAll('select')) {
      if (!context || select.offsetParent === null) continue;
      context.font = getComputedStyle(select).font;
      const text = select.selectedOptions[0]?.text ?? '';
      if (context.measureText(text).width > select.clientWidth - 28) bad.push(`SELECT: ${text}`);
    }
    for (const element of root.querySelectorAll<HTMLElement>('*')) {
      if (element.offsetParent === null || !element.textContent?.trim()) continue;
      const box = element.getBoundingClientRect();
      const clipped = element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0;
      const spills = box.right > bounds.right + 1 || box.left < bounds.left - 1;
      const leaf = element.children.length === 0;
      if (leaf && (clipped || spills))
        bad.push(
          `${element.tagName}.${element.className}: ${element.textContent.trim().slice(0, 30)}`,
        );
    }
    return bad;
  }, container);
}

/** The smallest computed font size (px) of text in elements matching `selector`. */
export async function smallestFontPx(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => {
    const sizes = [...document.querySelectorAll<HTMLElement>(s)]
      .filter((e) => e.offsetParent !== null && e.textContent?.trim())
      .map((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    return sizes.length ? Math.min(...sizes) : Number.NaN;
  }, selector);
}

/**
 * A new user of `role` signed in through the log-in page at `path` (default `/planning`), on a
 * recorded page, once the planner view and its map are ready; a failure leaves `failureShot`.
 */
export async function signInToPlanning(
  browser: Browser,
  server: TestServer,
  user: { name: string; role: string; path?: string; failureShot: string },
): Promise<RecordedPage> {
  const account = await createUser(server, user.name, user.role);
  const visit = await openRecordedPage(browser);
  await visit.page.goto(new URL(user.path ?? 'planning', server.url).href);
  await visit.page.locator(LOGIN_PAGE).waitFor({ timeout: 60_000 });
  await submitPassword(visit.page, account.username, account.password);
  await waitForSelectorOrExplain(visit, PLANNING_READY, 240_000, user.failureShot);
  return visit;
}
