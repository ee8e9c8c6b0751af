import type { PickingInfo } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { type RefObject, useState } from 'react';
import type { DraftFacility } from '../../domain/scenario-draft';
import { FACILITY_LAYER_ID } from '../../map/layers/facility-layer';
import { PlanningMap } from '../../map/planning-map';
import type { PointerLngLat } from '../../map/use-map-pointer';
import { useLang } from '../../ui/lang';
import { ApiError } from './api-error';
import { FacilityCard } from './facility-card';
import { PlanningLegend } from './planning-legend';
import { PLANNING_TEXT } from './planning-text';
import type { PlanningData } from './use-planning-data';
import { type Dragging, gridValues, usePlanningLayers } from './use-planning-layers';
import type { PlanningSession } from './use-planning-session';

/** The facility a deck.gl pick hit, if it hit one. */
function pickedFacility(picked: PickingInfo | null): DraftFacility | null {
  return picked?.layer?.id === FACILITY_LAYER_ID ? (picked.object as DraftFacility) : null;
}

/** Map clicks: select a facility, place a new one while the add tool is on, else deselect. */
function usePointerHandlers(session: PlanningSession, setDragging: (d: Dragging) => void) {
  const { edit, placing, category } = session;
  return {
    draggableLayerId: FACILITY_LAYER_ID,
    placing,
    onClick: ([lng, lat]: PointerLngLat, picked: PickingInfo | null) => {
      const facility = pickedFacility(picked);
      if (facility) session.setSelected(facility.key);
      else if (placing) edit({ type: 'add', category, lng, lat });
      else session.setSelected(null);
    },
    onContextMenu: (_at: PointerLngLat, picked: PickingInfo | null) => {
      const facility = pickedFacility(picked);
      if (facility) edit({ type: 'remove', key: facility.key });
      if (facility?.key === session.selected) session.setSelected(null);
    },
    onDragMove: (object: unknown, [lng, lat]: PointerLngLat) =>
      setDragging({ key: (object as DraftFacility).key, lng, lat }),
    onDragEnd: (object: unknown, at: PointerLngLat | null) => {
      setDragging(null);
      if (at) edit({ type: 'move', key: (object as DraftFacility).key, lng: at[0], lat: at[1] });
    },
  };
}

/** Props of {@link PlanningStage}. */
export interface PlanningStageProps {
  session: PlanningSession;
  data: PlanningData;
  mapRef: RefObject<MapLibreMap | null>;
}

/** The progress line while anything is computed, and the map data's errors with a retry. */
function StageStatus({ data }: { data: PlanningData }) {
  const { t } = useLang();
  const errors = [data.coverage, data.buildings, data.evaluation].filter((q) => q.isError);
  return (
    <>
      {data.busy && (
        <div className="planning-stage__progress" role="status" data-busy="true">
          <span className="planning-stage__bar" />
          {t(PLANNING_TEXT.computing)}
        </div>
      )}
      <div className="planning-stage__errors">
        {errors.map((q, i) => (
          <ApiError key={i} error={q.error} onRetry={() => void q.refetch()} />
        ))}
      </div>
    </>
  );
}

/** The selected facility's card, with removal from the scenario. */
function SelectedFacility({ session, data }: Omit<PlanningStageProps, 'mapRef'>) {
  const facility = data.selectedFacility;
  if (!facility) return null;
  const remove = () => {
    session.edit({ type: 'remove', key: facility.key });
    session.setSelected(null);
  };
  return (
    <FacilityCard facility={facility} onClose={() => session.setSelected(null)} onRemove={remove}>
      {data.isochrones.isError && <ApiError error={data.isochrones.error} />}
    </FacilityCard>
  );
}

/**
 * The map with the planner's layers, its legend, the selected facility's card, a progress bar
 * while anything is computed and the map data's errors.
 */
export function PlanningStage({ session, data, mapRef }: PlanningStageProps) {
  const [zoom, setZoom] = useState(12);
  const [dragging, setDragging] = useState<Dragging>(null);
  const layers = usePlanningLayers(data, session, zoom, dragging);
  const pointer = usePointerHandlers(session, setDragging);
  const demands = { coverage: undefined, after: undefined, demands: data.demands.data };
  const { maxDemands } = gridValues('demands', demands);
  return (
    <div className={`planning-stage${session.placing ? ' planning-stage--placing' : ''}`}>
      <PlanningMap
        overlays={layers}
        focus={session.focus}
        onZoom={setZoom}
        mapRef={mapRef}
        {...pointer}
      />
      <StageStatus data={data} />
      <SelectedFacility session={session} data={data} />
      <PlanningLegend
        layers={session.layers}
        onLayers={session.setLayers}
        colouring={session.colouring}
        onColouring={session.setColouring}
        maxDemands={maxDemands}
      />
    </div>
  );
}
