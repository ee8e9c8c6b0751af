import type { Page } from 'playwright-core';

/** What MapLibre reports as drawn in one style layer of the page's map (`window.yipingMap`). */
export interface RenderedLayer {
  /** Features drawn in the viewport (for symbol layers: labels placed, after collisions). */
  count: number;
  /** The source layer of the first feature, and up to 20 of the features' properties. */
  sourceLayer: string | undefined;
  properties: Record<string, unknown>[];
  /** Screen position of the first feature's first point (labels, points). */
  firstPoint: [number, number] | undefined;
}

/**
 * Asks the page's map which features of each layer it has rendered
 * (`map.queryRenderedFeatures`), so a test sees what our tiles drew, by layer id.
 */
export async function renderedLayers(
  page: Page,
  layerIds: readonly string[],
): Promise<Record<string, RenderedLayer>> {
  return page.evaluate((ids) => {
    const map = window.yipingMap;
    if (!map) throw new Error('window.yipingMap is not set: the map has not loaded');
    const result: Record<string, RenderedLayer> = {};
    for (const id of ids) {
      const features = map.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }) : [];
      const first = features[0];
      const geometry = first?.geometry;
      const point =
        geometry?.type === 'Point' ? map.project(geometry.coordinates as [number, number]) : null;
      result[id] = {
        count: features.length,
        sourceLayer: first?.sourceLayer,
        properties: features.slice(0, 20).map((feature) => ({ ...feature.properties })),
        firstPoint: point ? [point.x, point.y] : undefined,
      };
    }
    return result;
  }, layerIds);
}

/** The map's style as loaded: its name, source ids and layer ids. */
export async function loadedStyle(page: Page) {
  return page.evaluate(() => {
    const map = window.yipingMap;
    if (!map) throw new Error('window.yipingMap is not set: the map has not loaded');
    const style = map.getStyle();
    return {
      name: style.name,
      glyphs: style.glyphs,
      sprite: style.sprite,
      sources: Object.keys(style.sources),
      layers: style.layers.map((layer) => layer.id),
      zoom: map.getZoom(),
    };
  });
}
