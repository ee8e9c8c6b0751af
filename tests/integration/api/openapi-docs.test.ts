import { describe, expect, it } from 'vitest';
import { call, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';

const db = useTestDatabase();
/** This file's own client address, so its requests never share a rate-limit bucket. */
const get = (app: ReturnType<typeof createTestApp>, path: string) =>
  call(app, path, {}, '10.73.0.1');

/** The `src`/`href` of every script, stylesheet and icon of a page. */
function assetUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
}

describe('GET /api/docs', () => {
  it('is a zh-CN page whose scripts and styles are all served by us', async () => {
    const app = createTestApp(db());
    const page = await get(app, '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/<title>[^<]*接口文档[^<]*<\/title>/);
    const urls = assetUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) {
      expect(url, 'local URL').toMatch(/^\/api\/docs\/[\w.-]+$/);
      const asset = await get(app, url);
      expect(asset.status, url).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(0);
    }
  });

  it('works under the Content-Security-Policy: no inline script, nothing external', async () => {
    const app = createTestApp(db());
    const page = await get(app, '/api/docs');
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\b(https?:)?\/\/[a-z]/i);
  });

  it('starts Swagger UI on /api/openapi.json from a served script', async () => {
    const app = createTestApp(db());
    const script = await get(app, '/api/docs/init.js');
    expect(script.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    const text = await script.text();
    expect(text).toContain("url: '/api/openapi.json'");
    expect(text).toContain('validatorUrl: null');
    const bundle = await get(app, '/api/docs/swagger-ui-bundle.js');
    expect(bundle.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    const css = await get(app, '/api/docs/swagger-ui.css');
    expect(css.headers.get('Content-Type')).toMatch(/^text\/css/);
  });

  it('serves only the files the page needs', async () => {
    const app = createTestApp(db());
    for (const path of [
      '/api/docs/package.json',
      '/api/docs/oauth2-redirect.html',
      '/api/docs/..%2Fpackage.json',
      '/api/docs/swagger-ui-bundle.js.map',
    ]) {
      const response = await get(app, path);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });
});
