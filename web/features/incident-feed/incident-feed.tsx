import { useMemo } from 'react';
import { CATEGORY_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../../domain/labels';
import type { IncidentPoint } from '../../domain/wall-data';
import { useLang } from '../../ui/lang';
import { FeedCountdown } from './feed-countdown';
import './incident-feed.css';

/** Rows the feed renders at most; the newest of the filtered incidents. */
export const FEED_LIMIT = 60;

/** Props of {@link IncidentFeed}. */
export interface IncidentFeedProps {
  /** The incidents passing the wall filter, in any order. */
  incidents: readonly IncidentPoint[];
  /** Epoch milliseconds the countdowns count from. */
  now: number;
  /** Grid code → grid name, for the row's tooltip. */
  gridNames?: ReadonlyMap<string, string>;
  /** Street or community code → name. */
  places: ReadonlyMap<string, string>;
  /** Codes that just arrived on the stream; their rows flash once. */
  fresh: ReadonlySet<string>;
  selectedCode: string | null;
  onSelect: (code: string) => void;
}

const byNewest = (a: IncidentPoint, b: IncidentPoint) =>
  b.reportedAt - a.reportedAt || (a.code < b.code ? 1 : a.code > b.code ? -1 : 0);

/** The newest {@link FEED_LIMIT} incidents, newest first (ties by code, for a steady order). */
function newestIncidents(incidents: readonly IncidentPoint[]): IncidentPoint[] {
  return [...incidents].sort(byNewest).slice(0, FEED_LIMIT);
}

interface RowProps {
  incident: IncidentPoint;
  now: number;
  place: string;
  gridName: string | undefined;
  fresh: boolean;
  selected: boolean;
  onSelect: (code: string) => void;
}

function FeedRow({ incident, now, place, gridName, fresh, selected, onSelect }: RowProps) {
  const { t } = useLang();
  const classes = [
    'incident-feed__row',
    `incident-feed__row--${incident.severity}`,
    fresh && 'incident-feed__row--fresh',
    selected && 'incident-feed__row--selected',
  ];
  return (
    <li className="incident-feed__item">
      <button
        type="button"
        className={classes.filter(Boolean).join(' ')}
        data-incident-code={incident.code}
        aria-pressed={selected}
        title={gridName ? `${incident.gridCode} ${gridName}` : incident.gridCode}
        onClick={() => onSelect(incident.code)}
      >
        <span
          className="incident-feed__bar"
          role="img"
          aria-label={t(SEVERITY_LABELS[incident.severity])}
        />
        <span className="incident-feed__headline">
          <span className="incident-feed__category">{t(CATEGORY_LABELS[incident.category])}</span>
          <span className="incident-feed__code">{incident.code}</span>
        </span>
        <FeedCountdown incident={incident} now={now} />
        <span className="incident-feed__where">
          <span className="incident-feed__place">{place}</span>
          <span className="incident-feed__grid">{incident.gridCode}</span>
        </span>
        <span className="incident-feed__status">{t(STATUS_LABELS[incident.status])}</span>
      </button>
    </li>
  );
}

/**
 * The right column's live list: the newest incidents of the filter (at most {@link FEED_LIMIT}),
 * each a button selecting it, with severity, category, place, grid, status and its SLA
 * countdown. The header counts everything in the filter, not only the rows shown.
 */
export function IncidentFeed(props: IncidentFeedProps) {
  const { incidents, now, gridNames, places, fresh, selectedCode, onSelect } = props;
  const { t } = useLang();
  const rows = useMemo(() => newestIncidents(incidents), [incidents]);
  const placeOf = (i: IncidentPoint) =>
    places.get(i.communityCode) ?? places.get(i.streetCode) ?? i.streetCode;
  return (
    <section className="incident-feed" aria-label="事件动态 Incident feed">
      <header className="incident-feed__header">
        <h2 className="incident-feed__title">{t({ zh: '事件动态', en: 'Incident feed' })}</h2>
        <span className="incident-feed__count" data-count={incidents.length}>
          {incidents.length}
        </span>
      </header>
      {rows.length === 0 ? (
        <p className="incident-feed__empty">{t({ zh: '暂无事件', en: 'No incidents' })}</p>
      ) : (
        <ol className="incident-feed__list">
          {rows.map((incident) => (
            <FeedRow
              key={incident.code}
              incident={incident}
              now={now}
              place={placeOf(incident)}
              gridName={gridNames?.get(incident.gridCode)}
              fresh={fresh.has(incident.code)}
              selected={incident.code === selectedCode}
              onSelect={onSelect}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
