import type { Layer } from '@deck.gl/core';
import { useMemo } from 'react';
import type { Coverage, Demands, SiteSuggestion } from '../../../api/contract/analysis';
import type { BuildingAccess, ReachPolygon } from '../../server-state/analysis';
import type { DraftFacility } from '../../domain/scenario-draft';
import { buildBuildingAccessLayers } from '../../map/layers/building-access-layer';
import { buildCoverageGridLayer } from '../../map/layers/coverage-grid-layer';
import { buildFacilityLayer } from '../../map/layers/facility-layer';
import { buildIsochroneLayer } from '../../map/layers/isochrone-layer';
import { buildSuggestionLayers } from '../../map/layers/suggestion-layer';
import type { PlanningData } from './use-planning-data';
import type { PlanningSession } from './use-planning-session';

/** A facility being dragged: drawn at the pointer until dropped. */
export type Dragging = { key: string; lng: number; lat: number } | null;

/**
 * The grid values the choropleth shows: coverage shares (after the scenario's changes while one
 * is evaluated) or demand counts per grid.
 */
export function gridValues(
  colouring: PlanningSession['colouring'],
  sources: {
    coverage: Coverage | undefined;
    after: Coverage | undefined;
    demands: Demands | undefined;
  },
): { values: Map<string, number>; maxDemands: number } {
  if (colouring === 'demands') {
    const rows = sources.demands?.rows ?? [];
    const values = new Map(rows.map((r) => [r.gridCode, r.demands]));
    return { values, maxDemands: Math.max(1, ...rows.map((r) => r.demands)) };
  }
  const byGrid = (sources.after ?? sources.coverage)?.byGrid ?? [];
  return { values: new Map(byGrid.map((g) => [g.code, g.share])), maxDemands: 1 };
}

/** Coverage after the scenario's changes, while a scenario is evaluated. */
export function coverageAfter(data: PlanningData): Coverage | undefined {
  return data.scenarioActive ? (data.evaluation.data?.coverage?.after ?? undefined) : undefined;
}

/** The grid choropleth, rebuilt only when its values or switches change. */
function useGridLayer(data: PlanningData, session: PlanningSession): Layer {
  const { layers, colouring } = session;
  const grids = data.grids.data;
  const coverage = data.coverage.data;
  const after = coverageAfter(data);
  const demands = data.demands.data;
  const { values, maxDemands } = useMemo(
    () => gridValues(colouring, { coverage, after, demands }),
    [colouring, coverage, after, demands],
  );
  return useMemo(
    () =>
      buildCoverageGridLayer(grids ?? [], values, { visible: layers.grids, colouring, maxDemands }),
    [grids, values, layers.grids, colouring, maxDemands],
  );
}

/** What the planner's layers are built from. */
interface OverlayInputs {
  gridLayer: Layer;
  polygons: ReachPolygon[];
  buildings: BuildingAccess[];
  facilities: DraftFacility[];
  sites: SiteSuggestion[];
  layers: PlanningSession['layers'];
  zoom: number;
  selected: string | null;
  dragging: Dragging;
  suggesting: boolean;
}

/** The layers bottom to top: grids, reach, buildings, facilities, sites (pure). */
function planningOverlays(i: OverlayInputs): Layer[] {
  return [
    i.gridLayer,
    buildIsochroneLayer(i.polygons, { visible: true }),
    ...buildBuildingAccessLayers(i.buildings, {
      visible: i.layers.buildings,
      zoom: i.zoom,
      haloUncovered: true,
    }),
    buildFacilityLayer(i.facilities, {
      visible: i.layers.facilities,
      selectedKey: i.selected,
      dragging: i.dragging,
    }),
    ...buildSuggestionLayers(i.sites, { visible: i.suggesting }),
  ];
}

/** One empty list for every absent answer, so memos see no change while nothing loads. */
const NONE: never[] = [];

/** The planner's deck.gl layers, rebuilt when what they show changes. */
export function usePlanningLayers(
  data: PlanningData,
  session: PlanningSession,
  zoom: number,
  dragging: Dragging,
): Layer[] {
  const { layers, selected, suggesting } = session;
  const gridLayer = useGridLayer(data, session);
  const buildings = data.buildings.data ?? NONE;
  const polygons = (selected ? data.isochrones.data : undefined) ?? NONE;
  const sites = data.suggestions.data?.suggestions ?? NONE;
  const { facilities } = data;
  return useMemo(
    () =>
      planningOverlays({
        ...{ gridLayer, polygons, buildings, facilities, sites },
        ...{ layers, zoom, selected, dragging, suggesting },
      }),
    [
      gridLayer,
      polygons,
      buildings,
      facilities,
      sites,
      layers,
      zoom,
      selected,
      dragging,
      suggesting,
    ],
  );
}
