import type { Color } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import type { PreviewFeatures } from '../../server-state/imports';

/** Stable id of the import preview layer. */
export const IMPORT_PREVIEW_LAYER_ID = 'import-preview';

/** Magenta: a colour none of the style's layers uses, so what is new stands out. */
export const PREVIEW_COLOR: Color = [192, 38, 211, 255];
const PREVIEW_FILL: Color = [192, 38, 211, 70];
const OUTLINE: Color = [255, 255, 255, 255];

/**
 * The dry run's features (WGS84), drawn over the existing layer of the style: points as
 * magenta dots with a white ring, lines and polygon edges in magenta, polygons lightly filled.
 */
export function buildImportPreviewLayer(features: PreviewFeatures): GeoJsonLayer {
  const drawable = features.filter((f) => f.geometry !== null) as Feature<Geometry>[];
  return new GeoJsonLayer({
    id: IMPORT_PREVIEW_LAYER_ID,
    data: drawable,
    pointType: 'circle',
    filled: true,
    stroked: true,
    getFillColor: (f: Feature) =>
      f.geometry.type.endsWith('Point') ? PREVIEW_COLOR : PREVIEW_FILL,
    getLineColor: (f: Feature) => (f.geometry.type.endsWith('Point') ? OUTLINE : PREVIEW_COLOR),
    getPointRadius: 7,
    pointRadiusUnits: 'pixels',
    getLineWidth: 2.5,
    lineWidthUnits: 'pixels',
    pickable: true,
  });
}
