import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaGeometry, GridQualityReport } from '../../api/contract/quality';
import type { LabelPair } from './label-pair';
import type { Rgba } from './map-colours';

/** The problems the admins' grid-check layer draws: gaps and overlaps between grids. */
export const GRID_QUALITY_KINDS = ['gap', 'overlap'] as const;
export type GridQualityKind = (typeof GRID_QUALITY_KINDS)[number];

/** Names of the layer and its entries, for the layer panel and its legend. */
export const GRID_QUALITY_LABEL: LabelPair = { zh: '网格质检', en: 'Grid check' };
export const GRID_QUALITY_KIND_LABELS: Record<GridQualityKind, LabelPair> = {
  gap: { zh: '网格缝隙', en: 'Gaps between grids' },
  overlap: { zh: '网格重叠', en: 'Overlapping grids' },
};

/** Warning colours, used for nothing else on the map: a gap amber, an overlap magenta. */
export const GRID_QUALITY_COLOURS: Record<GridQualityKind, Rgba> = {
  gap: [255, 171, 0, 200],
  overlap: [255, 23, 180, 210],
};

/** One drawn problem: its kind, the codes it concerns, its area and where it is. */
export interface GridQualityFeature {
  type: 'Feature';
  geometry: Polygon | MultiPolygon;
  properties: { kind: GridQualityKind; codes: string[]; areaM2: number };
}

/** The report's geometry as GeoJSON types (the contract leaves the coordinates loose). */
const asPolygonal = (geometry: AreaGeometry) => geometry as Polygon | MultiPolygon;

/** The report's gaps and overlaps as GeoJSON features for the map, largest first within each. */
export function gridQualityFeatures(report: GridQualityReport): GridQualityFeature[] {
  return [
    ...report.gaps.map((gap) => ({
      type: 'Feature' as const,
      geometry: asPolygonal(gap.geometry),
      properties: { kind: 'gap' as const, codes: [gap.communityCode], areaM2: gap.areaM2 },
    })),
    ...report.overlaps.map((overlap) => ({
      type: 'Feature' as const,
      geometry: asPolygonal(overlap.geometry),
      properties: {
        kind: 'overlap' as const,
        codes: [...overlap.gridCodes],
        areaM2: overlap.areaM2,
      },
    })),
  ];
}
