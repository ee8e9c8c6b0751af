import { describe, expect, it } from 'vitest';
import type { LngLat, MemberPoint } from '../../../../../web/domain/wall-data';
import { buildMemberLayers } from '../../../../../web/map/layers/member-layer';

const members: MemberPoint[] = [
  {
    id: 'M1',
    name: 'M1',
    role: 'full_time',
    streetCode: '370000001000',
    communityCode: '370000000001',
    onDuty: true,
    positionAt: 0,
    lng: 116.8,
    lat: 35.5,
  },
];
const trails = new Map<string, LngLat[]>([
  [
    'M1',
    [
      [116.79, 35.49],
      [116.8, 35.5],
    ],
  ],
]);

describe('buildMemberLayers', () => {
  it('doubles trail width, point radius and outline at scale 2', () => {
    const props = (scale: number, id: string) =>
      buildMemberLayers(members, trails, { visible: true, zoom: 14, scale }).find(
        (layer) => layer.id === id,
      )?.props as { getWidth?: number; radiusScale?: number; lineWidthScale?: number };
    expect(props(1, 'deck-member-trails').getWidth).toBe(3);
    expect(props(2, 'deck-member-trails').getWidth).toBe(6);
    expect(props(2, 'deck-members').radiusScale).toBe(2 * props(1, 'deck-members').radiusScale!);
    expect(props(2, 'deck-members').lineWidthScale).toBe(2);
  });
});
