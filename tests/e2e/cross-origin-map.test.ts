import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openRecordedPage, type RecordedPage } from './support/browser';
import { startServer, type TestServer } from './support/server';

const MAPLIBRE_DIST = fileURLToPath(
  new URL('../../node_modules/maplibre-gl/dist/', import.meta.url),
);
const MAP_TIMEOUT_MS = 150_000;

/**
 * A partner's page on another origin (`localhost` vs the API's `127.0.0.1`, another port): it
 * loads MapLibre from its own server and our dark style with a bearer key, as a MapLibre page
 * elsewhere would.
 */
const PAGE = `<!doctype html>
<html><head><link rel="stylesheet" href="/maplibre/maplibre-gl.css"></head>
<body style="margin:0"><div id="map" style="width:800px;height:600px"></div>
<script type="module">
  import * as library from '/maplibre/maplibre-gl.mjs';
  const maplibregl = library.default ?? library;
  maplibregl.setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');
  const { api, key, bounds } = JSON.parse(decodeURIComponent(location.hash.slice(1)));
  const map = new maplibregl.Map({
    container: 'map',
    style: api + 'styles/dark.json',
    bounds,
    transformRequest: (url) =>
      url.startsWith(api) ? { url, headers: { Authorization: 'Bearer ' + key } } : { url },
  });
  map.on('error', (event) => { window.mapErrors = [...(window.mapErrors ?? []), String(event.error)]; });
  map.once('idle', () => { window.renderedFeatures = map.queryRenderedFeatures().length; });
</script></body></html>`;

/** Serves the page and MapLibre's files, nothing else. */
function servePage(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
      return;
    }
    const file = /^\/maplibre\/(maplibre-gl(?:-worker)?\.(?:mjs|css))$/.exec(path)?.[1];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
    readFile(MAPLIBRE_DIST + file).then(
      (body) => response.writeHead(200, { 'Content-Type': type }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let api: TestServer;
let page: Server;
let browser: Browser;
let visit: RecordedPage;

beforeAll(async () => {
  api = await startServer({ YIPING_SERVE_WEB: 'off' });
  page = await servePage();
  browser = await launchChromium();
  visit = await openRecordedPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => page?.close(resolve));
  await api?.stop();
});

describe('a MapLibre page on another origin', () => {
  it('loads our style and tiles with a bearer key', async () => {
    const tilejson = await fetch(new URL('tiles/grids.json', api.url), {
      headers: { Authorization: `Bearer ${api.adminKey}` },
    });
    const { bounds } = (await tilejson.json()) as { bounds: number[] };
    const state = encodeURIComponent(JSON.stringify({ api: api.url, key: api.adminKey, bounds }));
    const { port } = page.address() as AddressInfo;
    await visit.page.goto(`http://localhost:${port}/#${state}`);
    await visit.page.waitForFunction(
      () => {
        const state = window as { renderedFeatures?: number; mapErrors?: string[] };
        return state.renderedFeatures !== undefined || state.mapErrors !== undefined;
      },
      undefined,
      { timeout: MAP_TIMEOUT_MS },
    );
    const rendered = await visit.page.evaluate(
      () => (window as { renderedFeatures?: number }).renderedFeatures,
    );
    const errors = await visit.page.evaluate(() => (window as { mapErrors?: string[] }).mapErrors);
    const fromApi = visit.responses.filter((response) => response.url.startsWith(api.url));
    expect(errors ?? []).toEqual([]);
    expect(visit.pageErrors).toEqual([]);
    expect(
      fromApi.some((response) => /\/tiles\/grids\/\d+\/\d+\/\d+\.mvt$/.test(response.url)),
    ).toBe(true);
    expect(fromApi.filter((response) => response.status >= 400)).toEqual([]);
    expect(rendered).toBeGreaterThan(0);
  });
});
