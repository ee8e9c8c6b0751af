import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { customStyleOf, listStyles } from '../../../api/styles/catalog';
import { buildCustomStyle, buildTiandituStyle } from '../../../api/styles/build-style';
import { parseExternalStyle } from '../../../api/styles/custom-style';
import { externalStyleReader } from '../../../api/styles/external-style';

const context = { origin: 'http://gis.example.org', withIncidents: true };
const URL_ = 'https://maps.example.org/styles/v1/gaode.json';
const external = parseExternalStyle(
  {
    version: 8,
    sprite: '../sprites/base',
    sources: {
      grids: { type: 'vector', url: 'tiles.json' },
      roads: { type: 'raster', tiles: ['/t/{z}/{x}/{y}.png'], tileSize: 256 },
    },
    layers: [
      { id: 'cameras', type: 'raster', source: 'roads' },
      { id: 'grid-fill', type: 'fill', source: 'grids', 'source-layer': 'g' },
    ],
  },
  URL_,
);
const gaode = { styleUrl: URL_, crs: 'gcj02' as const, title: '高德 Gaode' };

const sourceUrl = (style: StyleSpecification, id: string) =>
  (style.sources[id] as { url?: string; tiles?: string[] }).url ??
  (style.sources[id] as { tiles?: string[] }).tiles?.[0];

describe('custom style composition', () => {
  it('makes the external style’s relative URLs absolute, keeping {z}/{x}/{y}', () => {
    expect(external.sprite).toBe('https://maps.example.org/styles/sprites/base');
    expect(sourceUrl(external, 'roads')).toBe('https://maps.example.org/t/{z}/{x}/{y}.png');
  });

  it('draws the external ground first and our overlay on top, our ids kept', () => {
    const style = buildCustomStyle(external, gaode, context);
    const ids = style.layers.map((layer) => layer.id);
    expect(ids.slice(0, 2)).toEqual(['external-cameras', 'grid-fill']);
    expect(ids.indexOf('grids-line')).toBeGreaterThan(1);
    expect(ids.at(-1)).toBe('places-district');
    expect(ids.filter((id) => id === 'cameras')).toHaveLength(1);
    // The external `grids` source is renamed, and its layer follows it.
    expect(style.layers.find((l) => l.id === 'grid-fill')).toMatchObject({
      source: 'external-grids',
    });
    expect(sourceUrl(style, 'external-grids')).toBe(
      'https://maps.example.org/styles/v1/tiles.json',
    );
  });

  it('asks for our tiles in GCJ-02 over a GCJ-02 ground, and says so in its metadata', () => {
    const style = buildCustomStyle(external, gaode, context);
    expect(style.metadata).toEqual({ 'yiping:style': 'custom', 'yiping:crs': 'gcj02' });
    expect(sourceUrl(style, 'grids')).toBe('http://gis.example.org/tiles/grids.json?crs=gcj02');
    expect(sourceUrl(style, 'basemap')).toBe('http://gis.example.org/tiles/basemap.json?crs=gcj02');
    const wgs = buildCustomStyle(external, { ...gaode, crs: 'wgs84' }, context);
    expect(sourceUrl(wgs, 'grids')).toBe('http://gis.example.org/tiles/grids.json');
  });

  it('leaves our local-font labels out when the external style brings glyphs', () => {
    const withGlyphs = {
      ...external,
      glyphs: 'https://maps.example.org/fonts/{fontstack}/{range}.pbf',
    };
    const ids = buildCustomStyle(withGlyphs, gaode, context).layers.map((l) => l.id);
    expect(ids.some((id) => id.startsWith('places-'))).toBe(false);
    expect(ids).toContain('cameras');
  });

  it('falls back to the offline dark style with a notice when the fetch failed', () => {
    const style = customStyleOf(gaode, { ok: false, reason: 'HTTP 503' }, context);
    expect(style.metadata).toMatchObject({ 'yiping:style': 'dark', 'yiping:crs': 'wgs84' });
    expect(String((style.metadata as Record<string, unknown>)['yiping:notice'])).toMatch(
      /^自定义底图加载失败.*HTTP 503/,
    );
  });

  it('refuses a document that is not a MapLibre style', () => {
    expect(() => parseExternalStyle({ version: 7, sources: {}, layers: [] }, URL_)).toThrow(
      'version',
    );
    expect(() => parseExternalStyle({ version: 8, layers: [] }, URL_)).toThrow('sources');
  });
});

describe('the style listing', () => {
  it('lists Tianditu (WGS84) and the custom style with its title and CRS', () => {
    const rows = listStyles({ tiandituToken: 'abc123', customBasemap: gaode }, context.origin);
    expect(rows.map((r) => [r.id, r.crs])).toEqual([
      ['dark', 'wgs84'],
      ['light', 'wgs84'],
      ['tianditu', 'wgs84'],
      ['custom', 'gcj02'],
    ]);
    expect(rows.at(-1)!.title).toBe('高德 Gaode');
  });

  it('keeps our overlay over Tianditu, with unshifted tiles', () => {
    const style = buildTiandituStyle('abc123', context);
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('tianditu-vec')).toBeLessThan(ids.indexOf('grids-line'));
    expect(ids.indexOf('tianditu-cva')).toBeLessThan(ids.indexOf('cameras'));
    expect(sourceUrl(style, 'cameras')).toBe('http://gis.example.org/tiles/cameras.json');
  });
});

describe('reading the external style', () => {
  it('keeps a fetched style for a while and retries a failure only after 30 s', async () => {
    let calls = 0;
    let clock = 0;
    let fail = true;
    const fetchFn = (async () => {
      calls += 1;
      return fail
        ? new Response('down', { status: 503 })
        : Response.json({ version: 8, sources: {}, layers: [] });
    }) as unknown as typeof fetch;
    const read = externalStyleReader(gaode, fetchFn, () => clock);
    expect(await read()).toEqual({ ok: false, reason: `HTTP 503 from ${URL_}` });
    clock = 29_000;
    await read();
    expect(calls).toBe(1);
    fail = false;
    clock = 31_000;
    expect((await read()).ok).toBe(true);
    clock = 200_000;
    await read();
    expect(calls).toBe(2);
  });
});
