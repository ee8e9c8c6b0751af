import type { Overview } from '../../../api/contract/stats';
import type { KeyFigureValues } from '../../domain/key-figures';
import type { CameraPoint, GridArea, Member, ServicePoint } from '../../domain/wall-data';

/**
 * The left column's figures: layer counts from the layers in the chosen area, incident
 * figures from the server's overview for that area (so they equal `/api/v1/stats/overview`),
 * the life circle's coverage from the analysis API's completeness for that area. On duty reads
 * "on duty / all members", every member counted, whether or not they ever reported a position.
 */
export function keyFigureValues(
  layers: {
    grids: GridArea[];
    cameras: CameraPoint[];
    servicePoints: ServicePoint[];
    members: readonly Member[];
  },
  layersLoaded: boolean,
  overview: Overview | undefined,
  lifeCircle?: number,
): KeyFigureValues {
  const count = <T>(items: readonly T[], keep: (item: T) => boolean = () => true) =>
    layersLoaded ? items.filter(keep).length : undefined;
  return {
    grids: count(layers.grids),
    membersOnDuty: count(layers.members, (m) => m.onDuty),
    membersTotal: count(layers.members),
    camerasOnline: count(layers.cameras, (c) => c.status === 'online'),
    camerasTotal: count(layers.cameras),
    servicePoints: count(layers.servicePoints),
    open: overview?.open,
    overdue: overview?.openOverdue,
    todayReported: overview?.today.reported,
    todayClosed: overview?.today.closed,
    slaCompliance: overview ? overview.sla.compliance : undefined,
    lifeCircle,
  };
}
