import type { ReactNode } from 'react';
import { formatCount } from '../../domain/format';
import {
  formatPercent,
  KEY_FIGURE_LABELS,
  type KeyFigureTile,
  type KeyFigureValues,
} from '../../domain/key-figures';
import { useLang } from '../../ui/lang';
import './key-figures.css';

type NumberKey = Exclude<keyof KeyFigureValues, 'slaCompliance'>;

/** One number with its key and raw value for browser tests; `—` while it loads. */
function Figure({ name, value }: { name: NumberKey; value: number | undefined }) {
  return (
    <span className="key-figures__number" data-figure={name} data-value={value}>
      {value === undefined ? '—' : formatCount(value)}
    </span>
  );
}

/** One of two numbers shown as "part / whole". */
function FigurePair({
  values,
  part,
  whole,
}: {
  values: KeyFigureValues;
  part: NumberKey;
  whole: NumberKey;
}) {
  return (
    <>
      <Figure name={part} value={values[part]} />
      <span className="key-figures__of"> / </span>
      <span className="key-figures__whole">
        <Figure name={whole} value={values[whole]} />
      </span>
    </>
  );
}

interface TileProps {
  tile: KeyFigureTile;
  wide?: boolean;
  tone?: 'alarm';
  children: ReactNode;
}

function Tile({ tile, wide, tone, children }: TileProps) {
  const { lang } = useLang();
  const label = KEY_FIGURE_LABELS[tile];
  const modifiers = [wide && 'key-figures__tile--wide', tone && `key-figures__tile--${tone}`];
  return (
    <div className={['key-figures__tile', ...modifiers].filter(Boolean).join(' ')}>
      <dt className="key-figures__label">
        {label.zh}
        {lang === 'en' && <span className="key-figures__label-en">{label.en}</span>}
      </dt>
      <dd className="key-figures__value">{children}</dd>
    </div>
  );
}

/**
 * The left column's headline numbers: resources (grids, service points, members on duty,
 * cameras online) above the incident figures (open, overdue, today, on-time rate). Overdue
 * turns red when above zero. Every number carries `data-figure` and its raw `data-value`.
 */
export function KeyFigures({ figures }: { figures: KeyFigureValues }) {
  const sla = figures.slaCompliance;
  return (
    <dl className="key-figures" aria-label="关键指标 Key figures">
      <Tile tile="grids">
        <Figure name="grids" value={figures.grids} />
      </Tile>
      <Tile tile="servicePoints">
        <Figure name="servicePoints" value={figures.servicePoints} />
      </Tile>
      <Tile tile="members" wide>
        <FigurePair values={figures} part="membersOnDuty" whole="membersTotal" />
      </Tile>
      <Tile tile="cameras" wide>
        <FigurePair values={figures} part="camerasOnline" whole="camerasTotal" />
      </Tile>
      <Tile tile="open">
        <Figure name="open" value={figures.open} />
      </Tile>
      <Tile tile="overdue" tone={(figures.overdue ?? 0) > 0 ? 'alarm' : undefined}>
        <Figure name="overdue" value={figures.overdue} />
      </Tile>
      <Tile tile="todayReported">
        <Figure name="todayReported" value={figures.todayReported} />
      </Tile>
      <Tile tile="todayClosed">
        <Figure name="todayClosed" value={figures.todayClosed} />
      </Tile>
      <Tile tile="slaCompliance" wide>
        <span
          className="key-figures__number"
          data-figure="slaCompliance"
          data-value={typeof sla === 'number' ? sla : undefined}
        >
          {formatPercent(sla)}
        </span>
      </Tile>
    </dl>
  );
}
