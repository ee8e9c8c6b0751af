import { describe, expect, it } from 'vitest';
import {
  computeGridMeasure,
  formatMeasureValue,
  maxMeasureValue,
  measureColour,
  measureLegend,
  NO_VALUE_COLOUR,
} from '../../../../web/domain/grid-measures';
import type { GridArea, IncidentPoint } from '../../../../web/domain/wall-data';

function grid(code: string, population = 0): GridArea {
  return {
    code,
    name: code,
    communityCode: '370000000001',
    streetCode: '370000001000',
    kind: 'residential',
    households: 0,
    population,
    leaderId: null,
    geometry: { type: 'Polygon', coordinates: [] },
    labelAt: [116.8, 35.5],
  };
}

let serial = 0;

function incident(gridCode: string, fields: Partial<IncidentPoint> = {}): IncidentPoint {
  serial += 1;
  return {
    code: `E${serial}`,
    category: 'dispute',
    severity: 'medium',
    status: 'reported',
    gridCode,
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

const grids = [grid('A', 1200), grid('B', 300)];

describe('computeGridMeasure', () => {
  it('counts open incidents per grid, leaving out finished ones and unknown grids', () => {
    const incidents = [
      incident('A'),
      incident('A', { status: 'in_progress' }),
      incident('A', { status: 'closed' }),
      incident('B', { status: 'rejected' }),
      incident('Z'),
    ];
    const open = computeGridMeasure(grids, incidents, 'open');
    expect(Object.fromEntries(open)).toEqual({ A: 2, B: 0 });
  });

  it('counts only open overdue incidents as overdue', () => {
    const incidents = [
      incident('A', { overdue: true }),
      incident('A', { overdue: true, status: 'closed' }),
      incident('B'),
    ];
    const overdue = computeGridMeasure(grids, incidents, 'overdue');
    expect(Object.fromEntries(overdue)).toEqual({ A: 1, B: 0 });
  });

  it('gives each grid its population', () => {
    expect(Object.fromEntries(computeGridMeasure(grids, [], 'population'))).toEqual({
      A: 1200,
      B: 300,
    });
  });

  it('gives the share of closed incidents closed on time, and null where none closed', () => {
    const incidents = [
      incident('A', { status: 'closed' }),
      incident('A', { status: 'closed' }),
      incident('A', { status: 'closed' }),
      incident('A', { status: 'closed', overdue: true }),
      incident('A', { status: 'in_progress', overdue: true }),
      incident('B', { status: 'rejected' }),
    ];
    const sla = computeGridMeasure(grids, incidents, 'sla');
    expect(sla.get('A')).toBeCloseTo(0.75);
    expect(sla.get('B')).toBeNull();
  });
});

describe('measure colours', () => {
  it('colours the busiest grid differently from an empty one', () => {
    expect(measureColour('open', 10, 10)).not.toEqual(measureColour('open', 0, 10));
  });

  it('runs SLA from red (poor) to green (all on time)', () => {
    const [poorR, poorG] = measureColour('sla', 0.2, 1);
    const [goodR, goodG] = measureColour('sla', 1, 1);
    expect(poorR).toBeGreaterThan(poorG);
    expect(goodG).toBeGreaterThan(goodR);
  });

  it('draws grids without a value in the faint no-value grey', () => {
    expect(measureColour('sla', null, 1)).toEqual(NO_VALUE_COLOUR);
  });

  it('gives a legend from 0 to the largest value, low to high', () => {
    const values = computeGridMeasure(grids, [], 'population');
    const stops = measureLegend('population', maxMeasureValue(values));
    expect(stops[0]?.value).toBe(0);
    expect(stops.at(-1)?.value).toBe(1200);
    expect(stops.at(-1)?.colour).toEqual(measureColour('population', 1200, 1200));
  });

  it('formats SLA as a percentage and counts with grouping', () => {
    expect(formatMeasureValue('sla', 0.756)).toBe('76%');
    expect(formatMeasureValue('population', 12345)).toBe('12,345');
    expect(formatMeasureValue('sla', null)).toBe('—');
  });
});
