import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { NotFoundError } from '../domain/errors';
import {
  buildDarkStyle,
  buildLightStyle,
  buildTiandituStyle,
  type StyleContext,
} from './build-style';
import { normaliseOrigin } from './sources';

/** Names of the styles served at `/styles/{name}.json`. */
export const STYLE_NAMES = ['dark', 'light', 'tianditu'] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

/** Chinese title first, then English, like the collection titles. */
const TITLES: Record<StyleName, string> = {
  dark: '指挥大屏（暗色） Command center (dark)',
  light: '规划（浅色） Planning (light)',
  tianditu: '天地图底图 Tianditu basemap',
};

/** A row of `GET /styles`. */
export interface StyleListing {
  id: StyleName;
  title: string;
  url: string;
}

/** Server settings the styles depend on. */
export interface StyleSettings {
  /** Tianditu key; without it there is no Tianditu style and nothing refers to the internet. */
  tiandituToken: string | undefined;
}

/** The styles this server offers: dark and light always, Tianditu when a key is configured. */
export function availableStyles(settings: StyleSettings): StyleName[] {
  return STYLE_NAMES.filter((name) => name !== 'tianditu' || Boolean(settings.tiandituToken));
}

/** The listing of `GET /styles`, with absolute URLs. */
export function listStyles(settings: StyleSettings, origin: string): StyleListing[] {
  const base = normaliseOrigin(origin);
  return availableStyles(settings).map((id) => ({
    id,
    title: TITLES[id],
    url: `${base}/styles/${id}.json`,
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
  throw new NotFoundError(
    `There is no style named ${JSON.stringify(name)}. Styles: ${availableStyles(settings).join(', ')} (see GET /styles).`,
  );
}
