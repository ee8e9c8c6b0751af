import { describe, expect, it } from 'vitest';
import {
  DISTANCE_CLASS_COLOURS,
  demandColour,
  distanceClass,
  distanceColour,
  shareColour,
} from '../../../../web/domain/walking-distance';

describe('distanceClass', () => {
  it('breaks at the circles’ distances, each break inclusive', () => {
    expect(distanceClass(0)).toBe('within5');
    expect(distanceClass(300)).toBe('within5');
    expect(distanceClass(300.5)).toBe('within10');
    expect(distanceClass(500)).toBe('within10');
    expect(distanceClass(1000)).toBe('within15');
    expect(distanceClass(1001)).toBe('beyond');
  });

  it('calls a building without a walking path unreachable', () => {
    expect(distanceClass(null)).toBe('unreachable');
    expect(distanceClass(Number.POSITIVE_INFINITY)).toBe('unreachable');
    expect(distanceColour(null)).toEqual(DISTANCE_CLASS_COLOURS.unreachable);
  });
});

describe('shareColour', () => {
  it('runs from red at 0 through amber at one half to green at 1, clamped', () => {
    const [r0, g0] = shareColour(0);
    const [r1, g1] = shareColour(1);
    expect(r0).toBeGreaterThan(g0);
    expect(g1).toBeGreaterThan(r1);
    expect(shareColour(0.5)).toEqual(shareColour(0.5000001).map(Math.round));
    expect(shareColour(-1)).toEqual(shareColour(0));
    expect(shareColour(2)).toEqual(shareColour(1));
  });
});

describe('demandColour', () => {
  it('leaves grids without demands clear and darkens with more', () => {
    expect(demandColour(0, 10)[3]).toBe(0);
    const few = demandColour(1, 10);
    const many = demandColour(10, 10);
    expect(many[0] + many[1] + many[2]).toBeLessThan(few[0] + few[1] + few[2]);
  });
});
