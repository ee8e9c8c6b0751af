import { describe, expect, it } from 'vitest';
import {
  GRID_CODE_MIN_ZOOM,
  gridCodeLayer,
  toGridCodePoints,
} from '../../../../web/map/grid-code-labels';

describe('grid code labels', () => {
  it('puts one point per grid at its label position, carrying the full code', () => {
    const points = toGridCodePoints([{ code: '370871002005024', labelAt: [116.7, 35.4] }] as never);
    expect(points.features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [116.7, 35.4] },
        properties: { code: '370871002005024' },
      },
    ]);
  });

  it('writes codes from zoom 15 at 16 px per 1080 lines, doubled (and a zoom later) at 2160', () => {
    expect(GRID_CODE_MIN_ZOOM).toBe(15);
    expect(gridCodeLayer(true, 1).minzoom).toBe(15);
    expect(gridCodeLayer(true, 2).minzoom).toBe(16);
    expect(gridCodeLayer(true, 1).layout).toMatchObject({ 'text-size': 16, visibility: 'visible' });
    expect(gridCodeLayer(true, 2).layout).toMatchObject({ 'text-size': 32 });
    expect(gridCodeLayer(false, 1).layout).toMatchObject({ visibility: 'none' });
  });
});
