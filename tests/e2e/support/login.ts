import type { Page } from 'playwright-core';

/** The log-in card; present exactly while nobody is signed in. */
export const LOGIN_PAGE = '[data-testid="login-page"] form';
/** The user badge; present exactly while somebody is signed in. */
export const USER_BADGE = '[data-testid="user-badge"]';

/** Switches the log-in page to API-key mode and submits `apiKey` with Enter. */
export async function submitApiKey(page: Page, apiKey: string): Promise<void> {
  await page.getByRole('button', { name: /API 密钥/ }).click();
  const field = page.getByLabel('API 密钥');
  await field.fill(apiKey);
  await field.press('Enter');
}

/** Submits a username and password with Enter (the default mode). */
export async function submitPassword(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  const field = page.getByLabel('密码');
  await field.fill(password);
  await field.press('Enter');
}

/** Opens the app, waits for the log-in page and signs in with an API key. */
export async function logInWithKey(page: Page, url: string, apiKey: string): Promise<void> {
  await page.goto(url);
  await page.locator(LOGIN_PAGE).waitFor({ timeout: 60_000 });
  await submitApiKey(page, apiKey);
  await page.locator(USER_BADGE).waitFor({ timeout: 60_000 });
}
