import { describe, expect, it } from 'vitest';
import type { ServicePoint } from '../../../../../web/domain/wall-data';
import { buildServicePointLayer } from '../../../../../web/map/layers/service-point-layer';

const points: ServicePoint[] = [
  {
    code: 'S1',
    name: 'S1',
    category: 'health_center',
    streetCode: '370000001000',
    communityCode: '370000000001',
    capacity: null,
    lng: 116.8,
    lat: 35.5,
  },
];

describe('buildServicePointLayer', () => {
  it('doubles the icon size at scale 2', () => {
    const sizeScale = (scale: number) =>
      (
        buildServicePointLayer(points, { visible: true, zoom: 14, scale }).props as {
          sizeScale?: number;
        }
      ).sizeScale;
    expect(sizeScale(2)).toBe(2 * sizeScale(1)!);
  });
});
