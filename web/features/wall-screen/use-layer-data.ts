import { useMemo } from 'react';
import type { BuildingAccess } from '../../server-state/analysis';
import { computeGridMeasure, type GridMeasure, maxMeasureValue } from '../../domain/grid-measures';
import { hasPosition } from '../../domain/wall-data';
import type { WallLayerKey } from '../../domain/wall-layers';
import type { WallLayerData } from '../../map/use-wall-layers';
import type { WallData } from './use-wall-data';

/**
 * What the map draws: the layers in the chosen area, the filtered incidents (none while their
 * layer is off), the walking reach's buildings and the choropleth's values with their maximum
 * for the legend.
 */
export function useLayerData(
  data: WallData,
  visibility: Record<WallLayerKey, boolean>,
  measure: GridMeasure,
  reach: BuildingAccess[],
): { layerData: WallLayerData; maxMeasure: number } {
  const { grids, cameras, servicePoints, members, trails, incidents, openIncidents } = data;
  // Open and overdue count what is open now, whenever reported; SLA the filtered window.
  const measured = measure === 'open' || measure === 'overdue' ? openIncidents : incidents;
  const gridValues = useMemo(
    () => computeGridMeasure(grids, measured, measure),
    [grids, measured, measure],
  );
  // Members who never reported a position count in the figures and cards, not on the map.
  const located = useMemo(() => members.filter(hasPosition), [members]);
  const showIncidents = visibility.incidents;
  const layerData = useMemo(
    () => ({
      grids,
      gridValues,
      cameras,
      servicePoints,
      members: located,
      trails,
      incidents: showIncidents ? incidents : [],
      reach,
    }),
    [grids, gridValues, cameras, servicePoints, located, trails, incidents, showIncidents, reach],
  );
  return { layerData, maxMeasure: maxMeasureValue(gridValues) };
}
