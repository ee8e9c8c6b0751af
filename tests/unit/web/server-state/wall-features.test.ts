import { describe, expect, it } from 'vitest';
import { hasPosition, membersOfGrid } from '../../../../web/domain/wall-data';
import {
  GRID_ITEMS,
  INCIDENT_ITEMS,
  MEMBER_ITEMS,
} from '../../../../web/server-state/wall-features';

const memberProperties = {
  id: 'M1',
  name: '张三',
  role: 'leader',
  street_code: '370871001000',
  community_code: '370871001001',
  on_duty: false,
  position_at: null,
  grid_codes: ['370871001001001', '370871001001002'],
};

const incident = {
  type: 'Feature',
  id: 'SJ20260601000001',
  geometry: { type: 'Point', coordinates: [116.6, 35.4] },
  properties: {
    code: 'SJ20260601000001',
    category: 'emergency',
    severity: 'high',
    status: 'verified',
    grid_code: '370871001001001',
    community_code: '370871001001',
    street_code: '370871001000',
    reported_at: '2026-06-01T17:00:00.123456+08:00',
    accept_deadline: '2026-06-01T17:01:00+08:00',
    resolve_deadline: '2026-06-01T19:00:00+08:00',
    closed_at: null,
    overdue: false,
  },
};

describe('members on the wall', () => {
  it('keeps a member who never reported a position, without a point', () => {
    const member = MEMBER_ITEMS.read({
      type: 'Feature',
      id: 'M1',
      geometry: null,
      properties: memberProperties,
    });
    expect(member).toMatchObject({ id: 'M1', name: '张三', lng: null, lat: null });
    expect(hasPosition(member)).toBe(false);
  });

  it('reads the position and the assigned grids of a member', () => {
    const member = MEMBER_ITEMS.read({
      type: 'Feature',
      id: 'M1',
      geometry: { type: 'Point', coordinates: [116.6, 35.4] },
      properties: { ...memberProperties, position_at: '2026-06-01T09:00:00Z' },
    });
    expect(hasPosition(member)).toBe(true);
    expect(member.positionAt).toBe(Date.parse('2026-06-01T09:00:00Z'));
    expect(member.gridCodes).toEqual(memberProperties.grid_codes);
    expect(membersOfGrid([member], '370871001001002')).toEqual([member]);
    expect(membersOfGrid([member], '370871001001003')).toEqual([]);
  });

  it('asks the server for the properties its schema picks', () => {
    expect(MEMBER_ITEMS.properties.split(',')).toEqual(Object.keys(memberProperties));
  });
});

describe('incidents on the wall', () => {
  it('reads an incident that matches the contract', () => {
    expect(INCIDENT_ITEMS.read(incident)).toMatchObject({
      code: 'SJ20260601000001',
      status: 'verified',
      lng: 116.6,
      lat: 35.4,
      reportedAt: Date.parse('2026-06-01T09:00:00.123Z'),
      closedAt: null,
    });
  });

  it.each([
    ['a missing deadline', { accept_deadline: undefined }, /accept_deadline/],
    ['a renamed column', { grid_code: undefined, grid: '370871001001001' }, /grid_code/],
    ['a status outside the code list', { status: 'open' }, /status/],
    ['a number where text belongs', { code: 7 }, /code/],
  ])('refuses %s instead of reading a default', (_, change, message) => {
    const broken = { ...incident, properties: { ...incident.properties, ...change } };
    expect(() => INCIDENT_ITEMS.read(broken)).toThrow(message);
  });

  it('refuses an incident without a point', () => {
    expect(() => INCIDENT_ITEMS.read({ ...incident, geometry: null })).toThrow(/geometry/);
  });
});

describe('grids on the wall', () => {
  it('reads a grid with a label point inside it', () => {
    const ring = [
      [116.6, 35.4],
      [116.7, 35.4],
      [116.7, 35.5],
      [116.6, 35.5],
      [116.6, 35.4],
    ];
    const grid = GRID_ITEMS.read({
      type: 'Feature',
      id: '370871001001001',
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: {
        code: '370871001001001',
        name: '一网格',
        community_code: '370871001001',
        street_code: '370871001000',
        kind: 'residential',
        households: 120,
        population: 300,
        leader_id: null,
      },
    });
    expect(grid).toMatchObject({ code: '370871001001001', households: 120, leaderId: null });
    const [lng, lat] = grid.labelAt;
    expect(lng).toBeGreaterThan(116.6);
    expect(lng).toBeLessThan(116.7);
    expect(lat).toBeGreaterThan(35.4);
    expect(lat).toBeLessThan(35.5);
  });
});
