import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { CameraPoint } from '../../../../../web/domain/wall-data';
import { buildCameraLayers, cameraCone } from '../../../../../web/map/layers/camera-layer';

function camera(code: string, fields: Partial<CameraPoint> = {}): CameraPoint {
  return {
    code,
    name: code,
    kind: 'skynet',
    status: 'online',
    streetCode: '370000001000',
    communityCode: '370000000001',
    lng: 116.8,
    lat: 35.5,
    heading: 90,
    fov: 60,
    rangeM: 100,
    streamUrl: null,
    ...fields,
  };
}

const centre = [116.8, 35.5];
const metresTo = (p: number[]) => distance(centre, p, { units: 'meters' });

describe('cameraCone', () => {
  it('points a heading-90 cone east, reaching out to its range', () => {
    const ring = cameraCone(camera('C1'));
    const far = ring.reduce((a, b) => (metresTo(b) > metresTo(a) ? b : a));
    expect(far[0]).toBeGreaterThan(116.8);
    expect(Math.abs(far[1] - 35.5)).toBeLessThan(far[0] - 116.8);
    expect(metresTo(far)).toBeCloseTo(100, 0);
  });

  it('spans the field of view: nothing outside heading ± fov/2', () => {
    const ring = cameraCone(camera('C1', { heading: 0, fov: 60 }));
    for (const p of ring.filter((q) => metresTo(q) > 1)) {
      const east = p[0] - 116.8;
      const north = p[1] - 35.5;
      const bearing = (Math.atan2(east * Math.cos((35.5 * Math.PI) / 180), north) * 180) / Math.PI;
      expect(Math.abs(bearing)).toBeLessThanOrEqual(30.5);
    }
  });

  it('draws a 360° camera as a circle around it', () => {
    const ring = cameraCone(camera('C1', { fov: 360, rangeM: 50 }));
    expect(ring.length).toBeGreaterThan(20);
    for (const p of ring) expect(metresTo(p)).toBeCloseTo(50, 0);
  });

  it('gives no cone for a camera without range', () => {
    expect(cameraCone(camera('C1', { rangeM: 0 }))).toEqual([]);
  });
});

describe('buildCameraLayers', () => {
  const cameras = [camera('C1'), camera('C2', { status: 'fault' })];
  const cones = (zoom: number, highlighted: string[]) => {
    const layers = buildCameraLayers(cameras, {
      visible: true,
      zoom,
      highlighted: new Set(highlighted),
      scale: 1,
    });
    const layer = layers.find((l) => l.id === 'deck-camera-cones');
    return layer?.props.visible
      ? (layer.props.data as { camera: CameraPoint }[]).map((c) => c.camera.code)
      : [];
  };

  it('draws every cone from zoom 16, and only highlighted cameras’ cones below', () => {
    expect(cones(16, [])).toEqual(['C1', 'C2']);
    expect(cones(14, [])).toEqual([]);
    expect(cones(14, ['C2'])).toEqual(['C2']);
  });

  it('draws only highlighted cameras below zoom 14', () => {
    const icons = (zoom: number) =>
      buildCameraLayers(cameras, {
        visible: true,
        zoom,
        highlighted: new Set(['C1']),
        scale: 1,
      }).find((l) => l.id === 'deck-cameras')?.props.data as CameraPoint[];
    expect(icons(13.9).map((c) => c.code)).toEqual(['C1']);
    expect(icons(14).map((c) => c.code)).toEqual(['C1', 'C2']);
  });

  it('doubles icon size and cone outline at scale 2 but keeps the cones’ metres', () => {
    const props = (scale: number, id: string) =>
      buildCameraLayers(cameras, { visible: true, zoom: 16, highlighted: new Set(), scale }).find(
        (l) => l.id === id,
      )?.props as { sizeScale?: number; lineWidthScale?: number; data: unknown };
    const icons = [props(1, 'deck-cameras'), props(2, 'deck-cameras')];
    expect(icons[1]?.sizeScale).toBe(2 * icons[0]!.sizeScale!);
    expect(props(2, 'deck-camera-cones').lineWidthScale).toBe(2);
    expect(props(2, 'deck-camera-cones').data).toEqual(props(1, 'deck-camera-cones').data);
  });
});
