import { chinaClockTime, chinaDate } from '../../../api/contract/china-time';
import type { IncidentStatus } from '../../../api/contract/codes';
import type { TimelineEvent } from '../../../api/contract/incident-records';
import { eventTypeLabel } from '../../domain/event-labels';
import type { LabelPair } from '../../domain/label-pair';
import { STATUS_LABELS } from '../../domain/labels';
import { useLang } from '../../ui/lang';

/**
 * A moment as the drawer writes it, `03/01 14:05`, in China time (UTC+8) whatever the wall
 * computer's own time zone.
 */
export function formatEventTime(epochMs: number): string {
  const [, month, day] = chinaDate(epochMs).split('-');
  return `${month}/${day} ${chinaClockTime(epochMs).slice(0, 5)}`;
}

/** The timeline newest first; events of the same instant by their log sequence, newest first. */
export function sortTimeline(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.seq - a.seq);
}

/** A status code as its label; a code this client does not know shows as itself. */
function statusLabel(status: string): LabelPair {
  return Object.hasOwn(STATUS_LABELS, status)
    ? STATUS_LABELS[status as IncidentStatus]
    : { zh: status, en: status };
}

function StatusChange({ from, to }: { from: string | null; to: string | null }) {
  const { t } = useLang();
  if (to === null) return null;
  return (
    <span className="incident-timeline__change">
      {from !== null && `${t(statusLabel(from))} → `}
      {t(statusLabel(to))}
    </span>
  );
}

/**
 * The incident's event log, newest first: when, what (zh/en), who, the status change and the
 * note. Events of incidents merged into this one name their incident.
 */
export function Timeline({ code, events }: { code: string; events: readonly TimelineEvent[] }) {
  const { t } = useLang();
  return (
    <ol className="incident-timeline">
      {sortTimeline(events).map((event) => (
        <li key={`${event.incident}-${event.seq}`} className="incident-timeline__event">
          <time className="incident-timeline__time" dateTime={event.at}>
            {formatEventTime(Date.parse(event.at))}
          </time>
          <span className="incident-timeline__type">{t(eventTypeLabel(event.type))}</span>
          <span className="incident-timeline__actor">{event.actor}</span>
          <StatusChange from={event.fromStatus} to={event.toStatus} />
          {event.incident !== code && (
            <span className="incident-timeline__origin">{event.incident}</span>
          )}
          {event.note && <p className="incident-timeline__note">{event.note}</p>}
        </li>
      ))}
    </ol>
  );
}
