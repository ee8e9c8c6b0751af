import { HexagonLayer } from '@deck.gl/aggregation-layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { LAYER_IDS } from '../../../api/contract/style-layer-ids';
import {
  INCIDENT_DENSITY_RANGE,
  incidentColour,
  isDimmedStatus,
  type Rgba,
} from '../../domain/map-colours';
import { type IncidentPoint, isOpen } from '../../domain/wall-data';

/** Stable ids of the incident layers. */
export const INCIDENT_HEX_LAYER_ID = 'deck-incidents-hex';
export const INCIDENT_URGENT_LAYER_ID = 'deck-incidents-urgent';
export const INCIDENT_LAYER_ID = 'deck-incidents';
export const INCIDENT_PULSE_LAYER_ID = 'deck-incidents-pulse';
export const INCIDENT_HIGHLIGHT_LAYER_ID = 'deck-incidents-highlight';

/** From this zoom every incident is a point; below it, hexagons of density plus urgent ones. */
export const INCIDENT_POINTS_MIN_ZOOM = 13;

/** Hexagon radius in metres: a few street blocks, so hot spots read at district zoom. */
export const INCIDENT_HEX_RADIUS_M = 250;

/**
 * Density over the grid choropleth but under the river and roads, so the district's main roads
 * and river read through it; points where the style's incidents would be.
 */
const HEX_BEFORE = { beforeId: LAYER_IDS.water };
const POINTS_BEFORE = { beforeId: LAYER_IDS.incidentsHalo };
const RINGS_BEFORE = { beforeId: LAYER_IDS.communityLabels };

const POINT_OUTLINE: Rgba = [5, 11, 23, 200];
const HIGHLIGHT_COLOUR: Rgba = [255, 255, 255, 255];

/**
 * Incidents as binary attributes for a ScatterplotLayer: 100,000 incidents become three
 * typed arrays instead of 100,000 accessor calls. Index `i` of every array is `incidents[i]`.
 */
export interface IncidentAttributes {
  length: number;
  /** `lng, lat` pairs. */
  positions: Float32Array;
  /** `r, g, b, a` bytes. */
  colors: Uint8Array;
  /** Radii in pixels. */
  radii: Float32Array;
}

/** Point radius in pixels: severe incidents larger, finished ones smallest. */
export function incidentRadius(incident: Pick<IncidentPoint, 'severity' | 'status'>): number {
  if (isDimmedStatus(incident.status)) return 2.5;
  return { low: 4, medium: 4.5, high: 5.5, critical: 6.5 }[incident.severity];
}

/** The incidents' binary attributes, computed once per incident list (pure). */
export function toIncidentAttributes(incidents: readonly IncidentPoint[]): IncidentAttributes {
  const length = incidents.length;
  const positions = new Float32Array(length * 2);
  const colors = new Uint8Array(length * 4);
  const radii = new Float32Array(length);
  incidents.forEach((incident, i) => {
    positions[2 * i] = incident.lng;
    positions[2 * i + 1] = incident.lat;
    colors.set(incidentColour(incident), 4 * i);
    radii[i] = incidentRadius(incident);
  });
  return { length, positions, colors, radii };
}

/** View state of the incident layers. */
export interface IncidentLayerState {
  visible: boolean;
  zoom: number;
  /** Codes of incidents that arrived live recently; they pulse. */
  fresh: ReadonlySet<string>;
  /** Animation phase, 0 to 1: rings grow and fade as it rises. */
  pulse: number;
  /** The incident whose card is open, ringed at every zoom. */
  highlightedCode: string | null;
  /**
   * Screen size factor: 1 at 1080p, `innerHeight / 1080` on a taller wall. Multiplies every
   * size in pixels, so points and lines keep pace with the rem-sized panels; metres stay.
   */
  scale: number;
}

/**
 * Layer data made once per input object (a WeakMap each): deck.gl compares `data` by
 * reference, and the pulse rebuilds these layers every animation frame.
 */
function cached<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}

const scatterData = cached((a: IncidentAttributes) => ({
  length: a.length,
  attributes: {
    getPosition: { value: a.positions, size: 2 },
    getFillColor: { value: a.colors, size: 4, normalized: true },
    getRadius: { value: a.radii, size: 1 },
  },
}));

const hexData = cached((a: IncidentAttributes) => ({ length: a.length }));

const urgentOf = cached((incidents: readonly IncidentPoint[]) =>
  incidents.filter((i) => isOpen(i) && (i.severity === 'high' || i.severity === 'critical')),
);

const byCode = cached(
  (incidents: readonly IncidentPoint[]) => new Map(incidents.map((i) => [i.code, i])),
);

const freshCache = new WeakMap<
  ReadonlySet<string>,
  { incidents: readonly IncidentPoint[]; list: IncidentPoint[] }
>();

/** The incidents whose codes are in `fresh`, looked up by code (the set is small). */
function freshOf(incidents: readonly IncidentPoint[], fresh: ReadonlySet<string>): IncidentPoint[] {
  const hit = freshCache.get(fresh);
  if (hit?.incidents === incidents) return hit.list;
  const index = byCode(incidents);
  const list = [...fresh].flatMap((code) => index.get(code) ?? []);
  freshCache.set(fresh, { incidents, list });
  return list;
}

/** Point size factor: a little larger as the map zooms in (a uniform, no attribute update). */
function pointScale(zoom: number): number {
  return Math.min(Math.max(1 + (zoom - INCIDENT_POINTS_MIN_ZOOM) * 0.2, 1), 1.8);
}

