import type { CameraStatus, IncidentStatus, Severity } from '../../api/contract/codes';
import { isFinishedStatus } from '../../api/contract/statuses';
import {
  SERVICE_GROUP_OF,
  SERVICE_GROUPS,
  type ServiceGroup,
} from '../../api/contract/service-groups';
import type { LabelPair } from './label-pair';

/** The server style's groups (twenty categories are too many colours to read), in legend order. */
export { SERVICE_GROUP_OF, SERVICE_GROUPS, type ServiceGroup };

/** A colour as deck.gl takes it: `[r, g, b, a]`, each 0–255. */
export type Rgba = [number, number, number, number];

/**
 * Severity of open incidents: teal for low, amber, orange-red, magenta-red for critical, so
 * the eye goes to the warm end first. None is the overlay's reserved cyan (MAP_COLORS).
 */
export const SEVERITY_COLOURS: Record<Severity, Rgba> = {
  low: [45, 212, 191, 230],
  medium: [245, 178, 60, 235],
  high: [249, 92, 52, 245],
  critical: [236, 38, 110, 255],
};

/** Closed, rejected and merged incidents: history, drawn grey, small and faint. */
export const FINISHED_INCIDENT_COLOUR: Rgba = [110, 124, 145, 120];

/** True for incidents drawn dimmed: nothing more happens to them. */
export function isDimmedStatus(status: IncidentStatus): boolean {
  return isFinishedStatus(status);
}

/** The colour of an incident point: its severity while open, grey once finished. */
export function incidentColour(incident: { severity: Severity; status: IncidentStatus }): Rgba {
  return isDimmedStatus(incident.status)
    ? FINISHED_INCIDENT_COLOUR
    : SEVERITY_COLOURS[incident.severity];
}

/** Incident density (hexagons at low zoom), sparse to dense: dark navy, amber, red. */
export const INCIDENT_DENSITY_RANGE: [number, number, number][] = [
  [30, 52, 96],
  [64, 86, 130],
  [150, 126, 80],
  [231, 179, 65],
  [244, 114, 56],
  [239, 50, 60],
];

/** Camera status: online green, offline grey, fault red. */
export const CAMERA_STATUS_COLOURS: Record<CameraStatus, Rgba> = {
  online: [74, 222, 128, 255],
  offline: [120, 134, 156, 220],
  fault: [244, 63, 63, 255],
};

/** Grid members: on duty a bright cyan ringed white, off duty grey. */
export const MEMBER_COLOURS = {
  onDuty: [56, 214, 250, 255] as Rgba,
  offDuty: [120, 134, 156, 200] as Rgba,
  outline: [255, 255, 255, 235] as Rgba,
  /** The newest end of a movement trail; older points fade out. */
  trail: [56, 214, 250, 210] as Rgba,
};

/** Names of the service groups, for the legend. */
export const SERVICE_GROUP_LABELS: Record<ServiceGroup, LabelPair> = {
  governance: { zh: '党群服务', en: 'Community' },
  health: { zh: '医疗卫生', en: 'Health' },
  elderly: { zh: '养老助餐', en: 'Elderly care' },
  education: { zh: '托育教育', en: 'Education' },
  commerce: { zh: '商业便民', en: 'Shops' },
  safety: { zh: '安全应急', en: 'Safety' },
  culture: { zh: '文体活动', en: 'Culture & sport' },
};

/** Service group colours, matching the server's dark style. */
export const SERVICE_GROUP_COLOURS: Record<ServiceGroup, Rgba> = {
  governance: [244, 63, 94, 255],
  health: [52, 211, 153, 255],
  elderly: [244, 114, 182, 255],
  education: [251, 191, 36, 255],
  commerce: [167, 139, 250, 255],
  safety: [251, 146, 60, 255],
  culture: [96, 165, 250, 255],
};

/** A CSS colour for an RGBA tuple, for legends drawn in HTML. */
export function rgbaCss([r, g, b, a]: Rgba): string {
  return `rgb(${r} ${g} ${b} / ${(a / 255).toFixed(3)})`;
}
