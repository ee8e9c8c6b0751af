import type { Lang } from '../../ui/lang';

/** Seconds the kiosk tour stays on each street unless `?dwell=` says otherwise. */
const DEFAULT_DWELL_S = 45;
const MIN_DWELL_S = 5;

/** How the page was opened: `/?kiosk=1&dwell=60&sound=1&lang=en`. */
export interface WallOptions {
  kiosk: boolean;
  dwellMs: number;
  sound: boolean;
  lang: Lang;
}

/** Reads the wall screen's options from a query string; bad values fall back to defaults. */
export function readWallOptions(search: string): WallOptions {
  const params = new URLSearchParams(search);
  const flag = (name: string) => ['1', 'true', 'on'].includes(params.get(name) ?? '');
  const dwell = Number(params.get('dwell'));
  return {
    kiosk: flag('kiosk'),
    dwellMs: (Number.isFinite(dwell) && dwell >= MIN_DWELL_S ? dwell : DEFAULT_DWELL_S) * 1_000,
    sound: flag('sound'),
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
  };
}
