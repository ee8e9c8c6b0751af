import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isLocalUrl,
  launchChromium,
  openRecordedPage,
  pathOf,
  type RecordedPage,
  unexpectedConsoleErrors,
} from './support/browser';
import {
  LOGIN_PAGE,
  logInWithKey,
  submitApiKey,
  submitPassword,
  USER_BADGE,
} from './support/login';
import { startServer, type TestServer } from './support/server';

const SCREENSHOT = fileURLToPath(new URL('./screenshots/login.png', import.meta.url));
const WAIT_MS = 60_000;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  await mkdir(dirname(SCREENSHOT), { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Answers from the data surfaces (anything but the public probes and the auth endpoints). */
function dataResponses(visit: RecordedPage) {
  return visit.responses.filter(({ url }) => /^\/(ogc|tiles)(\/|$)/.test(pathOf(url)));
}

/** Opens the app in a fresh context and waits for the log-in page. */
async function openLoginPage(): Promise<RecordedPage> {
  const visit = await openRecordedPage(browser);
  await visit.page.goto(server.url);
  await visit.page.locator(LOGIN_PAGE).waitFor({ timeout: WAIT_MS });
  return visit;
}

describe('before anyone signs in', () => {
  let visit: RecordedPage;

  beforeAll(async () => {
    visit = await openLoginPage();
    await visit.page.waitForLoadState('networkidle');
    await visit.page.screenshot({ path: SCREENSHOT });
  });

  afterAll(() => visit?.page.context().close());

  it('shows the log-in page: 一屏 · Yiping, 登录 / Sign in', async () => {
    const card = visit.page.getByTestId('login-page');
    expect(await card.textContent()).toContain('一屏');
    expect(await visit.page.getByRole('heading', { level: 1 }).textContent()).toMatch(
      /登录\s*\/\s*Sign in/,
    );
    expect(await visit.page.locator('.map-view').count()).toBe(0);
  });

  it('puts the cursor in the username field', async () => {
    expect(await visit.page.evaluate(() => document.activeElement?.id)).toBe('login-username');
  });

  it('is told by /api/v1/auth/me that nobody is signed in', () => {
    const me = visit.responses.filter(({ url }) => pathOf(url) === '/api/v1/auth/me');
    expect(me.map(({ status }) => status)).toContain(401);
  });

  it('fetches no map data', () => {
    expect(dataResponses(visit).filter(({ status }) => status === 200)).toEqual([]);
  });

  it('logs nothing but the 401 of /api/v1/auth/me, and violates no CSP', () => {
    expect(unexpectedConsoleErrors(visit, ['/api/v1/auth/me'])).toEqual([]);
    expect(visit.cspViolations).toEqual([]);
    expect(visit.pageErrors).toEqual([]);
    expect(visit.requests.filter((url) => !isLocalUrl(url))).toEqual([]);
  });
});

describe('a wrong API key', () => {
  let visit: RecordedPage;

  beforeAll(async () => {
    visit = await openLoginPage();
    await submitApiKey(visit.page, `wrong-${server.adminKey.slice(6)}`);
    await visit.page.getByTestId('login-error').waitFor({ timeout: WAIT_MS });
  });

  afterAll(() => visit?.page.context().close());

  it('shows API 密钥无效 and stays on the log-in page', async () => {
    expect(await visit.page.getByTestId('login-error').textContent()).toContain('API 密钥无效');
    expect(await visit.page.locator(LOGIN_PAGE).count()).toBe(1);
    expect(await visit.page.locator(USER_BADGE).count()).toBe(0);
  });

  it('selects the key again for another try', async () => {
    expect(await visit.page.evaluate(() => document.activeElement?.id)).toBe('login-secret');
  });

  it('fetches no map data', () => {
    expect(dataResponses(visit).filter(({ status }) => status === 200)).toEqual([]);
  });
});

describe('a wrong username or password', () => {
  it('shows 用户名或密码错误 and stays on the log-in page', async () => {
    const visit = await openLoginPage();
    await submitPassword(visit.page, 'nobody', 'not-the-password');
    const error = visit.page.getByTestId('login-error');
    await error.waitFor({ timeout: WAIT_MS });
    expect(await error.textContent()).toContain('用户名或密码错误');
    expect(await visit.page.locator(USER_BADGE).count()).toBe(0);
    await visit.page.context().close();
  });
});

describe('when the server refuses further attempts (429)', () => {
  it('says 登录尝试过多 with the seconds to wait, and blocks the button', async () => {
    const visit = await openLoginPage();
    await visit.page.route('**/api/v1/auth/login', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Retry-After': '42' },
        json: { error: { code: 'too_many_requests', message: 'Too many', issues: [] } },
      }),
    );
    await submitApiKey(visit.page, 'any-key');
    const error = visit.page.getByTestId('login-error');
    await error.waitFor({ timeout: WAIT_MS });
    expect(await error.textContent()).toMatch(/登录尝试过多，请 (42|41|40) 秒后再试/);
    expect(await visit.page.getByRole('button', { name: /登录 Sign in/ }).isDisabled()).toBe(true);
    await visit.page.context().close();
  });
});

