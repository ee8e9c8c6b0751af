import { booleanPointInPolygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_ROLES } from '../../../api/contract/codes';
import { generateDistrict } from '../../../data/district/generate';
import { NOW, collectRows, feature, groupBy, type AllRows } from './district-fixtures';

let rows: AllRows;

beforeAll(() => {
  rows = collectRows(generateDistrict({ seed: 3, scale: 'small', now: NOW })).rows;
}, 60_000);

describe('small demo district: grid members', () => {
  it('has unique member ids, valid mobile numbers and all 1+1+Z+N roles', () => {
    expect(new Set(rows.grid_members.map((m) => m.id)).size).toBe(rows.grid_members.length);
    for (const m of rows.grid_members) {
      expect(m.id).toMatch(/^M\d{6}$/);
      expect(m.phone).toMatch(/^1\d{10}$/);
      expect(m.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(m.community_code.slice(0, 9)).toBe(m.street_code.slice(0, 9));
    }
    expect(new Set(rows.grid_members.map((m) => m.role))).toEqual(new Set(MEMBER_ROLES));
  });

  it('gives every grid exactly one leader, the one named in grids.leader_id', () => {
    const roles = new Map(rows.grid_members.map((m) => [m.id, m.role]));
    const byGrid = groupBy(rows.grid_member_grids, (a) => a.grid_code);
    for (const g of rows.grids) {
      const leaders = (byGrid.get(g.code) ?? []).filter((a) => roles.get(a.member_id) === 'leader');
      expect(leaders.map((a) => a.member_id)).toEqual([g.leader_id]);
    }
  });

  it('assigns members only to existing grids, each pair once', () => {
    const grids = new Set(rows.grids.map((g) => g.code));
    const members = new Set(rows.grid_members.map((m) => m.id));
    const pairs = rows.grid_member_grids.map((a) => `${a.member_id}/${a.grid_code}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const a of rows.grid_member_grids) {
      expect(grids.has(a.grid_code)).toBe(true);
      expect(members.has(a.member_id)).toBe(true);
    }
  });

  it('positions only on-duty members, recently, inside one of their grids', () => {
    const grids = new Map(rows.grids.map((g) => [g.code, g]));
    const assigned = groupBy(rows.grid_member_grids, (a) => a.member_id);
    const onDuty = rows.grid_members.filter((m) => m.on_duty);
    expect(onDuty.length).toBeGreaterThan(0);
    expect(onDuty.length).toBeLessThan(rows.grid_members.length);
    for (const m of rows.grid_members) {
      expect(m.geom === null).toBe(!m.on_duty);
      expect(m.position_at === null).toBe(!m.on_duty);
      if (!m.geom || !m.position_at) continue;
      const age = NOW.getTime() - Date.parse(m.position_at);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThan(3_600_000);
      const point = m.geom;
      const inside = (assigned.get(m.id) ?? []).some((a) => {
        const grid = grids.get(a.grid_code);
        return grid !== undefined && booleanPointInPolygon(point, feature(grid.geom));
      });
      expect(inside).toBe(true);
    }
  });
}, 60_000);
