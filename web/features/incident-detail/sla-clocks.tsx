import type { IncidentStatus } from '../../../api/contract/codes';
import type { IncidentDetail } from '../../../api/contract/incident-records';
import type { SlaClock } from '../../../api/contract/incidents';
import { DROPPED_STATUSES } from '../../../api/contract/statuses';
import type { LabelPair } from '../../domain/label-pair';
import { SOON_FRACTION, SOON_MS } from '../../domain/sla-countdown';
import { useLang } from '../../ui/lang';
import { formatEventTime } from './timeline';

/**
 * How one clock stands: running in time, running close to its deadline, running past it; or
 * stopped having met it, having missed it, or because the case was rejected or merged.
 */
export type ClockState = 'ok' | 'soon' | 'overdue' | 'met' | 'missed' | 'stopped';

/** One SLA clock as the drawer shows it. */
export interface SlaClockView {
  clock: SlaClock;
  /** Epoch milliseconds. */
  deadline: number;
  /** Milliseconds to the deadline (negative once past) while the clock runs; null once stopped. */
  msLeft: number | null;
  state: ClockState;
}

/** The fields the clocks are read from. */
export type SlaSubject = Pick<
  IncidentDetail,
  | 'status'
  | 'startedAt'
  | 'reportedAt'
  | 'acceptDeadline'
  | 'onSiteDeadline'
  | 'resolveDeadline'
  | 'overdueClocks'
>;

/** Statuses in which each clock ticks, as on the server (api/domain/incidents/sla.ts). */
const RUNNING: Record<SlaClock, readonly IncidentStatus[]> = {
  accept: ['reported'],
  on_site: ['reported', 'accepted', 'dispatched'],
  resolve: ['reported', 'accepted', 'dispatched', 'in_progress'],
};

function isRunning(incident: SlaSubject, clock: SlaClock): boolean {
  if (clock === 'on_site' && incident.startedAt !== null) return false;
  return RUNNING[clock].includes(incident.status);
}

function clockView(incident: SlaSubject, clock: SlaClock, deadlineIso: string, now: number) {
  const deadline = Date.parse(deadlineIso);
  const missed = incident.overdueClocks.includes(clock);
  if (!isRunning(incident, clock)) {
    const abandoned = (DROPPED_STATUSES as readonly IncidentStatus[]).includes(incident.status);
    const state: ClockState = missed ? 'missed' : abandoned ? 'stopped' : 'met';
    return { clock, deadline, msLeft: null, state };
  }
  const msLeft = deadline - now;
  const span = deadline - Date.parse(incident.reportedAt);
  const state: ClockState =
    missed || msLeft < 0
      ? 'overdue'
      : msLeft < span * SOON_FRACTION || msLeft < SOON_MS
        ? 'soon'
        : 'ok';
  return { clock, deadline, msLeft, state };
}

/**
 * The incident's clocks at `now`: accept, on site (urgent calls only) and resolve. A running
 * clock is `overdue` past its deadline or once the server recorded the miss (`overdueClocks`),
 * and `soon` within the same margin the wall's countdowns use.
 */
export function slaClockViews(incident: SlaSubject, now: number): SlaClockView[] {
  const clocks: SlaClockView[] = [clockView(incident, 'accept', incident.acceptDeadline, now)];
  if (incident.onSiteDeadline !== null) {
    clocks.push(clockView(incident, 'on_site', incident.onSiteDeadline, now));
  }
  clocks.push(clockView(incident, 'resolve', incident.resolveDeadline, now));
  return clocks;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const pad2 = (n: number) => String(n).padStart(2, '0');

const SPAN_UNITS = [
  { size: DAY_MS, part: HOUR_MS, zh: ['天', '小时'], en: ['d', 'h'] },
  { size: HOUR_MS, part: MINUTE_MS, zh: ['小时', '分'], en: ['h', 'm'] },
  { size: MINUTE_MS, part: 1_000, zh: ['分', '秒'], en: ['m', 's'] },
] as const;

/** A span of time in its two largest units: `2天03小时` / `2d 03h`, `12分05秒` / `12m 05s`. */
export function formatSpan(ms: number): LabelPair {
  const abs = Math.abs(ms);
  const unit = SPAN_UNITS.find((u) => abs >= u.size) ?? SPAN_UNITS[2];
  const big = Math.floor(abs / unit.size);
  const small = pad2(Math.floor((abs % unit.size) / unit.part));
  return {
    zh: `${big}${unit.zh[0]}${small}${unit.zh[1]}`,
    en: `${big}${unit.en[0]} ${small}${unit.en[1]}`,
  };
}

const CLOCK_LABELS: Record<SlaClock, LabelPair> = {
  accept: { zh: '受理时限', en: 'Accept by' },
  on_site: { zh: '到场时限', en: 'On site by' },
  resolve: { zh: '办结时限', en: 'Resolve by' },
};

const STOPPED_LABELS: Record<'met' | 'missed' | 'stopped', LabelPair> = {
  met: { zh: '按时完成', en: 'Met' },
  missed: { zh: '已超时', en: 'Missed' },
  stopped: { zh: '已停止', en: 'Stopped' },
};

/** The "time left" / "overdue by" / outcome text of a clock. */
export function clockStatusLabel(view: SlaClockView): LabelPair {
  if (view.state === 'met' || view.state === 'missed' || view.state === 'stopped') {
    return STOPPED_LABELS[view.state];
  }
  const span = formatSpan(view.msLeft ?? 0);
  return (view.msLeft ?? 0) < 0
    ? { zh: `超时 ${span.zh}`, en: `overdue by ${span.en}` }
    : { zh: `剩余 ${span.zh}`, en: `${span.en} left` };
}

/** The incident's SLA clocks with their deadlines and time left or overdue-by, coloured. */
export function SlaClocks({ incident, now }: { incident: SlaSubject; now: number }) {
  const { t } = useLang();
  return (
    <ul className="sla-clocks">
      {slaClockViews(incident, now).map((view) => (
        <li
          key={view.clock}
          className={`sla-clocks__clock sla-clocks__clock--${view.state}`}
          data-sla-clock={view.clock}
          data-sla-state={view.state}
        >
          <span className="sla-clocks__name">{t(CLOCK_LABELS[view.clock])}</span>
          <span className="sla-clocks__deadline">{formatEventTime(view.deadline)}</span>
          <span className="sla-clocks__left">{t(clockStatusLabel(view))}</span>
        </li>
      ))}
    </ul>
  );
}
