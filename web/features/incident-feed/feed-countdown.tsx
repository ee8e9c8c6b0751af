import { formatCountdown, slaCountdown } from '../../domain/sla-countdown';
import type { IncidentPoint } from '../../domain/wall-data';
import type { LabelPair } from '../../domain/label-pair';
import { useLang } from '../../ui/lang';

const CLOCK_LABELS: Record<'accept' | 'resolve', LabelPair> = {
  accept: { zh: '受理', en: 'Accept' },
  resolve: { zh: '办结', en: 'Resolve' },
};

const OVERDUE: LabelPair = { zh: '已超时', en: 'Overdue' };

/**
 * A feed row's SLA countdown: which deadline and the time left (or overdue by, with `-`),
 * coloured by urgency; a missed deadline on a stopped clock reads "overdue", a finished case
 * a dash.
 */
export function FeedCountdown({ incident, now }: { incident: IncidentPoint; now: number }) {
  const { t } = useLang();
  const { clock, msLeft, urgency } = slaCountdown(incident, now);
  let text = '—';
  if (msLeft !== null) text = formatCountdown(msLeft);
  else if (urgency === 'overdue') text = t(OVERDUE);
  return (
    <span
      className={`incident-feed__countdown incident-feed__countdown--${urgency}`}
      data-urgency={urgency}
    >
      {clock && <span className="incident-feed__clock">{t(CLOCK_LABELS[clock])}</span>}
      <span className="incident-feed__left">{text}</span>
    </span>
  );
}
