import type { Context } from 'hono';
import { BASEMAP_CRSS, type BasemapCrs } from '../config-basemap';
import { ValidationError } from '../domain/errors';
import type { AppEnv } from '../http/env';

/**
 * The CRS a tile or TileJSON is asked for (`?crs=gcj02`: shifted onto a GCJ-02 basemap);
 * WGS84 when absent. Any other value is a 400 naming the accepted ones.
 */
export function tileCrsOf(c: Context<AppEnv>): BasemapCrs {
  const raw = c.req.query('crs');
  if (raw === undefined || raw === '') return 'wgs84';
  const crs = BASEMAP_CRSS.find((name) => name === raw);
  if (crs) return crs;
  const message = `坐标系参数无效 Invalid crs ${JSON.stringify(raw)}: use ${BASEMAP_CRSS.join(' or ')} (default wgs84).`;
  throw new ValidationError(message, [{ path: 'crs', message }]);
}
