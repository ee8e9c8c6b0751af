import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../api/config';

describe('basemap configuration', () => {
  it('has no custom basemap unless BASEMAP_STYLE_URL is set', () => {
    expect(loadConfig({}).customBasemap).toBeUndefined();
    expect(loadConfig({ BASEMAP_CRS: 'gcj02' }).customBasemap).toBeUndefined();
  });

  it('reads the URL, the CRS (WGS84 by default) and the title', () => {
    const url = 'https://tiles.example.org/styles/gaode.json';
    expect(loadConfig({ BASEMAP_STYLE_URL: url }).customBasemap).toEqual({
      styleUrl: url,
      crs: 'wgs84',
      title: '自定义底图 Custom basemap',
    });
    const gcj = loadConfig({ BASEMAP_STYLE_URL: url, BASEMAP_CRS: 'gcj02', BASEMAP_TITLE: '高德' });
    expect(gcj.customBasemap).toMatchObject({ crs: 'gcj02', title: '高德' });
  });

  it.each([
    [{ BASEMAP_STYLE_URL: 'ftp://example.org/style.json' }, 'BASEMAP_STYLE_URL: must be an http'],
    [{ BASEMAP_STYLE_URL: 'not a url' }, 'BASEMAP_STYLE_URL: must be an http'],
    [{ BASEMAP_CRS: 'bd09' }, 'BASEMAP_CRS: must be wgs84 or gcj02'],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
