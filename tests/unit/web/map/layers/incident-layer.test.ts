import { describe, expect, it } from 'vitest';
import { SEVERITY_COLOURS } from '../../../../../web/domain/map-colours';
import type { IncidentPoint } from '../../../../../web/domain/wall-data';
import {
  buildIncidentLayers,
  pickedIncident,
  toIncidentAttributes,
} from '../../../../../web/map/layers/incident-layer';

function incident(code: string, fields: Partial<IncidentPoint> = {}): IncidentPoint {
  return {
    code,
    category: 'dispute',
    severity: 'low',
    status: 'reported',
    gridCode: '370000000001001',
    communityCode: '370000000001',
    streetCode: '370000001000',
    lng: 116.8,
    lat: 35.5,
    reportedAt: 0,
    acceptDeadline: 0,
    resolveDeadline: 0,
    closedAt: null,
    overdue: false,
    ...fields,
  };
}

const incidents = [
  incident('E1', { lng: 116.81, lat: 35.51, severity: 'low' }),
  incident('E2', { lng: 116.82, lat: 35.52, severity: 'critical' }),
  incident('E3', { lng: 116.83, lat: 35.53, severity: 'critical', status: 'closed' }),
];
const attributes = toIncidentAttributes(incidents);

const colourAt = (i: number) => [...attributes.colors.subarray(4 * i, 4 * i + 4)];

describe('toIncidentAttributes', () => {
  it('puts each incident’s lng, lat at 2i, 2i + 1', () => {
    expect(attributes.length).toBe(3);
    expect(attributes.positions).toHaveLength(6);
    expect(attributes.positions[2]).toBeCloseTo(116.82, 4);
    expect(attributes.positions[3]).toBeCloseTo(35.52, 4);
    expect(attributes.positions[4]).toBeCloseTo(116.83, 4);
  });

  it('colours a critical incident differently from a low one, by severity', () => {
    expect(colourAt(1)).toEqual(SEVERITY_COLOURS.critical);
    expect(colourAt(0)).toEqual(SEVERITY_COLOURS.low);
  });

  it('draws finished incidents dimmed: grey, fainter and smaller than open ones', () => {
    const [r, g, b, a] = colourAt(2);
    expect(colourAt(2)).not.toEqual(SEVERITY_COLOURS.critical);
    expect(Math.max(r!, g!, b!) - Math.min(r!, g!, b!)).toBeLessThan(50);
    expect(a).toBeLessThan(SEVERITY_COLOURS.critical[3]);
    expect(attributes.radii[2]).toBeLessThan(attributes.radii[1]!);
    expect(attributes.radii[2]).toBeLessThan(attributes.radii[0]!);
  });
});

const state = {
  visible: true,
  zoom: 12,
  fresh: new Set<string>(),
  pulse: 0,
  highlightedCode: null,
  scale: 1,
};
const shown = (zoom: number) =>
  buildIncidentLayers(incidents, attributes, { ...state, zoom })
    .filter((layer) => layer.props.visible)
    .map((layer) => layer.id);

describe('buildIncidentLayers', () => {
  it('shows density hexagons and urgent open incidents below zoom 13', () => {
    expect(shown(12)).toEqual(['deck-incidents-hex', 'deck-incidents-urgent']);
  });

  it('shows every incident as a point from zoom 13', () => {
    expect(shown(13)).toEqual(['deck-incidents']);
  });

  it('marks only open high and critical incidents as urgent', () => {
    const urgent = buildIncidentLayers(incidents, attributes, state).find(
      (layer) => layer.id === 'deck-incidents-urgent',
    );
    expect((urgent?.props.data as IncidentPoint[]).map((i) => i.code)).toEqual(['E2']);
  });

  it('pulses fresh incidents and rings the highlighted one at any zoom', () => {
    const layers = buildIncidentLayers(incidents, attributes, {
      ...state,
      zoom: 15,
      fresh: new Set(['E1', 'unknown']),
      highlightedCode: 'E3',
    });
    const data = (id: string) =>
      (layers.find((layer) => layer.id === id)?.props.data as IncidentPoint[]).map((i) => i.code);
    expect(data('deck-incidents-pulse')).toEqual(['E1']);
    expect(data('deck-incidents-highlight')).toEqual(['E3']);
  });

  it('hides every incident layer when the layer is switched off', () => {
    const layers = buildIncidentLayers(incidents, attributes, { ...state, visible: false });
    expect(layers.filter((layer) => layer.props.visible)).toEqual([]);
  });

  it('doubles point radii and outlines at scale 2 but keeps the 250 m hexagons', () => {
    const props = (scale: number, id: string) =>
      buildIncidentLayers(incidents, attributes, { ...state, zoom: 14, scale }).find(
        (layer) => layer.id === id,
      )?.props as { radiusScale?: number; lineWidthMinPixels?: number; radius?: number };
    const points = [props(1, 'deck-incidents'), props(2, 'deck-incidents')];
    expect(points[1]?.radiusScale).toBe(2 * points[0]!.radiusScale!);
    expect(points[1]?.lineWidthMinPixels).toBe(2 * points[0]!.lineWidthMinPixels!);
    expect(props(2, 'deck-incidents-hex').radius).toBe(250);
  });
});

describe('pickedIncident', () => {
  it('reads a binary pick by index and an urgent pick by object', () => {
    expect(
      pickedIncident({ index: 1, object: undefined, layer: { id: 'deck-incidents' } }, incidents),
    ).toBe(incidents[1]);
    expect(
      pickedIncident(
        { index: 0, object: incidents[2], layer: { id: 'deck-incidents-urgent' } },
        incidents,
      ),
    ).toBe(incidents[2]);
    expect(
      pickedIncident({ index: 0, object: {}, layer: { id: 'deck-grids' } }, incidents),
    ).toBeNull();
  });
});
