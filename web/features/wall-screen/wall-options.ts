import type { Lang } from '../../ui/lang';

/** Seconds the kiosk tour stays on each stop unless `?dwell=` says otherwise. */
const DEFAULT_DWELL_S = 45;
const MIN_DWELL_S = 5;
/** Tour steps between two incident visits unless `?gap=` says otherwise. */
const DEFAULT_GAP_STEPS = 3;
const MIN_GAP_STEPS = 1;
/** How long an alert stays up on an attended wall unless dismissed. */
const ATTENDED_ALERT_MS = 90_000;
/** On an unattended wall an alert stays this many tour steps, then goes by itself. */
const KIOSK_ALERT_STEPS = 2;

/** How the page was opened: `/?kiosk=1&dwell=60&gap=3&sound=1&lang=en`. */
export interface WallOptions {
  kiosk: boolean;
  /** How long the kiosk shows each step: a stop of the tour or an incident. */
  dwellMs: number;
  /** Tour steps the kiosk shows between two incident visits (the cap on leaving the tour). */
  gapSteps: number;
  /** How long an alert stays up before it goes by itself. */
  alertMs: number;
  sound: boolean;
  lang: Lang;
}

/** Reads the wall screen's options from a query string; bad values fall back to defaults. */
export function readWallOptions(search: string): WallOptions {
  const params = new URLSearchParams(search);
  const flag = (name: string) => ['1', 'true', 'on'].includes(params.get(name) ?? '');
  const dwell = Number(params.get('dwell'));
  const gap = Number(params.get('gap'));
  const kiosk = flag('kiosk');
  const dwellMs =
    (Number.isFinite(dwell) && dwell >= MIN_DWELL_S ? dwell : DEFAULT_DWELL_S) * 1_000;
  return {
    kiosk,
    dwellMs,
    gapSteps: Number.isInteger(gap) && gap >= MIN_GAP_STEPS ? gap : DEFAULT_GAP_STEPS,
    alertMs: kiosk ? KIOSK_ALERT_STEPS * dwellMs : ATTENDED_ALERT_MS,
    sound: flag('sound'),
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
  };
}
