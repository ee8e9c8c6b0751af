import type { IncidentEventType } from '../../api/contract/codes';
import type { LabelPair } from './label-pair';

/** Names of the incident event log's entry types, as the timeline shows them. */
export const EVENT_TYPE_LABELS: Record<IncidentEventType, LabelPair> = {
  report: { zh: '上报', en: 'Reported' },
  accept: { zh: '受理', en: 'Accepted' },
  dispatch: { zh: '派遣', en: 'Dispatched' },
  start: { zh: '开始处置', en: 'Handling started' },
  resolve: { zh: '处置完成', en: 'Resolved' },
  verify: { zh: '核查通过', en: 'Verified' },
  close: { zh: '结案', en: 'Closed' },
  reject: { zh: '不予受理', en: 'Rejected' },
  merge: { zh: '合并', en: 'Merged' },
  escalate: { zh: '上报升级', en: 'Escalated' },
  reopen: { zh: '重新办理', en: 'Reopened' },
  rate: { zh: '评价', en: 'Rated' },
  absorb: { zh: '并入事件', en: 'Absorbed a duplicate' },
  accept_overdue: { zh: '受理超时', en: 'Accept deadline missed' },
  on_site_overdue: { zh: '到场超时', en: 'On-site deadline missed' },
  resolve_overdue: { zh: '办结超时', en: 'Resolve deadline missed' },
  alarm_repeat: { zh: '告警重复', en: 'Alarm repeated' },
  position: { zh: '位置更新', en: 'Position update' },
  duty: { zh: '在岗变更', en: 'Duty change' },
  camera_status: { zh: '摄像头状态', en: 'Camera status' },
};

/**
 * The label of an event type as the API sends it (a free string on the wire); a type this
 * client does not know yet shows as itself rather than disappearing.
 */
export function eventTypeLabel(type: string): LabelPair {
  return Object.hasOwn(EVENT_TYPE_LABELS, type)
    ? EVENT_TYPE_LABELS[type as IncidentEventType]
    : { zh: type, en: type };
}
