import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../api/config';
import { availableStyles, resolveStyle } from '../../../api/styles/catalog';
import { allUrls } from './style-walk';

const ORIGIN = 'http://127.0.0.1:8787';
const TOKEN = '4f2b9c0d8e7a6b5c4d3e2f1a0b9c8d7e';
const context = { origin: ORIGIN, withIncidents: true };

describe('the Tianditu style', () => {
  it('exists only when TIANDITU_TOKEN is configured', () => {
    expect(availableStyles(loadConfig({}))).toEqual(['dark', 'light']);
    expect(availableStyles(loadConfig({ TIANDITU_TOKEN: TOKEN }))).toEqual([
      'dark',
      'light',
      'tianditu',
    ]);
  });

  it('without a token is not found, and the message says what to set', () => {
    expect(() => resolveStyle('tianditu', { tiandituToken: undefined }, context)).toThrow(
      /TIANDITU_TOKEN/,
    );
  });

  const style = resolveStyle('tianditu', { tiandituToken: TOKEN }, context);

  it('is a valid style with no glyphs or sprite', () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
  });

  it('draws the vec map and cva annotation from t0–t7 with the token, credited to 天地图', () => {
    for (const layer of ['vec', 'cva']) {
      const source = style.sources[`tianditu-${layer}`];
      expect(source?.type).toBe('raster');
      const tiles = source && 'tiles' in source ? (source.tiles ?? []) : [];
      expect(tiles.map((url) => new URL(url).hostname)).toEqual(
        [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `t${n}.tianditu.gov.cn`),
      );
      for (const url of tiles) {
        expect(url).toContain(`/${layer}_w/wmts?`);
        expect(url).toContain(`LAYER=${layer}&`);
        expect(url).toContain('TILEMATRIXSET=w');
        expect(url).toContain('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}');
        expect(url.endsWith(`&tk=${TOKEN}`)).toBe(true);
      }
      expect(source && 'attribution' in source ? source.attribution : '').toContain('天地图');
    }
  });

  it('puts the raster map under our layers and refers to nothing else outside our origin', () => {
    expect(style.layers.map((layer) => layer.id).slice(0, 2)).toEqual([
      'background',
      'tianditu-vec',
    ]);
    const outside = allUrls(style).filter((url) => !url.startsWith(`${ORIGIN}/`));
    expect(outside.length).toBe(16);
    expect(outside.every((url) => url.startsWith('https://t'))).toBe(true);
    expect(allUrls(style)).toContain(`${ORIGIN}/tiles/grids.json`);
  });

  it('refuses a token that could break out of the URL', () => {
    expect(() => loadConfig({ TIANDITU_TOKEN: 'abc&LAYER=x' })).toThrow(/TIANDITU_TOKEN/);
  });
});
