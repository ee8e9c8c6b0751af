import type { Completeness, Coverage } from '../../../api/contract/analysis';
import type { ServiceCategory } from '../../../api/contract/codes';
import type { BuildingAccess } from '../../server-state/analysis';
import { completenessCsv, gridTableCsv, type GridTableRow } from '../../domain/planning-tables';
import { useLang } from '../../ui/lang';
import { downloadText } from './download';
import { PLANNING_TEXT } from './planning-text';

/** Props of {@link PlanningToolbar}. */
export interface PlanningToolbarProps {
  category: ServiceCategory;
  distance: number;
  gridRows: readonly GridTableRow[];
  completeness: Completeness | undefined;
  coverage: Coverage | undefined;
  buildings: readonly BuildingAccess[] | undefined;
  onPrint: () => void;
}

/** The three downloads, each built from what is on screen now. */
function exportsOf(props: PlanningToolbarProps, lang: 'zh' | 'en') {
  const { category, distance, completeness, buildings } = props;
  const stem = `yiping-${category}-${distance}m`;
  const csv = 'text/csv;charset=utf-8';
  return {
    grids: () => downloadText(`${stem}-grids.csv`, gridTableCsv(props.gridRows, lang), csv),
    communities: () =>
      completeness &&
      downloadText(
        `yiping-completeness-${completeness.circle}.csv`,
        completenessCsv(completeness.rows, completeness.basicCategories, lang),
        csv,
      ),
    buildings: () =>
      buildings &&
      downloadText(
        `${stem}-buildings.geojson`,
        JSON.stringify({ type: 'FeatureCollection', features: buildings }),
        'application/geo+json',
      ),
  };
}

/**
 * Exports (CSV with a BOM for Excel: grids and communities; GeoJSON: the buildings with their
 * walking distances) and printing.
 */
export function PlanningToolbar(props: PlanningToolbarProps) {
  const { t, lang } = useLang();
  const run = exportsOf(props, lang);
  return (
    <div className="planning-toolbar" role="toolbar" aria-label={t(PLANNING_TEXT.export)}>
      <span className="planning__label">{t(PLANNING_TEXT.export)}</span>
      <button type="button" data-export="grids" disabled={!props.coverage} onClick={run.grids}>
        {t(PLANNING_TEXT.exportGrids)}
      </button>
      <button
        type="button"
        data-export="communities"
        disabled={!props.completeness}
        onClick={run.communities}
      >
        {t(PLANNING_TEXT.exportCommunities)}
      </button>
      <button
        type="button"
        data-export="buildings"
        disabled={!props.buildings}
        onClick={run.buildings}
      >
        {t(PLANNING_TEXT.exportBuildings)}
      </button>
      <button
        type="button"
        data-control="print"
        className="planning__primary"
        onClick={props.onPrint}
      >
        {t(PLANNING_TEXT.print)}
      </button>
    </div>
  );
}
