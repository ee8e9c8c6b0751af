import type { Feature, Geometry } from 'geojson';
import type { FileCrs } from '../contract/imports';
import type { ItemPropertyType } from '../contract/item-describe';
import { convertGeometry } from '../domain/china-crs';

/** One attribute column of an exported layer: a property name and its type in the contract. */
export interface ExportField {
  name: string;
  type: ItemPropertyType;
}

/** The layer an export writes: its name, columns and geometry type, and the CRS of its file. */
export interface ExportLayer {
  /** The collection id (`grids`, `service-points`): the file's and the table's name. */
  name: string;
  title: string;
  fields: readonly ExportField[];
  geometryType: 'Point' | 'LineString' | 'Polygon' | 'MultiPolygon';
  crs: FileCrs;
}

/** Decimal places of exported degrees: about 0.1 m, as the OGC GeoJSON answers. */
const PRECISION = 1e6;

/** Every ordinate rounded (a geometry's only numbers are its ordinates). */
function roundGeometry<G extends Geometry>(geometry: G): G {
  const round = (_key: string, value: unknown) =>
    typeof value === 'number' ? Math.round(value * PRECISION) / PRECISION : value;
  return JSON.parse(JSON.stringify(geometry, round)) as G;
}

/**
 * Features from the database (WGS84) in the file CRS `to`: GCJ-02 and BD-09 are converted per
 * coordinate with gcoord and rounded to 6 decimals again; WGS84 and CGCS2000 pass unchanged.
 */
export function shiftFeatures(features: Feature[], to: FileCrs): Feature[] {
  if (to === 'wgs84' || to === 'cgcs2000') return features;
  return features.map((feature) => ({
    ...feature,
    geometry: feature.geometry && roundGeometry(convertGeometry(feature.geometry, 'wgs84', to)),
  }));
}

/**
 * The attribute columns of a file: the feature id as `id` first, unless a property already has
 * that name (buildings carry their id as a property).
 */
export function idColumnNeeded(layer: ExportLayer): boolean {
  return !layer.fields.some((field) => field.name === 'id');
}

/** A property value as one cell of text: lists and objects as JSON, null as nothing. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** What an export reads of a collection (api/db/collections describes every one). */
export interface ExportedCollection {
  id: string;
  title: string;
  properties: readonly ExportField[];
  geometryType: ExportLayer['geometryType'];
}

/** The layer a collection is exported as, in the file CRS `crs`. */
export function exportLayerOf(collection: ExportedCollection, crs: FileCrs): ExportLayer {
  return {
    name: collection.id,
    title: collection.title,
    fields: collection.properties.map((p) => ({ name: p.name, type: p.type })),
    geometryType: collection.geometryType,
    crs,
  };
}
