import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Me } from '../../server-state/auth';
import { SERVICE_CATEGORY_LABELS } from '../../domain/labels';
import { gridTableRows } from '../../domain/planning-tables';
import { useLang } from '../../ui/lang';
import { PlanningHeader } from './planning-header';
import { PlanningSidebar } from './planning-sidebar';
import { PlanningStage } from './planning-stage';
import { PLANNING_TEXT } from './planning-text';
import { PlanningTables } from './planning-tables';
import { PlanningToolbar } from './planning-toolbar';
import { PrintHeader } from './print-header';
import { usePlanningData } from './use-planning-data';
import { usePlanningSession } from './use-planning-session';
import { usePrint } from './use-print';
import './planning.css';
import './planning-panels.css';
import './planning-stage.css';

/** Esc puts the add tool away. */
function useEscapeEndsPlacing(placing: boolean, stop: () => void): void {
  useEffect(() => {
    if (!placing) return undefined;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && stop();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [placing, stop]);
}

/** The view's state, data and derived rows, gathered so the view only lays them out. */
function usePlanningView(me: Me) {
  const { t } = useLang();
  const session = usePlanningSession();
  const label = t(SERVICE_CATEGORY_LABELS[session.category]);
  const nameOf = useCallback(
    (index: number) => `${t(PLANNING_TEXT.opAdd)}${label} ${index + 1}`,
    [t, label],
  );
  const data = usePlanningData(session, nameOf);
  const { setPlacing } = session;
  useEscapeEndsPlacing(
    session.placing,
    useCallback(() => setPlacing(false), [setPlacing]),
  );
  const gridRows = useMemo(
    () => gridTableRows(data.coverage.data?.byGrid ?? [], data.demands.data),
    [data.coverage.data, data.demands.data],
  );
  const pointsByCode = useMemo(
    () => new Map((data.points.data ?? []).map((p) => [p.code, p])),
    [data.points.data],
  );
  const district = data.names.get(me.scopes[0] ?? '') ?? '';
  const areaName = session.area
    ? (data.names.get(session.area) ?? session.area)
    : t(PLANNING_TEXT.wholeScope);
  return { session, data, gridRows, pointsByCode, district, areaName };
}

/**
 * 十五分钟生活圈规划: the planner's view on an office screen. Choose a category and distance,
 * see who is within walking reach (map, figures, tables), design a scenario of added, moved
 * and removed facilities and see its effect before anything real changes, save, export, print.
 */
export function PlanningView({ me }: { me: Me }) {
  const { session, data, gridRows, pointsByCode, district, areaName } = usePlanningView(me);
  const mapRef = useRef<MapLibreMap | null>(null);
  const { snapshot, print } = usePrint(mapRef);
  const { category, distance } = session;
  const ready = data.coverage.isSuccess && data.buildings.isSuccess;
  return (
    <div className="planning" data-planning-ready={ready}>
      <PlanningHeader
        me={me}
        districtName={district}
        streets={data.streets}
        area={session.area}
        onArea={session.setArea}
      >
        <PlanningToolbar
          {...{ category, distance, gridRows }}
          completeness={data.completeness.data}
          coverage={data.coverage.data}
          buildings={data.buildings.data}
          onPrint={print}
        />
      </PlanningHeader>
      <PrintHeader {...{ snapshot, areaName, category, distance }} districtName={district} />
      <PlanningSidebar me={me} session={session} data={data} pointsByCode={pointsByCode} />
      <PlanningStage session={session} data={data} mapRef={mapRef} />
      <PlanningTables session={session} data={data} gridRows={gridRows} />
    </div>
  );
}
