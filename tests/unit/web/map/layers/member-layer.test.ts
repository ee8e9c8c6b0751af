import { describe, expect, it } from 'vitest';
import type { LngLat, MemberPoint } from '../../../../../web/domain/wall-data';
import { buildMemberLayers } from '../../../../../web/map/layers/member-layer';

const member = (id: string, onDuty: boolean): MemberPoint => ({
  id,
  name: id,
  role: 'full_time',
  streetCode: '370000001000',
  communityCode: '370000000001',
  onDuty,
  positionAt: 0,
  lng: 116.8,
  lat: 35.5,
});
const members: MemberPoint[] = [member('M1', true)];
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

  it('draws members sparse at district zoom: on duty only, smaller, no rings or trails', () => {
    const all = [member('M1', true), member('M2', false), member('M3', true)];
    const at = (zoom: number, id: string) =>
      buildMemberLayers(all, trails, { visible: true, zoom, scale: 1 }).find((l) => l.id === id)
        ?.props as unknown as {
        data: MemberPoint[];
        visible: boolean;
        stroked: boolean;
        radiusScale: number;
      };
    expect(at(12, 'deck-members').data.map((m) => m.id)).toEqual(['M1', 'M3']);
    expect(at(12, 'deck-members').stroked).toBe(false);
    expect(at(12, 'deck-member-trails').visible).toBe(false);
    expect(at(13.5, 'deck-members').data).toHaveLength(3);
    expect(at(13.5, 'deck-members').stroked).toBe(true);
    expect(at(12, 'deck-members').radiusScale).toBeLessThan(at(13.5, 'deck-members').radiusScale);
  });
});
