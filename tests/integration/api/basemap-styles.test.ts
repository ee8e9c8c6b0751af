import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';

const db = useTestDatabase();
let key: string;
let server: Server;
let styleUrl: string;

/** A tiny external style: one raster source with a relative tile URL, one layer. */
const EXTERNAL = {
  version: 8,
  name: 'Test GCJ-02 ground',
  sources: { ground: { type: 'raster', tiles: ['tiles/{z}/{x}/{y}.png'], tileSize: 256 } },
  layers: [{ id: 'ground', type: 'raster', source: 'ground' }],
};

beforeAll(async () => {
  const codes = await areaCodes(db());
  key = (await makeKey(db(), 'admin', [codes.district])).key;
  server = createServer((request, response) => {
    if (request.url === '/style.json') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(EXTERNAL));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  styleUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/style.json`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Style {
  metadata: Record<string, string>;
  sources: Record<string, { url?: string; tiles?: string[] }>;
  layers: { id: string; source?: string }[];
}

const appWith = (env: Record<string, string>) => createTestApp(db(), { env });

describe('custom basemap styles', () => {
  it('GET /styles lists the custom style with its title and CRS', async () => {
    const app = appWith({
      BASEMAP_STYLE_URL: styleUrl,
      BASEMAP_CRS: 'gcj02',
      BASEMAP_TITLE: '高德 Gaode',
    });
    const body = (await (await app.request('/styles', bearer(key))).json()) as {
      styles: { id: string; title: string; crs: string }[];
    };
    expect(body.styles.map((s) => [s.id, s.crs])).toEqual([
      ['dark', 'wgs84'],
      ['light', 'wgs84'],
      ['custom', 'gcj02'],
    ]);
    expect(body.styles.find((s) => s.id === 'custom')!.title).toBe('高德 Gaode');
  });

  it('puts our overlay over the fetched style, its tiles asked for in GCJ-02', async () => {
    const app = appWith({ BASEMAP_STYLE_URL: styleUrl, BASEMAP_CRS: 'gcj02' });
    const response = await app.request('/styles/custom.json', bearer(key));
    expect(response.status).toBe(200);
    const style = (await response.json()) as Style;
    expect(style.metadata['yiping:crs']).toBe('gcj02');
    expect(style.layers[0]!.id).toBe('ground');
    const ids = style.layers.map((layer) => layer.id);
    for (const ours of ['grids-line', 'cameras', 'service-points', 'incidents']) {
      expect(ids.indexOf(ours)).toBeGreaterThan(0);
    }
    expect(style.sources.ground!.tiles![0]).toBe(
      styleUrl.replace('style.json', 'tiles/{z}/{x}/{y}.png'),
    );
    expect(style.sources.cameras!.url).toMatch(/\/tiles\/cameras\.json\?crs=gcj02$/);
    expect(style.sources.basemap!.url).toMatch(/\/tiles\/basemap\.json\?crs=gcj02$/);
  });

  it('falls back to the offline style, saying why, when the style cannot be fetched', async () => {
    const missing = styleUrl.replace('style.json', 'missing.json');
    const app = appWith({ BASEMAP_STYLE_URL: missing, BASEMAP_CRS: 'gcj02' });
    const response = await app.request('/styles/custom.json', bearer(key));
    expect(response.status).toBe(200);
    const style = (await response.json()) as Style;
    expect(style.metadata['yiping:style']).toBe('dark');
    expect(style.metadata['yiping:crs']).toBe('wgs84');
    expect(style.metadata['yiping:notice']).toContain('自定义底图加载失败');
    expect(style.metadata['yiping:notice']).toContain('HTTP 404');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(style.sources.cameras!.url).toMatch(/\/tiles\/cameras\.json$/);
  });

  it('has no custom style, and lists none, unless one is configured', async () => {
    const app = appWith({});
    const body = (await (await app.request('/styles', bearer(key))).json()) as {
      styles: { id: string }[];
    };
    expect(body.styles.map((s) => s.id)).toEqual(['dark', 'light']);
    const response = await app.request('/styles/custom.json', bearer(key));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('BASEMAP_STYLE_URL');
  });
});
