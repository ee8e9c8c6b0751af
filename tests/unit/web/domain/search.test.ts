import { describe, expect, it } from 'vitest';
import {
  type RoadSegment,
  type SearchIndex,
  searchWall,
  summariseRoads,
} from '../../../../web/domain/search';
import type {
  CameraPoint,
  GridArea,
  IncidentPoint,
  ServicePoint,
} from '../../../../web/domain/wall-data';

const STREET = '330106001000';
const COMMUNITY = '330106001001';

function incident(code: string): IncidentPoint {
  return {
    code,
    category: 'dispute',
    severity: 'medium',
    status: 'reported',
    gridCode: 'WG0101',
    communityCode: COMMUNITY,
    streetCode: STREET,
    lng: 120.1,
    lat: 30.2,
    reportedAt: 0,
    acceptDeadline: 1,
    resolveDeadline: 2,
    closedAt: null,
    overdue: false,
  };
}

function grid(code: string, name: string): GridArea {
  return {
    code,
    name,
    communityCode: COMMUNITY,
    streetCode: STREET,
    kind: 'residential',
    households: 300,
    population: 900,
    leaderId: null,
    geometry: { type: 'Polygon', coordinates: [] },
    labelAt: [120.11, 30.21],
  };
}

function camera(code: string, name: string): CameraPoint {
  return {
    code,
    name,
    kind: 'skynet',
    status: 'online',
    streetCode: STREET,
    communityCode: COMMUNITY,
    lng: 120.12,
    lat: 30.22,
    heading: 90,
    fov: 60,
    rangeM: 120,
    streamUrl: null,
  };
}

function servicePoint(code: string, name: string): ServicePoint {
  return {
    code,
    name,
    category: 'pharmacy',
    streetCode: STREET,
    communityCode: COMMUNITY,
    capacity: null,
    lng: 120.13,
    lat: 30.23,
  };
}

const index: SearchIndex = {
  incidents: [incident('YP20250301000042'), incident('YP20250302000007')],
  grids: [grid('WG0101', '翠苑一区第1网格'), grid('WG0102', '翠苑一区第2网格')],
  cameras: [camera('CAM-0001', '文三路口东'), camera('CAM-0002', '翠苑小区南门')],
  servicePoints: [servicePoint('SP-01', '翠苑药店')],
  places: [
    { code: STREET, name: '翠苑街道', level: 'street' },
    { code: COMMUNITY, name: '翠苑一区社区', level: 'community' },
  ],
};

describe('searchWall', () => {
  it('finds an incident by a lower-case prefix of its code and says where it is', () => {
    expect(searchWall('yp202503010', index)).toEqual([
      {
        kind: 'incident',
        id: 'YP20250301000042',
        label: 'YP20250301000042',
        detail: 'WG0101',
        lngLat: [120.1, 30.2],
      },
    ]);
  });

  it('does not match incident codes in the middle', () => {
    expect(searchWall('000042', index)).toEqual([]);
  });

  it('finds grids by code or name and flies to the grid label', () => {
    const [hit] = searchWall('wg0102', index);
    expect(hit).toMatchObject({ kind: 'grid', id: 'WG0102', label: '翠苑一区第2网格' });
    expect(hit?.lngLat).toEqual([120.11, 30.21]);
    expect(searchWall('第1网格', index).map((h) => h.id)).toEqual(['WG0101']);
  });

  it('finds cameras by code or name and service points by name', () => {
    expect(searchWall('cam-0001', index).map((h) => h.id)).toEqual(['CAM-0001']);
    expect(searchWall('南门', index).map((h) => h.id)).toEqual(['CAM-0002']);
    expect(searchWall('药店', index).map((h) => [h.kind, h.id])).toEqual([
      ['servicePoint', 'SP-01'],
    ]);
  });

  it('finds streets and communities by name, without a point to fly to', () => {
    const hits = searchWall('翠苑街道', index);
    expect(hits[0]).toEqual({
      kind: 'place',
      id: STREET,
      label: '翠苑街道',
      detail: STREET,
      lngLat: null,
    });
  });

  it('ranks an exact match before prefixes and prefixes before substrings', () => {
    const hits = searchWall('翠苑一区社区', {
      ...index,
      grids: [grid('G1', '老翠苑一区社区网格'), grid('G2', '翠苑一区社区网格')],
    });
    expect(hits.map((h) => h.label)).toEqual([
      '翠苑一区社区',
      '翠苑一区社区网格',
      '老翠苑一区社区网格',
    ]);
  });

  it('returns at most `limit` hits', () => {
    expect(searchWall('翠苑', index)).toHaveLength(6);
    expect(searchWall('翠苑', index, 3)).toHaveLength(3);
  });

  it('returns nothing for a blank query', () => {
    expect(searchWall('   ', index)).toEqual([]);
  });
});

describe('roads', () => {
  const OTHER = '330106002000';
  const streets = new Map([[STREET, '翠苑街道']]);
  const segments: RoadSegment[] = [
    {
      name: '文三路',
      streetCode: STREET,
      coordinates: [
        [120.1, 30.2],
        [120.12, 30.2],
      ],
    },
    {
      name: '文三路',
      streetCode: STREET,
      coordinates: [
        [120.12, 30.2],
        [120.13, 30.22],
      ],
    },
    {
      name: '文三路',
      streetCode: OTHER,
      coordinates: [
        [120.13, 30.22],
        [120.2, 30.3],
      ],
    },
    {
      name: '文二路',
      streetCode: OTHER,
      coordinates: [
        [120.1, 30.1],
        [120.2, 30.1],
      ],
    },
  ];

  it('makes one road per name from its segments in the caller’s streets', () => {
    expect(summariseRoads(segments, streets)).toEqual([
      {
        name: '文三路',
        bounds: [
          [120.1, 30.2],
          [120.13, 30.22],
        ],
        streets: ['翠苑街道'],
      },
    ]);
  });

  it('lists a road by its name, framed by its box, before cameras named after it', () => {
    const roads = [
      {
        name: '文三路',
        bounds: [
          [1, 2],
          [3, 4],
        ],
        streets: ['翠苑街道'],
      },
    ] as const;
    const hits = searchWall('文三路', {
      ...index,
      roads: roads.map((r) => ({
        ...r,
        bounds: [
          [1, 2],
          [3, 4],
        ],
        streets: [...r.streets],
      })),
      cameras: [camera('CAM-0003', '文三路')],
    });
    expect(hits[0]).toEqual({
      kind: 'road',
      id: '文三路',
      label: '文三路',
      detail: '翠苑街道',
      lngLat: null,
      bounds: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(hits.filter((h) => h.kind === 'road')).toHaveLength(1);
  });
});