describe('when the server cannot be reached', () => {
  it('says 无法连接服务器', async () => {
    const visit = await openLoginPage();
    await visit.page.route('**/api/v1/auth/login', (route) => route.abort('connectionrefused'));
    await submitApiKey(visit.page, server.adminKey);
    const error = visit.page.getByTestId('login-error');
    await error.waitFor({ timeout: WAIT_MS });
    expect(await error.textContent()).toContain('无法连接服务器');
    await visit.page.context().close();
  });
});

describe('signing out', () => {
  let visit: RecordedPage;

  beforeAll(async () => {
    visit = await openRecordedPage(browser);
    await logInWithKey(visit.page, server.url, server.adminKey);
    await visit.page.getByRole('button', { name: /退出/ }).click();
    await visit.page.locator(LOGIN_PAGE).waitFor({ timeout: WAIT_MS });
  });

  afterAll(() => visit?.page.context().close());

  it('returns to the log-in page and removes the map', async () => {
    expect(await visit.page.locator(USER_BADGE).count()).toBe(0);
    expect(await visit.page.locator('.map-view').count()).toBe(0);
  });

  it('ends the session on the server: map data answers 401', async () => {
    const status = await visit.page.evaluate(
      async () => (await fetch('/ogc/collections/admin-areas/items?limit=1')).status,
    );
    expect(status).toBe(401);
  });

  it('stays signed out after a reload', async () => {
    await visit.page.reload();
    await visit.page.locator(LOGIN_PAGE).waitFor({ timeout: WAIT_MS });
    expect(await visit.page.locator(USER_BADGE).count()).toBe(0);
  });
});

describe('when the session ends while the map is shown', () => {
  it('returns to the log-in page after a 401 from the map data', async () => {
    const visit = await openRecordedPage(browser);
    const context = visit.page.context();
    // The session "expires" just as the map asks for its data.
    await visit.page.route('**/ogc/**', async (route) => {
      await context.clearCookies();
      await route.fulfill({
        status: 401,
        json: { error: { code: 'unauthenticated', message: 'Sign in.', issues: [] } },
      });
    });
    await visit.page.goto(server.url);
    await visit.page.locator(LOGIN_PAGE).waitFor({ timeout: WAIT_MS });
    const mapDataAsked = visit.page.waitForRequest('**/ogc/**', { timeout: WAIT_MS });
    await submitApiKey(visit.page, server.adminKey);
    await mapDataAsked;
    await visit.page.locator(LOGIN_PAGE).waitFor({ timeout: WAIT_MS });
    expect(await visit.page.locator(USER_BADGE).count()).toBe(0);
    await context.close();
  });
});

describe('when the key behind the session is revoked while the wall is shown', () => {
  /** Admin API call with the bootstrap key. */
  async function admin(method: string, path: string, body?: unknown) {
    const response = await fetch(new URL(path, server.url), {
      method,
      headers: { Authorization: `Bearer ${server.adminKey}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.ok, await response.clone().text()).toBe(true);
    return (await response.json()) as { id: number; key: string };
  }

  it('returns to the log-in page, though no map or figures request is answered any more', async () => {
    const created = await admin('POST', '/api/v1/api-keys', {
      name: 'wall-to-revoke',
      role: 'display',
      scopes: ['370871000000'],
    });
    const visit = await openRecordedPage(browser);
    await logInWithKey(visit.page, server.url, created.key);
    const isStream = (url: string) => pathOf(url) === '/api/v1/stream';
    await expect
      .poll(() => visit.responses.some((r) => isStream(r.url) && r.status === 200), {
        timeout: WAIT_MS,
      })
      .toBe(true);
    // From now on map data, figures and tiles are never answered, so none of their 401s can
    // bring the log-in page: only the refused stream and the `me` check reach the server.
    await visit.page.route(/\/(ogc|tiles|styles)\/|\/api\/v1\/(?!stream|auth\/)/, () => undefined);
    const revokedAt = visit.responses.length;
    await admin('DELETE', `/api/v1/api-keys/${created.id}`);
    await visit.page.locator(LOGIN_PAGE).waitFor({ timeout: WAIT_MS });
    const after = visit.responses.slice(revokedAt);
    // The stream ended on the server and its reconnection was refused.
    expect(after.some((r) => isStream(r.url) && r.status === 401)).toBe(true);
    expect(await visit.page.locator(USER_BADGE).count()).toBe(0);
    await visit.page.context().close();
  });
});
