import { describe, expect, it } from 'vitest';
import type { DraftFacility } from '../../../../../web/domain/scenario-draft';
import { buildFacilityLayer, FACILITY_COLOURS } from '../../../../../web/map/layers/facility-layer';
import { buildSuggestionLayers } from '../../../../../web/map/layers/suggestion-layer';

const facility = (key: string, status: DraftFacility['status']): DraftFacility => ({
  key,
  code: status === 'added' ? null : key,
  category: 'kindergarten',
  name: key,
  lng: 116.7,
  lat: 35.4,
  status,
});

type Accessors = {
  getPosition: (f: DraftFacility) => number[];
  getFillColor: (f: DraftFacility) => number[];
};

describe('buildFacilityLayer', () => {
  it('colours facilities by what the scenario does to them', () => {
    const layer = buildFacilityLayer([facility('S1', 'existing'), facility('add-0', 'added')], {
      visible: true,
      selectedKey: null,
      dragging: null,
    });
    const { getFillColor } = layer.props as unknown as Accessors;
    expect(getFillColor(facility('S1', 'existing'))).toEqual(FACILITY_COLOURS.existing);
    expect(getFillColor(facility('S2', 'moved'))).toEqual(FACILITY_COLOURS.moved);
    expect(getFillColor(facility('add-0', 'added'))).toEqual(FACILITY_COLOURS.added);
  });

  it('draws a dragged facility at the pointer', () => {
    const layer = buildFacilityLayer([facility('S1', 'existing')], {
      visible: true,
      selectedKey: null,
      dragging: { key: 'S1', lng: 116.8, lat: 35.5 },
    });
    const { getPosition } = layer.props as unknown as Accessors;
    expect(getPosition(facility('S1', 'existing'))).toEqual([116.8, 35.5]);
    expect(getPosition(facility('S2', 'existing'))).toEqual([116.7, 35.4]);
  });
});

describe('buildSuggestionLayers', () => {
  it('numbers the suggested sites by rank', () => {
    const site = { rank: 3, lng: 116.7, lat: 35.4, gain: 120, cumulative: 900, gridCode: null };
    const [, ranks] = buildSuggestionLayers([site], { visible: true });
    expect((ranks?.props as unknown as { getText: (s: typeof site) => string }).getText(site)).toBe(
      '3',
    );
  });
});
