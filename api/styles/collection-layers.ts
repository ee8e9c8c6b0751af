import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { OPEN_STATUSES } from '../contract/statuses';
import { COLLECTIONS, type CollectionId } from '../db/collections';
import { byGroup, byProperty, byZoom, isOneOf, isValue } from './expressions';
import { LAYER_IDS } from '../contract/style-layer-ids';
import type { StylePalette } from './palette';
import { categoriesOf, SERVICE_GROUPS } from '../contract/service-groups';

/** Source, source layer and first zoom of a collection's tiles (MVT layer name = collection id). */
function fromCollection(id: CollectionId) {
  return { source: id, 'source-layer': id, minzoom: COLLECTIONS[id].minZoom } as const;
}

/** Grids tinted by kind at low opacity, so the basemap shows through. */
export function buildGridFillLayer(palette: StylePalette): FillLayerSpecification {
  return {
    id: LAYER_IDS.gridsFill,
    type: 'fill',
    ...fromCollection('grids'),
    paint: {
      'fill-color': byProperty('kind', palette.gridFill, palette.gridFill.residential),
      'fill-opacity': palette.gridFillOpacity,
    },
  };
}

/** Grid outlines, above roads so "no blind spot, no overlap" can be seen. */
export function buildGridLineLayer(palette: StylePalette): LineLayerSpecification {
  return {
    id: LAYER_IDS.gridsLine,
    type: 'line',
    ...fromCollection('grids'),
    paint: {
      'line-color': palette.gridLine,
      'line-width': byZoom(
        [
          [12, 0.5],
          [17, 1.5],
        ],
        1,
      ),
      'line-opacity': 0.8,
    },
  };
}

/** Point radius in pixels at zooms 12 and 17. */
function radius(low: number, high: number) {
  return byZoom(
    [
      [12, low],
      [17, high],
    ],
    1,
  );
}

/** Service points of the life circle, coloured by group. */
export function buildServicePointLayer(palette: StylePalette): CircleLayerSpecification {
  const groups = SERVICE_GROUPS.map(
    (group) => [categoriesOf(group), palette.serviceGroups[group]] as const,
  );
  return {
    id: LAYER_IDS.servicePoints,
    type: 'circle',
    ...fromCollection('service-points'),
    paint: {
      'circle-color': byGroup('category', groups, palette.serviceGroups.governance),
      'circle-radius': radius(2.5, 7),
      'circle-stroke-color': palette.pointStroke,
      'circle-stroke-width': 1,
    },
  };
}

/** Cameras coloured by status: online, offline, fault. */
export function buildCameraLayer(palette: StylePalette): CircleLayerSpecification {
  return {
    id: LAYER_IDS.cameras,
    type: 'circle',
    ...fromCollection('cameras'),
    paint: {
      'circle-color': byProperty('status', palette.cameraStatus, palette.cameraStatus.offline),
      'circle-radius': radius(1.8, 5),
      'circle-stroke-color': palette.pointStroke,
      'circle-stroke-width': 0.8,
    },
  };
}

/** Grid members: small dots, larger and bright while on duty. */
export function buildMemberLayer(palette: StylePalette): CircleLayerSpecification {
  const onDuty = isValue('on_duty', true);
  return {
    id: LAYER_IDS.members,
    type: 'circle',
    ...fromCollection('members'),
    layout: { 'circle-sort-key': ['case', onDuty, 1, 0] },
    paint: {
      'circle-color': ['case', onDuty, palette.memberOnDuty, palette.memberOffDuty],
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        12,
        ['case', onDuty, 2.5, 1.5],
        17,
        ['case', onDuty, 5, 3],
      ],
      'circle-stroke-color': palette.pointStroke,
      'circle-stroke-width': ['case', onDuty, 1, 0],
    },
  };
}

/**
 * Open incidents coloured by severity, overdue ones ringed; high and critical ones also get a
 * soft halo so they catch the eye on a wall screen.
 */
export function buildIncidentLayers(palette: StylePalette): CircleLayerSpecification[] {
  const base = { ...fromCollection('incidents'), type: 'circle' } as const;
  // The contract's open group (verified too): closed, rejected and merged ones are history.
  const open = isOneOf('status', OPEN_STATUSES);
  const colour = byProperty('severity', palette.severity, palette.severity.medium);
  return [
    {
      ...base,
      id: LAYER_IDS.incidentsHalo,
      filter: ['all', open, isOneOf('severity', ['high', 'critical'])],
      paint: {
        'circle-color': colour,
        'circle-opacity': 0.35,
        'circle-radius': radius(7, 18),
        'circle-blur': 0.8,
      },
    },
    {
      ...base,
      id: LAYER_IDS.incidents,
      filter: open,
      layout: {
        'circle-sort-key': byProperty('severity', { low: 0, medium: 1, high: 2, critical: 3 }, 1),
      },
      paint: {
        'circle-color': colour,
        'circle-radius': radius(3, 8),
        'circle-stroke-color': [
          'case',
          isValue('overdue', true),
          palette.overdueStroke,
          palette.pointStroke,
        ],
        'circle-stroke-width': ['case', isValue('overdue', true), 2, 1],
      },
    },
  ];
}
