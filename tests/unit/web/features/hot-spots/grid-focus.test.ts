import { describe, expect, it } from 'vitest';
import type { GridArea } from '../../../../../web/domain/wall-data';
import { areaBounds, focusOfGrid } from '../../../../../web/features/hot-spots/grid-focus';

const grid = {
  code: '370871001001001',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [116.5, 35.4],
        [116.52, 35.41],
        [116.51, 35.43],
        [116.5, 35.4],
      ],
    ],
  },
} as GridArea;

describe('focusOfGrid', () => {
  it('fits the map to the grid’s box, with a new key each time', () => {
    expect(focusOfGrid([grid], grid.code, 1)).toEqual({
      key: `grid-${grid.code}-1`,
      bounds: [
        [116.5, 35.4],
        [116.52, 35.43],
      ],
    });
    expect(focusOfGrid([grid], grid.code, 2)?.key).not.toBe(focusOfGrid([grid], grid.code, 1)?.key);
  });

  it('goes nowhere for a grid the wall has not loaded or without a ring', () => {
    expect(focusOfGrid([grid], '370871001001999', 1)).toBeNull();
    expect(areaBounds({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
  });
});
