import type { Geometry } from 'geojson';
import { decodeText } from './detect-encoding';
import { crsOfName } from './epsg';
import type { ReadHints, SourceFeature, SourceRead } from './source';
import { reasonOf, unreadable } from './unreadable';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

interface JsonObject {
  [key: string]: unknown;
}

/**
 * Reads GeoJSON (UTF-8, BOM or not): a FeatureCollection, a single Feature or a bare Geometry.
 * The legacy `crs` member is reported as declaredCrs (and impliedCrs when it names 4326 or 4490).
 */
export function readGeojson(bytes: Uint8Array, hints: ReadHints): SourceRead {
  const root = parseJson(decodeJsonText(bytes, hints.fileName), hints.fileName);
  const declaredCrs = crsNameOf(root);
  const features = featuresOf(root, hints.fileName).map(toSourceFeature);
  return {
    format: 'geojson',
    encoding: null,
    declaredCrs,
    impliedCrs: declaredCrs ? crsOfName(declaredCrs) : null,
    fields: [...new Set(features.flatMap((f) => Object.keys(f.properties)))],
    features,
  };
}

/**
 * UTF-8 text of the bytes. Decoded as a stream so that a file cut inside a character (a truncated
 * upload) reaches JSON.parse and is reported with its position, not as a wrong encoding.
 */
function decodeJsonText(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    // Not UTF-8: decodeText throws its message that says so.
    return decodeText(bytes, fileName, 'utf-8').text;
  }
}

function parseJson(text: string, fileName: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const where = positionOf(text, reasonOf(error));
    throw unreadable(
      `${fileName} 不是有效的 JSON（${where.zh}）`,
      `${fileName} is not valid JSON (${where.en}): ${reasonOf(error)}`,
    );
  }
  if (!isObject(parsed)) {
    throw unreadable(
      `${fileName} 不是 GeoJSON 对象`,
      `${fileName} is JSON but not a GeoJSON object`,
    );
  }
  return parsed;
}

/** Line and column of the position a JSON.parse message names (its end, when it names none). */
function positionOf(text: string, message: string): { zh: string; en: string } {
  const match = /position (\d+)/.exec(message);
  const offset = match ? Number(match[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return { zh: `第 ${line} 行第 ${column} 列`, en: `line ${line}, column ${column}` };
}

function featuresOf(root: JsonObject, fileName: string): JsonObject[] {
  if (root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) {
      throw unreadable(
        `${fileName} 的 FeatureCollection 缺少 features 数组`,
        `${fileName}: the FeatureCollection has no "features" array`,
      );
    }
    return root.features.map((f: unknown) => (isObject(f) ? f : {}));
  }
  if (root.type === 'Feature') return [root];
  if (typeof root.type === 'string' && GEOMETRY_TYPES.has(root.type)) {
    return [{ type: 'Feature', properties: {}, geometry: root }];
  }
  throw unreadable(
    `${fileName} 不是 GeoJSON（type 为 ${JSON.stringify(root.type)}）`,
    `${fileName} is not GeoJSON: its "type" is ${JSON.stringify(root.type)}, expected ` +
      'FeatureCollection, Feature or a geometry',
  );
}

function toSourceFeature(feature: JsonObject, index: number): SourceFeature {
  const properties = isObject(feature.properties) ? { ...feature.properties } : {};
  const geometry = isObject(feature.geometry) ? (feature.geometry as unknown as Geometry) : null;
  return { index, row: null, properties, geometry };
}

function crsNameOf(root: JsonObject): string | null {
  const crs = root.crs;
  if (!isObject(crs) || !isObject(crs.properties)) return null;
  const name = crs.properties.name;
  return typeof name === 'string' ? name : null;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
