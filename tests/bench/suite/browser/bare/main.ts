/**
 * The browser workload's reference: the least a page can do to show the wall's incidents — the
 * same points (`/points.json`, the OGC items the wall receives) as one deck.gl ScatterplotLayer
 * with binary attributes, interleaved into MapLibre with a plain background and no basemap
 * tiles, over the points' extent. `window.bareReady` turns true once the layer is set;
 * `window.bareFilter('open')` redraws only the open ones, as the wall's status filter does.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { ScatterplotLayer } from '@deck.gl/layers';
import { Map as MapLibreMap } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';

declare global {
  interface Window {
    bareReady?: boolean;
    bareFilter?: (status: 'all' | 'open') => number;
  }
}

interface Point {
  lng: number;
  lat: number;
  status: string;
}

const FINISHED = new Set(['closed', 'rejected', 'merged']);
const OPEN: [number, number, number, number] = [255, 138, 76, 230];
const DONE: [number, number, number, number] = [120, 130, 150, 160];

function attributes(points: readonly Point[]) {
  const positions = new Float32Array(points.length * 2);
  const colors = new Uint8Array(points.length * 4);
  points.forEach((point, i) => {
    positions[2 * i] = point.lng;
    positions[2 * i + 1] = point.lat;
    colors.set(FINISHED.has(point.status) ? DONE : OPEN, 4 * i);
  });
  return {
    length: points.length,
    attributes: {
      getPosition: { value: positions, size: 2 },
      getFillColor: { value: colors, size: 4, normalized: true },
    },
  };
}

async function readPoints(): Promise<Point[]> {
  const body = (await (await fetch('/points.json')).json()) as {
    features: { geometry: { coordinates: [number, number] }; properties: { status: string } }[];
  };
  return body.features.map((f) => ({
    lng: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
    status: f.properties.status,
  }));
}

function bounds(points: readonly Point[]): [[number, number], [number, number]] {
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const p of points) {
    west = Math.min(west, p.lng);
    east = Math.max(east, p.lng);
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
  }
  return [
    [west, south],
    [east, north],
  ];
}

const layerOf = (points: readonly Point[]) =>
  new ScatterplotLayer({
    id: 'bare-points',
    data: attributes(points),
    radiusUnits: 'pixels',
    getRadius: 4,
  });

async function main(): Promise<void> {
  const map = new MapLibreMap({
    container: 'map',
    style: {
      version: 8,
      sources: {},
      layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#050b17' } }],
    },
    center: [105, 35],
    zoom: 3,
  });
  const [points] = await Promise.all([readPoints(), map.once('load')]);
  map.fitBounds(bounds(points), { padding: 40, animate: false });
  const overlay = new MapLibreOverlay({ interleaved: true, layers: [layerOf(points)] });
  map.addControl(overlay);
  window.bareFilter = (status) => {
    const shown = status === 'all' ? points : points.filter((p) => !FINISHED.has(p.status));
    overlay.setProps({ layers: [layerOf(shown)] });
    return shown.length;
  };
  window.bareReady = true;
}

void main();
