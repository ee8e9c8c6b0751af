import { describe, expect, it } from 'vitest';
import { angleBetween, compassBearing, inViewCone } from '../../../api/domain/view-cone';

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

describe('view cones', () => {
  it('measures compass bearings clockwise from north', () => {
    expect(compassBearing(camera(0, 1), offset(0, 50))).toBeCloseTo(0, 0);
    expect(compassBearing(camera(0, 1), offset(90, 50))).toBeCloseTo(90, 0);
    expect(compassBearing(camera(0, 1), offset(270, 50))).toBeCloseTo(270, 0);
  });

  it('takes the short way round between directions', () => {
    expect(angleBetween(350, 10)).toBe(20);
    expect(angleBetween(10, 350)).toBe(20);
    expect(angleBetween(0, 180)).toBe(180);
    expect(angleBetween(720, 0)).toBe(0);
  });

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

  it('includes the edges of the cone and sees all around at 360°', () => {
    expect(inViewCone(camera(0, 90), offset(44.5, 50))).toBe(true);
    expect(inViewCone(camera(0, 90), offset(46, 50))).toBe(false);
    expect(inViewCone(camera(0, 360), offset(200, 50))).toBe(true);
    expect(inViewCone(camera(0, 360), offset(200, 150))).toBe(false);
  });
});
