import { type Browser, type Page, chromium } from 'playwright-core';

/** Debian's Chromium, rendering WebGL through SwiftShader (no GPU on these machines). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

/** A `console.error` message and the URL it concerns (the resource, for a failed load). */
export interface ConsoleError {
  text: string;
  url: string;
}

/** An answer the page received, numbered in the order the answers arrived. */
export interface RecordedResponse {
  seq: number;
  url: string;
  status: number;
  method: string;
}

/** A page together with what it reported while it ran. */
export interface RecordedPage {
  page: Page;
  /** `console.error` messages, including Chromium's own (failed loads, CSP refusals). */
  consoleErrors: ConsoleError[];
  /** Every console message as `type: text`, for diagnosing a failure. */
  consoleLog: string[];
  /** Uncaught exceptions and unhandled rejections. */
  pageErrors: string[];
  /** `securitypolicyviolation` events: what the Content-Security-Policy refused. */
  cspViolations: string[];
  /** Every URL the page requested (documents, scripts, workers, fetches). */
  requests: string[];
  /** Every answer the page received. */
  responses: RecordedResponse[];
}

/** Reports CSP violations from the page; init scripts run even under a strict CSP. */
function listenForCspViolations(): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    const report = (window as unknown as Record<string, (text: string) => void>)[
      '__reportCspViolation'
    ];
    report?.(`${event.effectiveDirective} refused ${event.blockedURI} (${event.sourceFile})`);
  });
}

/**
 * Opens a 1920×1080 page in a fresh context (no cookies) that records console errors, page
 * errors, CSP violations, requests and responses.
 */
export async function openRecordedPage(browser: Browser): Promise<RecordedPage> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const recorded: RecordedPage = {
    page: await context.newPage(),
    consoleErrors: [],
    consoleLog: [],
    pageErrors: [],
    cspViolations: [],
    requests: [],
    responses: [],
  };
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    recorded.cspViolations.push(text);
  });
  await context.addInitScript(listenForCspViolations);
  recorded.page.on('console', (message) => {
    recorded.consoleLog.push(`${message.type()}: ${message.text()}`);
    if (message.type() === 'error') {
      recorded.consoleErrors.push({ text: message.text(), url: message.location().url });
    }
  });
  recorded.page.on('pageerror', (error) => recorded.pageErrors.push(String(error)));
  context.on('request', (request) => recorded.requests.push(request.url()));
  context.on('response', (response) => {
    const { url, method } = { url: response.url(), method: response.request().method() };
    recorded.responses.push({
      seq: recorded.responses.length,
      url,
      status: response.status(),
      method,
    });
  });
  return recorded;
}

/**
 * Console errors other than Chromium's "Failed to load resource … 401" for the given paths:
 * the app asks `/api/v1/auth/me` before anyone has signed in, and a wrong key is a 401 too.
 */
export function unexpectedConsoleErrors(
  recorded: RecordedPage,
  expected401Paths: readonly string[] = [],
): string[] {
  return recorded.consoleErrors
    .filter(
      ({ text, url }) =>
        !(
          text.includes('status of 401') &&
          url !== '' &&
          expected401Paths.includes(new URL(url).pathname)
        ),
    )
    .map(({ text, url }) => `${text} (${url})`);
}

/** The path of a recorded URL. */
export function pathOf(url: string): string {
  return new URL(url).pathname;
}

/** True for a URL that stays on this machine (or never touches the network at all). */
export function isLocalUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || url === 'about:blank') return true;
  return hostname === '127.0.0.1';
}

/**
 * Waits for a selector; on timeout saves a screenshot next to the others and fails with what
 * the page logged and requested, so a red run explains itself.
 */
export async function waitForSelectorOrExplain(
  recorded: RecordedPage,
  selector: string,
  timeout: number,
  failureScreenshot: string,
): Promise<void> {
  try {
    await recorded.page.locator(selector).waitFor({ state: 'attached', timeout });
  } catch (error) {
    await recorded.page.screenshot({ path: failureScreenshot }).catch(() => undefined);
    const report = [
      `${String(error)}`,
      `page errors:\n${recorded.pageErrors.join('\n')}`,
      `CSP violations:\n${recorded.cspViolations.join('\n')}`,
      `console:\n${recorded.consoleLog.slice(-40).join('\n')}`,
      `requests:\n${recorded.requests.slice(-40).join('\n')}`,
      `screenshot: ${failureScreenshot}`,
    ];
    throw new Error(report.join('\n\n'), { cause: error });
  }
}
