import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import {
  launchChromium,
  openRecordedPage,
  type RecordedPage,
  waitForSelectorOrExplain,
} from './browser';
import { logInWithKey } from './login';
import { startServer, type TestServer } from './server';
import { WALL_READY } from './wall';

/** Where browser tests write their screenshots (beside the tests, ignored by git). */
export const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
/** A cold server seeds the district and the page builds its layers: a wait, not a limit. */
export const WALL_READY_TIMEOUT_MS = 240_000;

/** A server, a browser and a page signed in to the wall screen with every layer loaded. */
export interface WallSession {
  server: TestServer;
  browser: Browser;
  visit: RecordedPage;
  page: Page;
  /** Saves a screenshot of the page as `screenshots/<name>.png`. */
  shot: (name: string) => Promise<void>;
  close: () => Promise<void>;
}

export interface OpenWallOptions {
  /** Names the failure screenshot (`<name>-failure.png`) when the wall never gets ready. */
  name: string;
  /** Extra environment for the API server (e.g. the simulator). */
  env?: Record<string, string>;
  /** The key to sign in with; the server's admin key unless given. */
  keyFor?: (server: TestServer) => Promise<string>;
}

/**
 * Starts a server and Chromium, signs in and waits until the wall screen says it is ready —
 * the set-up every wall test shares. Screenshots wait for a frame as long as the wall may take
 * to get ready: SwiftShader on a shared machine can be slow to give one.
 */
export async function openWall({ name, env, keyFor }: OpenWallOptions): Promise<WallSession> {
  const server = await startServer(env);
  const browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
  const visit = await openRecordedPage(browser);
  const { page } = visit;
  const key = keyFor ? await keyFor(server) : server.adminKey;
  await logInWithKey(page, server.url, key);
  await waitForSelectorOrExplain(
    visit,
    WALL_READY,
    WALL_READY_TIMEOUT_MS,
    `${SHOTS}${name}-failure.png`,
  );
  return {
    server,
    browser,
    visit,
    page,
    shot: async (shotName) => {
      await page.screenshot({ path: `${SHOTS}${shotName}.png`, timeout: WALL_READY_TIMEOUT_MS });
    },
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}
