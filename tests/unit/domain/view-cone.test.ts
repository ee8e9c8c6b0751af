import { describe, expect, it } from 'vitest';
import {
  angleBetween,
  bearingInCone,
  compassBearing,
  inViewCone,
  metresBetween,
} from '../../../api/domain/view-cone';

/** A point `metres` away from (116.8, 35.5) towards compass `degrees`. */
function offset(degrees: number, metres: number) {
  const rad = (degrees * Math.PI) / 180;
  const dLat = (metres * Math.cos(rad)) / 111_320;
  const dLng = (metres * Math.sin(rad)) / (111_320 * Math.cos((35.5 * Math.PI) / 180));
  return { lng: 116.8 + dLng, lat: 35.5 + dLat };
}

const camera = (heading: number, fov: number, rangeM = 100) => ({
  lng: 116.8,
  lat: 35.5,
  heading,
  fov,
  rangeM,
});

describe('compass directions', () => {
  it('measures compass bearings clockwise from north, in [0, 360)', () => {
    expect(compassBearing(camera(0, 1), offset(0, 50))).toBeCloseTo(0, 0);
    expect(compassBearing(camera(0, 1), offset(90, 50))).toBeCloseTo(90, 0);
    expect(compassBearing(camera(0, 1), offset(180, 50))).toBeCloseTo(180, 0);
    expect(compassBearing(camera(0, 1), offset(270, 50))).toBeCloseTo(270, 0);
    expect(compassBearing(camera(0, 1), offset(359, 50))).toBeGreaterThan(358);
  });

  it('takes the short way round between directions', () => {
    expect(angleBetween(350, 10)).toBe(20);
    expect(angleBetween(10, 350)).toBe(20);
    expect(angleBetween(0, 180)).toBe(180);
    expect(angleBetween(720, 0)).toBe(0);
    expect(angleBetween(0, 360)).toBe(0);
  });
});

describe('bearingInCone', () => {
  it('includes both edges of heading ± fov/2 and nothing past them', () => {
    expect(bearingInCone(45, 0, 90)).toBe(true);
    expect(bearingInCone(315, 0, 90)).toBe(true);
    expect(bearingInCone(45.01, 0, 90)).toBe(false);
    expect(bearingInCone(314.99, 0, 90)).toBe(false);
    expect(bearingInCone(120, 90, 60)).toBe(true);
    expect(bearingInCone(120.5, 90, 60)).toBe(false);
  });

  it('wraps around north from either side', () => {
    expect(bearingInCone(5, 350, 40)).toBe(true);
    expect(bearingInCone(0, 350, 40)).toBe(true);
    expect(bearingInCone(10, 350, 40)).toBe(true);
    expect(bearingInCone(11, 350, 40)).toBe(false);
    expect(bearingInCone(355, 10, 40)).toBe(true);
    expect(bearingInCone(349, 10, 40)).toBe(false);
    expect(bearingInCone(359.9, 0, 1)).toBe(true);
  });

  it('covers every direction at 360°', () => {
    for (const bearing of [0, 90, 180, 270, 359.9])
      expect(bearingInCone(bearing, 123, 360)).toBe(true);
  });
});

describe('inViewCone', () => {
  it('sees what lies inside heading ± fov/2 and within range', () => {
    expect(inViewCone(camera(90, 60), offset(100, 50))).toBe(true);
    expect(inViewCone(camera(90, 60), offset(130, 50))).toBe(false);
    expect(inViewCone(camera(90, 60), offset(90, 150))).toBe(false);
  });

  it('wraps around north', () => {
    expect(inViewCone(camera(350, 40), offset(5, 50))).toBe(true);
    expect(inViewCone(camera(10, 40), offset(355, 50))).toBe(true);
    expect(inViewCone(camera(10, 40), offset(40, 50))).toBe(false);
  });

  it('includes the edges of the cone', () => {
    expect(inViewCone(camera(0, 90), offset(44.5, 50))).toBe(true);
    expect(inViewCone(camera(0, 90), offset(315.5, 50))).toBe(true);
    expect(inViewCone(camera(0, 90), offset(46, 50))).toBe(false);
  });

  it('counts the range itself as in range, and a step beyond it as out', () => {
    const near = offset(0, 99.5);
    const far = offset(0, 100.5);
    expect(metresBetween(camera(0, 10), near)).toBeLessThan(100);
    expect(metresBetween(camera(0, 10), far)).toBeGreaterThan(100);
    expect(inViewCone(camera(0, 10), near)).toBe(true);
    expect(inViewCone(camera(0, 10), far)).toBe(false);
  });

  it('sees all around at 360°, still only within range', () => {
    expect(inViewCone(camera(0, 360), offset(200, 50))).toBe(true);
    expect(inViewCone(camera(0, 360), offset(200, 150))).toBe(false);
  });

  it('sees an incident at the camera’s own position whatever its heading', () => {
    expect(inViewCone(camera(90, 10), { lng: 116.8, lat: 35.5 })).toBe(true);
  });
});
