import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import {
  edgeOf,
  focusToMapFrame,
  roomAround,
  type ScreenBox,
} from '../../../../web/map/use-map-focus';

const box = (left: number, top: number, right: number, bottom: number): ScreenBox => ({
  left,
  top,
  right,
  bottom,
});
const MAP = box(0, 0, 1920, 1080);

describe('roomAround', () => {
  it('measures how far each panel reaches into the map, plus the margin', () => {
    const room = roomAround(
      MAP,
      {
        top: [box(0, 0, 1920, 72)],
        left: [box(12, 84, 348, 852)],
        right: [box(1492, 84, 1908, 852)],
        bottom: [box(12, 864, 1908, 1068)],
      },
      16,
    );
    expect(room).toEqual({ top: 88, left: 364, right: 444, bottom: 232 });
  });

  it('follows a panel that grows', () => {
    const narrow = roomAround(MAP, { right: [box(1492, 84, 1908, 852)] }, 0);
    const wide = roomAround(MAP, { right: [box(1300, 84, 1908, 852)] }, 0);
    expect(wide.right - narrow.right).toBe(192);
  });

  it('gives no room to a panel that is not drawn', () => {
    expect(roomAround(MAP, { left: [box(0, 0, 0, 0)] }, 8).left).toBe(8);
  });

  it('leaves at least a fifth of the map free, whatever the panels', () => {
    const room = roomAround(
      MAP,
      { left: [box(0, 0, 1500, 1080)], right: [box(600, 0, 1920, 1080)] },
      0,
    );
    expect(MAP.right - room.left - room.right).toBeCloseTo(1920 * 0.2, 6);
    expect(room.left / room.right).toBeCloseTo(1500 / 1320, 6);
  });
});

describe('edgeOf', () => {
  it('puts the title bar on top and the 16:9 charts strip at the bottom', () => {
    expect(edgeOf(MAP, box(0, 0, 1920, 72))).toBe('top');
    expect(edgeOf(MAP, box(12, 852, 1908, 1068))).toBe('bottom');
  });

  it('puts the columns at their side, the charts column of a 5760×1080 wall at the right', () => {
    const wall = box(0, 0, 5760, 1080);
    expect(edgeOf(wall, box(12, 84, 348, 1068))).toBe('left');
    expect(edgeOf(wall, box(4560, 84, 4976, 1068))).toBe('right');
    expect(edgeOf(wall, box(4988, 84, 5748, 1068))).toBe('right');
  });
});

describe('focusToMapFrame', () => {
  const place: [number, number] = [116.9872, 35.5813];

  it('leaves a focus alone on a WGS84 map', () => {
    const focus = { key: 'a', center: place, zoom: 16 };
    expect(focusToMapFrame(focus, 'wgs84')).toBe(focus);
  });

  it('moves a centre and a box onto a GCJ-02 map as the overlays are moved (gcoord)', () => {
    const shifted = gcoord.transform(place, gcoord.WGS84, gcoord.GCJ02);
    const centred = focusToMapFrame({ key: 'a', center: place, zoom: 16 }, 'gcj02');
    expect(centred).toMatchObject({ key: 'a', zoom: 16, center: shifted });
    const boxed = focusToMapFrame({ key: 'b', bounds: [place, place] }, 'gcj02');
    expect(boxed).toMatchObject({ key: 'b', bounds: [shifted, shifted] });
    // The shift is hundreds of metres here: a camera left in WGS84 would miss the street.
    expect(Math.abs(shifted[0] - place[0]) + Math.abs(shifted[1] - place[1])).toBeGreaterThan(
      0.003,
    );
  });
});
