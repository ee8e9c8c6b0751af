import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildDarkStyle, buildLightStyle } from '../../../api/styles/build-style';
import { LAYER_IDS } from '../../../api/contract/style-layer-ids';
import { allUrls, sourcedLayers } from './style-walk';

const ORIGIN = 'http://127.0.0.1:8787';
const builders = { dark: buildDarkStyle, light: buildLightStyle };

describe.each(Object.entries(builders))('the %s style', (_name, build) => {
  const style = build({ origin: ORIGIN, withIncidents: true });

  it('is a valid MapLibre style (spec v8) with no validation errors', () => {
    expect(style.version).toBe(8);
    expect(validateStyleMin(style).map((error) => error.message)).toEqual([]);
  });

  it('has no glyphs and no sprite: labels use local fonts', () => {
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    const fonts = style.layers.flatMap((layer) =>
      layer.type === 'symbol' ? [layer.layout?.['text-font']] : [],
    );
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(allUrls(font)).toEqual([]);
  });

  it('points every URL at the given origin, and only at its TileJSON', () => {
    const urls = allUrls(style);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith(`${ORIGIN}/`))).toEqual([]);
    expect(
      urls.filter((url) => !/^http:\/\/127\.0\.0\.1:8787\/tiles\/[a-z-]+\.json$/.test(url)),
    ).toEqual([]);
  });

  it('builds URLs from the origin as given, with or without a trailing slash', () => {
    const other = build({ origin: 'https://yiping.example.gov.cn/', withIncidents: true });
    expect(allUrls(other)).toContain('https://yiping.example.gov.cn/tiles/basemap.json');
  });

  it('has unique layer ids, each drawing from a source the style declares', () => {
    const ids = style.layers.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { layer, source } of sourcedLayers(style)) {
      expect(style.sources, layer.id).toHaveProperty([source]);
    }
  });

  it('draws the basemap and the collections under their stable ids', () => {
    const ids = style.layers.map((layer) => layer.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        LAYER_IDS.background,
        LAYER_IDS.water,
        ...Object.values(LAYER_IDS.roads),
        LAYER_IDS.bridges,
        LAYER_IDS.buildings,
        LAYER_IDS.streetLine,
        LAYER_IDS.communityLine,
        LAYER_IDS.streetLabels,
        LAYER_IDS.gridsFill,
        LAYER_IDS.gridsLine,
        LAYER_IDS.servicePoints,
        LAYER_IDS.cameras,
        LAYER_IDS.incidents,
        LAYER_IDS.members,
      ]),
    );
    expect(ids[0]).toBe(LAYER_IDS.background);
  });

  it('leaves the incidents source and layers out for callers without incidents:read', () => {
    const without = build({ origin: ORIGIN, withIncidents: false });
    expect(Object.keys(without.sources)).not.toContain('incidents');
    expect(sourcedLayers(without).filter(({ source }) => source === 'incidents')).toEqual([]);
    expect(validateStyleMin(without)).toEqual([]);
    expect(Object.keys(style.sources)).toContain('incidents');
  });
});

describe('the two looks', () => {
  it('share their layer ids and differ in colour', () => {
    const dark = buildDarkStyle({ origin: ORIGIN, withIncidents: true });
    const light = buildLightStyle({ origin: ORIGIN, withIncidents: true });
    expect(light.layers.map((layer) => layer.id)).toEqual(dark.layers.map((layer) => layer.id));
    expect(light.layers[0]).not.toEqual(dark.layers[0]);
  });
});