function buildHexagons(attributes: IncidentAttributes, visible: boolean): Layer {
  const { positions } = attributes;
  return new HexagonLayer<unknown>({
    id: INCIDENT_HEX_LAYER_ID,
    data: hexData(attributes),
    visible,
    ...HEX_BEFORE,
    radius: INCIDENT_HEX_RADIUS_M,
    coverage: 0.92,
    opacity: 0.55,
    extruded: false,
    colorRange: INCIDENT_DENSITY_RANGE,
    getPosition: (_, { index, target }) => {
      target[0] = positions[2 * index] ?? 0;
      target[1] = positions[2 * index + 1] ?? 0;
      return target as [number, number];
    },
    updateTriggers: { getPosition: [positions] },
  });
}

function buildUrgentPoints(incidents: readonly IncidentPoint[], state: IncidentLayerState): Layer {
  return new ScatterplotLayer<IncidentPoint>({
    id: INCIDENT_URGENT_LAYER_ID,
    data: urgentOf(incidents),
    visible: state.visible && state.zoom < INCIDENT_POINTS_MIN_ZOOM,
    ...POINTS_BEFORE,
    pickable: true,
    getPosition: (incident) => [incident.lng, incident.lat],
    getFillColor: incidentColour,
    getRadius: incidentRadius,
    radiusUnits: 'pixels',
    radiusScale: state.scale,
    stroked: true,
    getLineColor: POINT_OUTLINE,
    lineWidthMinPixels: state.scale,
  });
}

function buildPoints(attributes: IncidentAttributes, state: IncidentLayerState): Layer {
  return new ScatterplotLayer({
    id: INCIDENT_LAYER_ID,
    data: scatterData(attributes),
    visible: state.visible && state.zoom >= INCIDENT_POINTS_MIN_ZOOM,
    ...POINTS_BEFORE,
    pickable: true,
    radiusUnits: 'pixels',
    radiusScale: pointScale(state.zoom) * state.scale,
    stroked: true,
    getLineColor: POINT_OUTLINE,
    lineWidthMinPixels: state.scale,
  });
}

function buildPulse(incidents: readonly IncidentPoint[], state: IncidentLayerState): Layer {
  const data = freshOf(incidents, state.fresh);
  const pulse = Math.min(Math.max(state.pulse, 0), 1);
  return new ScatterplotLayer<IncidentPoint>({
    id: INCIDENT_PULSE_LAYER_ID,
    data,
    visible: state.visible && data.length > 0,
    ...RINGS_BEFORE,
    getPosition: (incident) => [incident.lng, incident.lat],
    getRadius: 8 * state.scale,
    radiusUnits: 'pixels',
    radiusScale: 1 + 2.5 * pulse,
    filled: false,
    stroked: true,
    getLineColor: incidentColour,
    lineWidthUnits: 'pixels',
    getLineWidth: 2.5 * state.scale,
    opacity: 1 - pulse,
  });
}

function buildHighlight(incidents: readonly IncidentPoint[], state: IncidentLayerState): Layer {
  const incident = state.highlightedCode ? byCode(incidents).get(state.highlightedCode) : undefined;
  return new ScatterplotLayer<IncidentPoint>({
    id: INCIDENT_HIGHLIGHT_LAYER_ID,
    data: incident ? [incident] : [],
    visible: state.visible && incident !== undefined,
    ...RINGS_BEFORE,
    getPosition: (i) => [i.lng, i.lat],
    getRadius: 14 * state.scale,
    radiusUnits: 'pixels',
    filled: false,
    stroked: true,
    getLineColor: HIGHLIGHT_COLOUR,
    lineWidthUnits: 'pixels',
    getLineWidth: 3 * state.scale,
  });
}

/**
 * The incident layers, always all five so none is torn down when the zoom crosses 13:
 * - below zoom 13, `deck-incidents-hex` (density in 250 m hexagons) and
 *   `deck-incidents-urgent` (open high and critical incidents);
 * - from zoom 13, `deck-incidents`, every incident from `attributes` (binary, fast);
 * - at every zoom, `deck-incidents-pulse` rings for `fresh` codes and
 *   `deck-incidents-highlight` around the highlighted incident.
 *
 * `attributes` must be `toIncidentAttributes(incidents)`, made once per list (memoised by the
 * caller). Picking `deck-incidents` gives `info.index` into `incidents` (no `info.object`);
 * picking `deck-incidents-urgent` gives the IncidentPoint. {@link pickedIncident} reads both.
 */
export function buildIncidentLayers(
  incidents: readonly IncidentPoint[],
  attributes: IncidentAttributes,
  state: IncidentLayerState,
): Layer[] {
  const low = state.zoom < INCIDENT_POINTS_MIN_ZOOM;
  return [
    buildHexagons(attributes, state.visible && low),
    buildUrgentPoints(incidents, state),
    buildPoints(attributes, state),
    buildPulse(incidents, state),
    buildHighlight(incidents, state),
  ];
}

/** The incident a pick on one of the incident layers refers to, or null. */
export function pickedIncident(
  info: Pick<PickingInfo, 'index' | 'object'> & { layer?: { id: string } | null },
  incidents: readonly IncidentPoint[],
): IncidentPoint | null {
  if (info.layer?.id === INCIDENT_LAYER_ID) return incidents[info.index] ?? null;
  if (info.layer?.id === INCIDENT_URGENT_LAYER_ID) return (info.object as IncidentPoint) ?? null;
  return null;
}
