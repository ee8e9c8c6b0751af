import type { StreamEvent } from '../../api/contract/stream';
import {
  INCIDENT_CATEGORIES,
  SEVERITIES,
  type IncidentCategory,
  type Severity,
} from '../../api/contract/codes';
import type { LabelPair } from './label-pair';

/** Why an alert pops up on the wall. */
export type WallAlertKind = 'new_urgent' | 'overdue' | 'escalated' | 'alarm';

/** One alert card of the banner. */
export interface WallAlert {
  /** Unique per alert (the stream sequence number). */
  id: string;
  /** The incident's code. */
  code: string;
  kind: WallAlertKind;
  severity: Severity;
  category: IncidentCategory;
  /** Community or street name, for the card. */
  place: string;
  /** Epoch milliseconds of the event. */
  at: number;
}

export const ALERT_KIND_LABELS: Record<WallAlertKind, LabelPair> = {
  new_urgent: { zh: '紧急事件', en: 'Urgent report' },
  overdue: { zh: '超时未处置', en: 'Deadline missed' },
  escalated: { zh: '自动升级', en: 'Escalated' },
  alarm: { zh: '重复告警', en: 'Repeated alarm' },
};

const OVERDUE_TYPES = new Set(['accept_overdue', 'on_site_overdue', 'resolve_overdue']);
/** Severities whose new reports raise an alert and send the kiosk to them. */
export const URGENT_SEVERITIES: readonly Severity[] = ['high', 'critical'];

const isSeverity = (value: unknown): value is Severity =>
  (SEVERITIES as readonly unknown[]).includes(value);
const isCategory = (value: unknown): value is IncidentCategory =>
  (INCIDENT_CATEGORIES as readonly unknown[]).includes(value);

function kindOf(event: StreamEvent, severity: Severity): WallAlertKind | null {
  if (event.type === 'report') {
    return event.alert || URGENT_SEVERITIES.includes(severity) ? 'new_urgent' : null;
  }
  if (!event.alert) return null;
  if (OVERDUE_TYPES.has(event.type)) return 'overdue';
  if (event.type === 'escalate') return 'escalated';
  return event.type === 'alarm_repeat' ? 'alarm' : null;
}

/**
 * The banner alert a stream event raises, or null when it raises none: a report that the server
 * flags or that is high or critical, a missed deadline, an automatic (flagged) escalation, a
 * repeated IoT alarm. Severity and category come from the event's payload (the incident's
 * state after the event); an event without them raises nothing.
 */
export function alertFromEvent(event: StreamEvent, place: string): WallAlert | null {
  if (event.topic !== 'incidents') return null;
  const { severity, category } = event.payload;
  if (!isSeverity(severity) || !isCategory(category)) return null;
  const kind = kindOf(event, severity);
  if (kind === null) return null;
  const at = Date.parse(event.at);
  return { id: String(event.seq), code: event.subject, kind, severity, category, place, at };
}

/** Red for missed deadlines and critical cases, amber for the rest. */
export function alertTone(alert: Pick<WallAlert, 'kind' | 'severity'>): 'red' | 'amber' {
  return alert.kind === 'overdue' || alert.severity === 'critical' ? 'red' : 'amber';
}
