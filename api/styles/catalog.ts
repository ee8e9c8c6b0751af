import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { NotFoundError } from '../domain/errors';
import type { BasemapCrs, CustomBasemap } from '../config-basemap';
import {
  buildCustomStyle,
  buildDarkStyle,
  buildLightStyle,
  buildTiandituStyle,
  type StyleContext,
} from './build-style';
import type { ExternalStyleResult } from './external-style';
import { normaliseOrigin } from './sources';

/** Names of the styles served at `/styles/{name}.json`. */
export const STYLE_NAMES = ['dark', 'light', 'tianditu', 'custom'] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

/** Chinese title first, then English, like the collection titles. */
const TITLES: Record<StyleName, string> = {
  dark: '指挥大屏（暗色） Command center (dark)',
  light: '规划（浅色） Planning (light)',
  tianditu: '天地图底图 Tianditu basemap',
  custom: '自定义底图 Custom basemap',
};

/** A row of `GET /styles`. */
export interface StyleListing {
  id: StyleName;
  title: string;
  url: string;
  /** The CRS of the basemap's ground; our overlays are drawn shifted to it. */
  crs: BasemapCrs;
}

/** Server settings the styles depend on. */
export interface StyleSettings {
  /** Tianditu key; without it there is no Tianditu style and nothing refers to the internet. */
  tiandituToken: string | undefined;
  /** An external style (`BASEMAP_STYLE_URL`); without it there is no `custom` style. */
  customBasemap?: CustomBasemap | undefined;
}

/**
 * The styles this server offers: dark and light always, Tianditu when a key is configured,
 * `custom` when a style URL is.
 */
export function availableStyles(settings: StyleSettings): StyleName[] {
  return STYLE_NAMES.filter(
    (name) =>
      (name !== 'tianditu' || Boolean(settings.tiandituToken)) &&
      (name !== 'custom' || Boolean(settings.customBasemap)),
  );
}

/** The listing of `GET /styles`, with absolute URLs. */
export function listStyles(settings: StyleSettings, origin: string): StyleListing[] {
  const base = normaliseOrigin(origin);
  return availableStyles(settings).map((id) => ({
    id,
    title: id === 'custom' && settings.customBasemap ? settings.customBasemap.title : TITLES[id],
    url: `${base}/styles/${id}.json`,
    crs: id === 'custom' && settings.customBasemap ? settings.customBasemap.crs : 'wgs84',
  }));
}

/**
 * The style called `name`, built for this origin and caller. Throws NotFoundError for a name
 * that does not exist, and for Tianditu when no key is configured (saying how to configure it).
 */
export function resolveStyle(
  name: string,
  settings: StyleSettings,
  context: StyleContext,
): StyleSpecification {
  if (name === 'dark') return buildDarkStyle(context);
  if (name === 'light') return buildLightStyle(context);
  if (name === 'tianditu') {
    if (!settings.tiandituToken) {
      throw new NotFoundError(
        'The tianditu style is off: set TIANDITU_TOKEN to a Tianditu (天地图) key to enable it.',
      );
    }
    return buildTiandituStyle(settings.tiandituToken, context);
  }
  if (name === 'custom' && !settings.customBasemap) {
    throw new NotFoundError(
      'The custom style is off: set BASEMAP_STYLE_URL to a MapLibre style URL to enable it.',
    );
  }
  throw new NotFoundError(
    `There is no style named ${JSON.stringify(name)}. Styles: ${availableStyles(settings).join(', ')} (see GET /styles).`,
  );
}

/**
 * The custom style: the external style with our overlay on top. When the external style could
 * not be read, the offline dark style instead — never a blank map — with the reason in its
 * metadata (`yiping:notice`, Chinese then English) for the client to show.
 */
export function customStyleOf(
  basemap: CustomBasemap,
  external: ExternalStyleResult,
  context: StyleContext,
): StyleSpecification {
  if (external.ok) return buildCustomStyle(external.style, basemap, context);
  const fallback = buildDarkStyle(context);
  const notice =
    `自定义底图加载失败，已改用离线底图。Custom basemap unavailable (${external.reason}); ` +
    'showing the offline basemap.';
  return { ...fallback, metadata: { ...(fallback.metadata as object), 'yiping:notice': notice } };
}
