import { describe, expect, it } from 'vitest';
import type { GridArea } from '../../../../../web/domain/wall-data';
import { buildGridLayers } from '../../../../../web/map/layers/grid-layer';

function grid(code: string): GridArea {
  return {
    code,
    name: code,
    communityCode: '370000000001',
    streetCode: '370000001000',
    kind: 'residential',
    households: 0,
    population: 0,
    leaderId: null,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [116.8, 35.5],
          [116.81, 35.5],
          [116.81, 35.51],
          [116.8, 35.5],
        ],
      ],
    },
    labelAt: [116.805, 35.503],
  };
}

const grids = [grid('370000000001001'), grid('370000000001002')];
const values = new Map([
  ['370000000001001', 3],
  ['370000000001002', 0],
]);
const layersAt = (zoom: number, selectedCode: string | null = null, scale = 1) =>
  buildGridLayers(grids, values, { visible: true, measure: 'open', zoom, selectedCode, scale });
const byId = (zoom: number, id: string, selectedCode: string | null = null, scale = 1) =>
  layersAt(zoom, selectedCode, scale).find((layer) => layer.id === id);

describe('buildGridLayers', () => {
  it('draws grid outlines from zoom 13', () => {
    expect(byId(12, 'deck-grids')?.props).toMatchObject({ visible: true, stroked: false });
    expect(byId(13, 'deck-grids')?.props).toMatchObject({ stroked: true, pickable: true });
  });

  it('outlines the selected grid at any zoom', () => {
    const selected = byId(11, 'deck-grid-selected', '370000000001002');
    expect(selected?.props.visible).toBe(true);
    expect(
      (selected?.props.data as { properties: GridArea }[]).map((f) => f.properties.code),
    ).toEqual(['370000000001002']);
    expect(byId(11, 'deck-grid-selected')?.props.visible).toBe(false);
  });

  it('hides every grid layer when switched off', () => {
    const layers = buildGridLayers(grids, values, {
      visible: false,
      measure: 'open',
      zoom: 16,
      selectedCode: '370000000001001',
      scale: 1,
    });
    expect(layers.filter((layer) => layer.props.visible)).toEqual([]);
  });

  it('doubles outline widths at scale 2, over the same grid shapes', () => {
    const code = '370000000001001';
    expect(byId(15, 'deck-grid-selected', code, 1)?.props).toMatchObject({ getLineWidth: 3 });
    expect(byId(15, 'deck-grid-selected', code, 2)?.props).toMatchObject({ getLineWidth: 6 });
    expect(byId(15, 'deck-grids', code, 2)?.props).toMatchObject({ getLineWidth: 2 });
    expect(byId(15, 'deck-grids', code, 2)?.props.data).toBe(byId(15, 'deck-grids')?.props.data);
  });
});
