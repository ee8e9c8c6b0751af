import { createHash } from 'node:crypto';
import type { Geometry, Position } from 'geojson';
import type { FileCrs } from '../../contract/imports';
import { convertGeometry } from '../china-crs';
import type { LayerGeometry } from './field-kinds';

/** A geometry of the layer's type, or why the feature's geometry cannot be one. */
export type Shaped = { ok: true; geometry: Geometry } | { ok: false; zh: string; en: string };

/**
 * Brings a feature's geometry to the layer's type: a single-part Multi* becomes its part (grids,
 * buildings and water store Polygon, roads LineString), a Polygon becomes a MultiPolygon for admin
 * areas. Any other type, or coordinates outside longitude/latitude range, is refused.
 */
export function shapeGeometry(target: LayerGeometry, geometry: Geometry | null): Shaped {
  if (target === null) return { ok: true, geometry: geometry as Geometry };
  if (!geometry) return { ok: false, zh: '缺少几何。', en: 'The feature has no geometry.' };
  const outside = firstOutOfRange(geometry);
  if (outside)
    return {
      ok: false,
      zh: `坐标超出经纬度范围：${outside.join(', ')}。`,
      en: `Coordinates out of longitude/latitude range: ${outside.join(', ')}.`,
    };
  const shaped = reshape(target, geometry);
  if (shaped) return { ok: true, geometry: shaped };
  return {
    ok: false,
    zh: `几何类型应为 ${target}，实际为 ${describe(geometry)}。`,
    en: `Expected a ${target} geometry, found ${describe(geometry)}.`,
  };
}

function reshape(target: Exclude<LayerGeometry, null>, g: Geometry): Geometry | null {
  if (g.type === target) return g;
  if (target === 'MultiPolygon' && g.type === 'Polygon')
    return { type: 'MultiPolygon', coordinates: [g.coordinates] };
  if (target === 'Polygon' && g.type === 'MultiPolygon' && g.coordinates.length === 1)
    return { type: 'Polygon', coordinates: g.coordinates[0]! };
  if (target === 'LineString' && g.type === 'MultiLineString' && g.coordinates.length === 1)
    return { type: 'LineString', coordinates: g.coordinates[0]! };
  if (target === 'Point' && g.type === 'MultiPoint' && g.coordinates.length === 1)
    return { type: 'Point', coordinates: g.coordinates[0]! };
  return null;
}

function describe(g: Geometry): string {
  if (g.type === 'MultiPolygon' || g.type === 'MultiLineString' || g.type === 'MultiPoint')
    return `${g.type} (${g.coordinates.length})`;
  return g.type;
}

function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positionsOf);
  }
}

function firstOutOfRange(g: Geometry): Position | null {
  for (const p of positionsOf(g)) {
    const [lng, lat] = p;
    const bad =
      typeof lng !== 'number' ||
      typeof lat !== 'number' ||
      !Number.isFinite(lng) ||
      !Number.isFinite(lat) ||
      Math.abs(lng) > 180 ||
      Math.abs(lat) > 90;
    if (bad) return p;
  }
  return null;
}

/** The geometry in WGS84, 2D (extra ordinates dropped), from the file's CRS. */
export function toWgs84(geometry: Geometry, crs: FileCrs): Geometry {
  return convertGeometry(flatten(geometry), crs, 'wgs84');
}

function flatten(g: Geometry): Geometry {
  const xy = (p: Position): Position => [p[0]!, p[1]!];
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: xy(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(xy) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((l) => l.map(xy)) };
    case 'MultiPolygon':
      return { type: g.type, coordinates: g.coordinates.map((p) => p.map((l) => l.map(xy))) };
    case 'GeometryCollection':
      return { type: g.type, geometries: g.geometries.map(flatten) };
  }
}

/**
 * A code for a row the file gives none: the prefix and a hash of its WGS84 geometry, so the same
 * feature gets the same code on every import (a re-import changes nothing) and a moved feature
 * gets a new one.
 */
export function derivedCode(prefix: string, geometry: Geometry): string {
  const digest = createHash('sha256').update(JSON.stringify(geometry)).digest('hex');
  return `${prefix}-${digest.slice(0, 16)}`;
}
