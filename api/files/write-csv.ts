import type { Feature } from 'geojson';
import iconv from 'iconv-lite';
import wkx from 'wkx';
import type { TextEncoding } from '../contract/imports';
import { cellText, type ExportLayer, idColumnNeeded } from './write-fields';

/** The UTF-8 byte order mark: Excel reads a CSV as UTF-8 only when it starts with one. */
const BOM = '\ufeff';

/** One cell, quoted when it holds a comma, a quote, a line break or edge spaces (RFC 4180). */
function csvCell(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The geometry columns: `lng`,`lat` for a point layer, `wkt` for the others. */
function geometryColumns(layer: ExportLayer): string[] {
  return layer.geometryType === 'Point' ? ['lng', 'lat'] : ['wkt'];
}

function geometryCells(layer: ExportLayer, feature: Feature): string[] {
  const geometry = feature.geometry;
  if (layer.geometryType === 'Point') {
    if (geometry?.type !== 'Point') return ['', ''];
    return geometry.coordinates.slice(0, 2).map(String);
  }
  return [geometry ? wkx.Geometry.parseGeoJSON(geometry).toWkt() : ''];
}

/**
 * The CSV text of a layer: a header (`id` unless a property has that name, the layer's property names, then `lng`,`lat` or
 * `wkt`), then one CRLF-ended row per feature. Lists and objects are written as JSON.
 */
export function csvText(layer: ExportLayer, features: Feature[]): string {
  const withId = idColumnNeeded(layer);
  const header = [
    ...(withId ? ['id'] : []),
    ...layer.fields.map((f) => f.name),
    ...geometryColumns(layer),
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const feature of features) {
    const properties = feature.properties ?? {};
    const cells = [
      ...(withId ? [cellText(feature.id)] : []),
      ...layer.fields.map((f) => cellText(properties[f.name])),
      ...geometryCells(layer, feature),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.map((line) => `${line}\r\n`).join('');
}

/**
 * A layer as CSV bytes: UTF-8 with a byte order mark (what Excel needs to read Chinese), or GBK
 * for older Excel versions that read only the system code page.
 */
export function writeCsv(
  layer: ExportLayer,
  features: Feature[],
  encoding: TextEncoding,
): Uint8Array {
  const text = csvText(layer, features);
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(BOM + text, 'utf8');
}
