import type {
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { CustomBasemap } from '../config-basemap';

/** Thrown when the configured style URL does not give a MapLibre style. */
export class ExternalStyleError extends Error {
  override name = 'ExternalStyleError';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `url` made absolute against the style's own URL (styles may use relative sprite/tile URLs). */
function absolute(url: string, base: string): string {
  // MapLibre's own schemes (mapbox://, pmtiles://) and templates are kept as written.
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return new URL(url, base).href.replaceAll('%7B', '{').replaceAll('%7D', '}');
}

function absoluteSource(source: SourceSpecification, base: string): SourceSpecification {
  const copy = { ...source } as Record<string, unknown>;
  if (typeof copy.url === 'string') copy.url = absolute(copy.url, base);
  if (Array.isArray(copy.tiles)) {
    copy.tiles = copy.tiles.map((tile) => (typeof tile === 'string' ? absolute(tile, base) : tile));
  }
  if (typeof copy.data === 'string') copy.data = absolute(copy.data, base);
  return copy as unknown as SourceSpecification;
}

/**
 * Checks that `body` (fetched from `styleUrl`) is a MapLibre style — version 8, sources, layers
 * — and returns it with its relative URLs made absolute. Throws ExternalStyleError otherwise.
 */
export function parseExternalStyle(body: unknown, styleUrl: string): StyleSpecification {
  if (!isRecord(body) || body.version !== 8) {
    throw new ExternalStyleError('the document is not a MapLibre style (no "version": 8)');
  }
  if (!isRecord(body.sources) || !Array.isArray(body.layers)) {
    throw new ExternalStyleError('the style has no "sources" object or no "layers" array');
  }
  const sources = Object.fromEntries(
    Object.entries(body.sources as Record<string, SourceSpecification>).map(([id, source]) => [
      id,
      absoluteSource(source, styleUrl),
    ]),
  );
  const style = { ...body, sources } as unknown as StyleSpecification;
  if (typeof style.glyphs === 'string') style.glyphs = absolute(style.glyphs, styleUrl);
  if (typeof style.sprite === 'string') style.sprite = absolute(style.sprite, styleUrl);
  return style;
}

/** Ids the external style shares with ours get this prefix, so ours keep their documented ids. */
const EXTERNAL_PREFIX = 'external-';

/** The external style's layers and sources, renamed where an id of ours is taken. */
function renameClashes(
  external: StyleSpecification,
  ourSources: ReadonlySet<string>,
  ourLayers: ReadonlySet<string>,
): { sources: StyleSpecification['sources']; layers: LayerSpecification[] } {
  const sourceId = (id: string) => (ourSources.has(id) ? EXTERNAL_PREFIX + id : id);
  const sources = Object.fromEntries(
    Object.entries(external.sources).map(([id, source]) => [sourceId(id), source]),
  );
  const layers = external.layers.map((layer) => {
    const renamed = {
      ...layer,
      id: ourLayers.has(layer.id) ? EXTERNAL_PREFIX + layer.id : layer.id,
    };
    if ('source' in renamed && typeof renamed.source === 'string') {
      renamed.source = sourceId(renamed.source);
    }
    return renamed as LayerSpecification;
  });
  return { sources, layers };
}

/** What is drawn over an external basemap: our sources and overlay layers, bottom first. */
export interface Overlay {
  sources: StyleSpecification['sources'];
  layers: LayerSpecification[];
}

/**
 * An external basemap with our overlay on top: its sources and layers first (the ground), then
 * ours. Ids of the external style that clash with ours are prefixed `external-`. The result
 * carries `yiping:style` = `custom` and `yiping:crs` in its metadata: clients shift what they
 * draw themselves by the CRS the style they got says.
 */
export function composeCustomStyle(
  external: StyleSpecification,
  basemap: CustomBasemap,
  overlay: Overlay,
): StyleSpecification {
  const ground = renameClashes(
    external,
    new Set(Object.keys(overlay.sources)),
    new Set(overlay.layers.map((layer) => layer.id)),
  );
  return {
    ...external,
    name: basemap.title,
    metadata: { 'yiping:style': 'custom', 'yiping:crs': basemap.crs },
    sources: { ...ground.sources, ...overlay.sources },
    layers: [...ground.layers, ...overlay.layers],
  };
}
