import { describe, expect, it } from 'vitest';
import type { GridQualityReport } from '../../../../../api/contract/quality';
import {
  GRID_QUALITY_COLOURS,
  type GridQualityFeature,
  gridQualityFeatures,
} from '../../../../../web/domain/grid-quality';
import {
  buildGridQualityLayer,
  GRID_QUALITY_LAYER_ID,
} from '../../../../../web/map/layers/grid-quality-layer';

const square = (lng: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng, 35.4],
      [lng + 0.001, 35.4],
      [lng + 0.001, 35.401],
      [lng, 35.401],
      [lng, 35.4],
    ],
  ],
});

const report: GridQualityReport = {
  gaps: [{ communityCode: '370871001001', areaM2: 812.5, geometry: square(116.7) }],
  overlaps: [
    {
      gridCodes: ['370871001001001', '370871001002003'],
      areaM2: 40.2,
      geometry: square(116.71),
    },
  ],
  outside: [],
  buildings: [],
  clean: false,
};

type Props = {
  data: GridQualityFeature[];
  visible: boolean;
  getLineColor: (feature: GridQualityFeature) => number[];
};

describe('the grid check layer', () => {
  it('turns gaps and overlaps into features with their codes and areas', () => {
    expect(gridQualityFeatures(report).map((feature) => feature.properties)).toEqual([
      { kind: 'gap', codes: ['370871001001'], areaM2: 812.5 },
      { kind: 'overlap', codes: ['370871001001001', '370871001002003'], areaM2: 40.2 },
    ]);
  });

  it('draws each kind in its own warning colour under a stable id', () => {
    const layer = buildGridQualityLayer(gridQualityFeatures(report), { visible: true, scale: 1 });
    const props = layer.props as unknown as Props;
    expect(layer.id).toBe(GRID_QUALITY_LAYER_ID);
    expect(props.visible).toBe(true);
    expect(props.data.map((feature) => props.getLineColor(feature))).toEqual([
      GRID_QUALITY_COLOURS.gap,
      GRID_QUALITY_COLOURS.overlap,
    ]);
    expect(GRID_QUALITY_COLOURS.gap).not.toEqual(GRID_QUALITY_COLOURS.overlap);
  });

  it('is hidden when told so', () => {
    const layer = buildGridQualityLayer([], { visible: false, scale: 1 });
    expect((layer.props as unknown as Props).visible).toBe(false);
  });
});
