import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { CustomBasemap } from '../config-basemap';
import { ExternalStyleError, parseExternalStyle } from './custom-style';

/** How long a fetch of the external style may take before the offline style is served. */
const FETCH_TIMEOUT_MS = 5_000;
/** A fetched style is used this long, then fetched again (its publisher may change it). */
const KEEP_MS = 10 * 60_000;
/** After a failure, the next request tries again no sooner than this. */
const RETRY_MS = 30_000;

/** The external style, or why it could not be had (a message for operators and users). */
export type ExternalStyleResult =
  { ok: true; style: StyleSpecification } | { ok: false; reason: string };

/** Reads the configured style; returns the fetched style or the reason it failed. */
export type ExternalStyleReader = () => Promise<ExternalStyleResult>;

async function fetchStyle(url: string, fetchFn: typeof fetch): Promise<ExternalStyleResult> {
  try {
    const response = await fetchFn(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status} from ${url}` };
    return { ok: true, style: parseExternalStyle(await response.json(), url) };
  } catch (error) {
    const why = error instanceof ExternalStyleError ? error.message : String(error);
    return { ok: false, reason: `${url}: ${why}` };
  }
}

/**
 * Reads the custom basemap's style from its URL when first asked for (the server needs the
 * internet only when a style is configured, and only once someone chooses it), keeps it for
 * ten minutes and, after a failure, tries again at most every 30 seconds.
 */
export function externalStyleReader(
  basemap: CustomBasemap,
  fetchFn: typeof fetch = fetch,
  now: () => number = Date.now,
): ExternalStyleReader {
  let last: { result: ExternalStyleResult; at: number } | undefined;
  let pending: Promise<ExternalStyleResult> | undefined;
  return async () => {
    const age = last ? now() - last.at : Infinity;
    if (last && age < (last.result.ok ? KEEP_MS : RETRY_MS)) return last.result;
    pending ??= fetchStyle(basemap.styleUrl, fetchFn).then((result) => {
      last = { result, at: now() };
      pending = undefined;
      return result;
    });
    return pending;
  };
}
