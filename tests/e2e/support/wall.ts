import type { Page } from 'playwright-core';

/** The wall screen once its layers, incidents and figures have loaded and the map is drawn. */
export const WALL_READY = '.wall[data-wall-ready="true"] [data-map-ready="true"]';

/** Calls the API from the page, with its session cookie; returns status and JSON body. */
export async function apiFromPage(
  page: Page,
  path: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ path, init }) => {
      const response = await fetch(path, {
        method: init.method ?? 'GET',
        headers: {
          ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...init.headers,
        },
        body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
      });
      return { status: response.status, body: await response.json() };
    },
    { path, init },
  );
}

/**
 * How many features of a deck.gl layer are drawn in the window now, by asking deck.gl to pick
 * every object under the whole viewport (picking renders the layers, so this counts what is
 * really on screen, not what was handed to the layer).
 */
export async function pickedCount(page: Page, layerId: string): Promise<number> {
  return page.evaluate((layerId) => {
    const overlay = window.yipingOverlay;
    if (!overlay) throw new Error('no deck.gl overlay on the page');
    const picked = overlay.pickObjects({
      x: 0,
      y: 0,
      width: window.innerWidth,
      height: window.innerHeight,
      layerIds: [layerId],
    });
    return picked.length;
  }, layerId);
}

/** Moves the map at once and resolves when it is idle there with its tiles loaded. */
export async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ({ center, zoom }) =>
      new Promise<void>((resolve) => {
        const map = window.yipingMap;
        if (!map) throw new Error('no map on the page');
        map.once('idle', () => resolve());
        map.jumpTo({ center, zoom });
      }),
    { center, zoom },
  );
  // deck.gl draws its layers on the frame after MapLibre's move; give it two frames.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** Where a point is on screen, in CSS pixels. */
export async function screenPointOf(page: Page, lngLat: [number, number]) {
  return page.evaluate((lngLat) => {
    const map = window.yipingMap;
    if (!map) throw new Error('no map on the page');
    const point = map.project(lngLat);
    const box = map.getContainer().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, lngLat);
}

/** The deck.gl layer with this id as the overlay holds it: visible, and how many data items. */
export async function deckLayer(
  page: Page,
  layerId: string,
): Promise<{ visible: boolean; length: number } | null> {
  return page.evaluate((layerId) => {
    const overlay = window.yipingOverlay as unknown as {
      _deck: { props: { layers: unknown[] } };
    };
    const layers = overlay._deck.props.layers.flat(Infinity) as {
      id: string;
      props: { visible: boolean; data: unknown };
    }[];
    const layer = layers.find((l) => l.id === layerId);
    if (!layer) return null;
    const data = layer.props.data as { length?: number } | undefined;
    return { visible: layer.props.visible, length: data?.length ?? 0 };
  }, layerId);
}

/** Fits the map to the district (from its admin area) at once and waits until it is drawn. */
export async function fitDistrict(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const response = await fetch('/ogc/collections/admin-areas/items?level=district');
    const body = (await response.json()) as {
      features: { geometry: { coordinates: number[][][][] } }[];
    };
    const points = body.features.flatMap((f) => f.geometry.coordinates.flat(2));
    const lngs = points.map((p) => p[0] ?? 0);
    const lats = points.map((p) => p[1] ?? 0);
    const map = window.yipingMap;
    if (!map) throw new Error('no map on the page');
    const idle = new Promise((resolve) => map.once('idle', resolve));
    const rem = window.innerHeight / 67.5;
    map.fitBounds(
      [
        [Math.min(...lngs), Math.min(...lats)],
        [Math.max(...lngs), Math.max(...lats)],
      ],
      {
        padding: { top: 7 * rem, bottom: 15 * rem, left: 23 * rem, right: 28 * rem },
        animate: false,
      },
    );
    await idle;
  });
}
