import { DECIMAL_PATTERN } from '../contract/query';
import type { Collection, CollectionProperty } from '../db/collections';
import type { FeatureQuery, PropertyValue } from '../db/features';
import { CRS84, parseBbox, parseCrs } from '../domain/crs';
import { type Cql2Expression, parseCql2 } from '../domain/cql2';
import { decodeCursor } from '../domain/cursor';
import { parseDatetime } from '../domain/datetime-interval';
import { ValidationError } from '../domain/errors';
import { LIMIT } from '../openapi/ogc-parameters';
import { checkItemsFormat } from './items-format';

/** OGC API Features: larger limits are clamped to this, not refused. */
export const MAX_LIMIT = LIMIT.max;
/** Items per page when the request names no `limit` (what the OpenAPI document advertises). */
export const DEFAULT_LIMIT = LIMIT.default;
/** Longer filters are refused: nothing a person writes by hand is this long. */
const MAX_FILTER_LENGTH = 20_000;

const COMMON_PARAMETERS = [
  'bbox',
  'bbox-crs',
  'crs',
  'limit',
  'cursor',
  'properties',
  'filter',
  'filter-lang',
  'filter-crs',
  'f',
  'encoding',
] as const;

/** The query parameters an items request of `collection` accepts. */
export function itemsParameters(collection: Collection): string[] {
  return [
    ...COMMON_PARAMETERS,
    ...(collection.temporalColumn ? ['datetime'] : []),
    ...collection.properties.filter((p) => p.filter).map((p) => p.name),
  ];
}

function invalid(path: string, message: string): ValidationError {
  return new ValidationError(`${path}: ${message}`, [{ path, message }]);
}

/** Refuses parameters the collection does not know, as the standard requires (400). */
export function rejectUnknownParameters(query: Record<string, string>, allowed: string[]): void {
  const unknown = Object.keys(query).filter((name) => !allowed.includes(name));
  if (unknown.length) {
    throw new ValidationError(
      `Unknown query parameter ${unknown.map((n) => `'${n}'`).join(', ')}. This collection accepts: ${allowed.join(', ')}.`,
      unknown.map((path) => ({ path, message: 'unknown parameter' })),
    );
  }
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw invalid('limit', `'${value}' is not a positive integer`);
  }
  return Math.min(Number(value), MAX_LIMIT);
}

/** A plain property filter's value, checked against the property's type and code list. */
function parsePropertyValue(property: CollectionProperty, value: string): PropertyValue {
  if (property.enum && !property.enum.includes(value)) {
    throw invalid(property.name, `'${value}' is not one of ${property.enum.join(', ')}`);
  }
  if (property.type === 'boolean') {
    if (value !== 'true' && value !== 'false') throw invalid(property.name, 'use true or false');
    return value === 'true';
  }
  if (property.type === 'integer' || property.type === 'number') {
    if (!DECIMAL_PATTERN.test(value)) {
      throw invalid(property.name, `'${value}' is not a number in plain decimal digits`);
    }
    return Number(value);
  }
  return value;
}

function parseProperties(collection: Collection, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const known = collection.properties.map((p) => p.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) {
    throw invalid('properties', `unknown ${unknown.join(', ')}; known: ${known.join(', ')}`);
  }
  return names;
}

function parseFilter(query: Record<string, string>): Cql2Expression | undefined {
  const filter = query.filter;
  const lang = query['filter-lang'];
  if (lang !== undefined && lang !== 'cql2-text') {
    throw invalid('filter-lang', `'${lang}' is not supported; use cql2-text`);
  }
  const filterCrs = parseCrs(query['filter-crs'], 'filter-crs');
  if (filterCrs.uri !== CRS84) {
    throw invalid('filter-crs', 'filters take CRS84 (longitude, latitude) geometries only');
  }
  if (filter === undefined) return undefined;
  if (filter.length > MAX_FILTER_LENGTH) {
    throw invalid('filter', `longer than ${MAX_FILTER_LENGTH} characters`);
  }
  return parseCql2(filter);
}

/** `f` of a feature or feature collection: GeoJSON, asked for as json or geojson (or not at all). */
export function checkFeatureFormat(f: string | undefined): void {
  if (f !== undefined && f !== 'json' && f !== 'geojson') {
    throw invalid('f', `'${f}' is not offered; use json or geojson`);
  }
}

/** Validates an items request's query parameters into a {@link FeatureQuery}. */
export function parseItemsQuery(
  collection: Collection,
  query: Record<string, string>,
): FeatureQuery {
  rejectUnknownParameters(query, itemsParameters(collection));
  checkItemsFormat(query.f);
  const crs = parseCrs(query.crs, 'crs');
  const bboxCrs = parseCrs(query['bbox-crs'], 'bbox-crs');
  if (query['bbox-crs'] !== undefined && query.bbox === undefined) {
    throw invalid('bbox-crs', 'given without bbox');
  }
  const equals: Record<string, PropertyValue> = {};
  for (const property of collection.properties) {
    const value = query[property.name];
    if (property.filter && value !== undefined)
      equals[property.name] = parsePropertyValue(property, value);
  }
  const filter = parseFilter(query);
  return {
    crs,
    limit: parseLimit(query.limit),
    equals,
    ...(query.bbox !== undefined ? { bbox: parseBbox(query.bbox, bboxCrs) } : {}),
    ...(query.datetime !== undefined ? { datetime: parseDatetime(query.datetime) } : {}),
    ...(query.cursor !== undefined
      ? { cursor: decodeCursor(query.cursor, collection.keyType) }
      : {}),
    ...(filter !== undefined ? { filter } : {}),
    ...(query.properties !== undefined
      ? { properties: parseProperties(collection, query.properties) }
      : {}),
  };
}
