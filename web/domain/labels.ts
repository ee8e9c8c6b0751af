import type {
  CameraKind,
  CameraStatus,
  IncidentCategory,
  IncidentStatus,
  MemberRole,
  Severity,
} from '../../api/contract/codes';
import { INCIDENT_CATEGORY_LABELS } from '../../api/contract/labels';
import type { LabelPair } from './label-pair';

/** Incident categories, as residents and Open311 clients see them: the contract's one table. */
export const CATEGORY_LABELS: Readonly<Record<IncidentCategory, LabelPair>> =
  INCIDENT_CATEGORY_LABELS;

/** Incident statuses along the workflow. */
export const STATUS_LABELS: Record<IncidentStatus, LabelPair> = {
  reported: { zh: '待受理', en: 'Reported' },
  accepted: { zh: '已受理', en: 'Accepted' },
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  in_progress: { zh: '处置中', en: 'In progress' },
  resolved: { zh: '待核查', en: 'Resolved' },
  verified: { zh: '待结案', en: 'Verified' },
  closed: { zh: '已办结', en: 'Closed' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  merged: { zh: '已合并', en: 'Merged' },
};

export const SEVERITY_LABELS: Record<Severity, LabelPair> = {
  low: { zh: '一般', en: 'Low' },
  medium: { zh: '较重', en: 'Medium' },
  high: { zh: '严重', en: 'High' },
  critical: { zh: '特别严重', en: 'Critical' },
};

export const CAMERA_KIND_LABELS: Record<CameraKind, LabelPair> = {
  skynet: { zh: '天网', en: 'Skynet' },
  e_police: { zh: '电子警察', en: 'Traffic enforcement' },
  checkpoint: { zh: '治安卡口', en: 'Checkpoint' },
  parking: { zh: '停车', en: 'Parking' },
  high_point: { zh: '高点', en: 'High point' },
  community: { zh: '社区', en: 'Community' },
};

export const CAMERA_STATUS_LABELS: Record<CameraStatus, LabelPair> = {
  online: { zh: '在线', en: 'Online' },
  offline: { zh: '离线', en: 'Offline' },
  fault: { zh: '故障', en: 'Fault' },
};

export const MEMBER_ROLE_LABELS: Record<MemberRole, LabelPair> = {
  leader: { zh: '网格长', en: 'Grid leader' },
  full_time: { zh: '专职网格员', en: 'Full-time member' },
  part_time: { zh: '兼职网格员', en: 'Part-time member' },
  professional: { zh: '专业网格员', en: 'Professional member' },
  helper: { zh: '网格协管员', en: 'Helper' },
};

/** Life-circle categories: one table in the contract, shared with the API. */
export { SERVICE_CATEGORY_LABELS } from '../../api/contract/life-circle';
