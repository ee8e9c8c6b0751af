import { describe, expect, it } from 'vitest';
import { toMember } from '../../../../web/server-state/wall-features';
import { hasPosition, membersOfGrid } from '../../../../web/domain/wall-data';

const properties = {
  id: 'M1',
  name: '张三',
  role: 'leader',
  street_code: '370871001000',
  community_code: '370871001001',
  on_duty: false,
  position_at: null,
  grid_codes: ['370871001001001', '370871001001002'],
};

describe('members on the wall', () => {
  it('keeps a member who never reported a position, without a point', () => {
    const member = toMember({ type: 'Feature', id: 'M1', geometry: null!, properties });
    expect(member).toMatchObject({ id: 'M1', name: '张三', lng: null, lat: null });
    expect(hasPosition(member)).toBe(false);
  });

  it('reads the position and the assigned grids of a member', () => {
    const member = toMember({
      type: 'Feature',
      id: 'M1',
      geometry: { type: 'Point', coordinates: [116.6, 35.4] },
      properties: { ...properties, position_at: '2026-06-01T09:00:00Z' },
    });
    expect(hasPosition(member)).toBe(true);
    expect(member.gridCodes).toEqual(properties.grid_codes);
    expect(membersOfGrid([member], '370871001001002')).toEqual([member]);
    expect(membersOfGrid([member], '370871001001003')).toEqual([]);
  });
});
