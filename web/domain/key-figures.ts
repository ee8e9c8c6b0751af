import type { Overview } from '../../api/contract/stats';
import type { LabelPair } from './label-pair';

/**
 * The left column's headline numbers. Each is undefined while its source is still loading;
 * `slaCompliance` (0–1) is null when nothing was closed in the SLA window.
 */
export interface KeyFigureValues {
  grids?: number;
  membersOnDuty?: number;
  membersTotal?: number;
  camerasOnline?: number;
  camerasTotal?: number;
  servicePoints?: number;
  open?: number;
  overdue?: number;
  todayReported?: number;
  todayClosed?: number;
  slaCompliance?: number | null;
  /** 15 分钟生活圈覆盖率 (0–1): residents reaching every basic category of their circle. */
  lifeCircle?: number;
}

/** The key figures that come from `GET /api/v1/stats/overview`. */
export type OverviewFigures = Pick<
  KeyFigureValues,
  'open' | 'overdue' | 'todayReported' | 'todayClosed' | 'slaCompliance'
>;

/** The incident figures of an overview; all undefined while it loads. */
export function overviewFigures(overview: Overview | undefined): OverviewFigures {
  if (!overview) return {};
  return {
    open: overview.open,
    overdue: overview.openOverdue,
    todayReported: overview.today.reported,
    todayClosed: overview.today.closed,
    slaCompliance: overview.sla.compliance,
  };
}

/** The tiles of the key-figure column, each one label. */
export type KeyFigureTile =
  | 'grids'
  | 'servicePoints'
  | 'members'
  | 'cameras'
  | 'open'
  | 'overdue'
  | 'todayReported'
  | 'todayClosed'
  | 'slaCompliance'
  | 'lifeCircle';

export const KEY_FIGURE_LABELS: Record<KeyFigureTile, LabelPair> = {
  grids: { zh: '网格', en: 'Grids' },
  servicePoints: { zh: '服务点位', en: 'Service points' },
  members: { zh: '在岗网格员', en: 'Members on duty' },
  cameras: { zh: '在线视频', en: 'Cameras online' },
  open: { zh: '未办结', en: 'Open' },
  overdue: { zh: '超时未办结', en: 'Overdue' },
  todayReported: { zh: '今日新增', en: 'Reported today' },
  todayClosed: { zh: '今日办结', en: 'Closed today' },
  slaCompliance: { zh: '按时办结率', en: 'Closed on time' },
  lifeCircle: { zh: '15 分钟生活圈覆盖率', en: '15-minute life circle' },
};

/** A share (0–1) as a percent with one decimal (`97.3%`); `—` while unknown. */
export function formatPercent(share: number | null | undefined): string {
  return typeof share === 'number' ? `${(share * 100).toFixed(1)}%` : '—';
}
