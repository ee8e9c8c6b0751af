import { describe, expect, it } from 'vitest';
import type { BuildingAccess } from '../../../../../web/server-state/analysis';
import { DISTANCE_CLASS_COLOURS } from '../../../../../web/domain/walking-distance';
import {
  BUILDING_ACCESS_LAYER_ID,
  BUILDING_UNCOVERED_LAYER_ID,
  buildBuildingAccessLayers,
  WALKING_REACH_LAYER_ID,
} from '../../../../../web/map/layers/building-access-layer';

const building = (id: number, distanceM: number | null, covered: boolean): BuildingAccess => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [116.7 + id / 1000, 35.4] },
  properties: {
    id,
    name: `${id}号楼`,
    gridCode: 'G1',
    population: 60,
    households: 20,
    distanceM,
    covered,
  },
});
const buildings = [building(1, 120, true), building(2, 700, false), building(3, null, false)];

type Props = { data: BuildingAccess[]; getFillColor: (b: BuildingAccess) => number[] };

describe('buildBuildingAccessLayers', () => {
  it('colours every building by its walking distance class', () => {
    const [, dots] = buildBuildingAccessLayers(buildings, {
      visible: true,
      zoom: 14,
      haloUncovered: true,
    });
    const props = dots?.props as unknown as Props;
    expect(dots?.id).toBe(BUILDING_ACCESS_LAYER_ID);
    expect(props.data.map((b) => props.getFillColor(b))).toEqual([
      DISTANCE_CLASS_COLOURS.within5,
      DISTANCE_CLASS_COLOURS.within15,
      DISTANCE_CLASS_COLOURS.unreachable,
    ]);
  });

  it('rings the uncovered buildings only from street zoom on', () => {
    const at = (zoom: number) =>
      buildBuildingAccessLayers(buildings, { visible: true, zoom, haloUncovered: true })[0]?.props
        .visible;
    expect(at(12)).toBe(false);
    expect(at(14)).toBe(true);
  });

  it('rings only the uncovered buildings, beneath the dots', () => {
    const [halo] = buildBuildingAccessLayers(buildings, {
      visible: true,
      zoom: 14,
      haloUncovered: true,
    });
    expect(halo?.id).toBe(BUILDING_UNCOVERED_LAYER_ID);
    expect((halo?.props as unknown as Props).data.map((b) => b.properties.id)).toEqual([2, 3]);
  });

  it('draws only the dots, under its own id, for the wall', () => {
    const layers = buildBuildingAccessLayers(buildings, {
      id: WALKING_REACH_LAYER_ID,
      visible: true,
      zoom: 12,
      haloUncovered: false,
      scale: 2,
    });
    expect(layers.map((l) => l.id)).toEqual([WALKING_REACH_LAYER_ID]);
  });
});
