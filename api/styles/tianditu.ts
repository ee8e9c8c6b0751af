import type {
  RasterLayerSpecification,
  RasterSourceSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { LAYER_IDS, SOURCE_IDS } from '../contract/style-layer-ids';

/** Tianditu's eight tile hosts, t0 to t7. */
const HOSTS = [0, 1, 2, 3, 4, 5, 6, 7];

/** The Tianditu layers used: `vec` (vector map) and `cva` (its Chinese annotation). */
type TiandituLayer = 'vec' | 'cva';

/** WMTS GetTile URLs of one Tianditu layer in Web Mercator (`_w`), one per host. */
export function tiandituTileUrls(layer: TiandituLayer, token: string): string[] {
  const tk = encodeURIComponent(token);
  return HOSTS.map(
    (n) =>
      `https://t${n}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0` +
      `&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles` +
      `&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${tk}`,
  );
}

function rasterSource(layer: TiandituLayer, token: string): RasterSourceSpecification {
  return {
    type: 'raster',
    tiles: tiandituTileUrls(layer, token),
    tileSize: 256,
    minzoom: 1,
    maxzoom: 18,
    attribution: '天地图',
  };
}

/** Sources of the Tianditu basemap and its annotation (天地图: CGCS2000, no GCJ-02 offset). */
export function buildTiandituSources(token: string): Record<string, RasterSourceSpecification> {
  return {
    [SOURCE_IDS.tiandituVector]: rasterSource('vec', token),
    [SOURCE_IDS.tiandituAnnotation]: rasterSource('cva', token),
  };
}

/** The Tianditu vector map, drawn as the ground. */
export function buildTiandituBaseLayer(): RasterLayerSpecification {
  return { id: LAYER_IDS.tiandituVector, type: 'raster', source: SOURCE_IDS.tiandituVector };
}

/** Tianditu's place and road names, drawn above our areas and below our points. */
export function buildTiandituAnnotationLayer(): RasterLayerSpecification {
  return {
    id: LAYER_IDS.tiandituAnnotation,
    type: 'raster',
    source: SOURCE_IDS.tiandituAnnotation,
  };
}
