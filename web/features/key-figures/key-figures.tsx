import type { ReactNode } from 'react';
import type { Overview } from '../../../api/contract/stats';
import { formatCount } from '../../domain/format';
import {
  formatPercent,
  KEY_FIGURE_LABELS,
  type KeyFigureTile,
  type KeyFigureValues,
} from '../../domain/key-figures';
import { useLang } from '../../ui/lang';
import { TrendTable } from './figure-trends';
import './key-figures.css';

type NumberKey = Exclude<keyof KeyFigureValues, 'slaCompliance' | 'lifeCircle'>;

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
  tone?: 'alarm' | 'rate';
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

/** A share as a percent, with its key and raw value for browser tests. */
function Rate({
  name,
  share,
}: {
  name: 'slaCompliance' | 'lifeCircle';
  share: number | null | undefined;
}) {
  return (
    <span
      className="key-figures__number"
      data-figure={name}
      data-value={typeof share === 'number' ? share : undefined}
    >
      {formatPercent(share)}
    </span>
  );
}

/**
 * The left column's headline numbers: resources (grids, service points, members on duty,
 * cameras online); the incident table (open, reported today, closed today, each with ▲/▼
 * against yesterday and last week at the same time of day, from `baselines`); overdue and the
 * on-time rate; then the 15-minute life circle's coverage unless `hideLifeCircle` (the caller
 * may not see it). Overdue turns red when above zero. Every number carries `data-figure` and
 * its raw `data-value`.
 */
export function KeyFigures({
  figures,
  baselines,
  hideLifeCircle = false,
}: {
  figures: KeyFigureValues;
  baselines?: Overview['baselines'];
  hideLifeCircle?: boolean;
}) {
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
      <TrendTable figures={figures} baselines={baselines} />
      <Tile tile="overdue" tone={(figures.overdue ?? 0) > 0 ? 'alarm' : undefined}>
        <Figure name="overdue" value={figures.overdue} />
      </Tile>
      <Tile tile="slaCompliance" tone="rate">
        <Rate name="slaCompliance" share={figures.slaCompliance} />
      </Tile>
      {!hideLifeCircle && (
        <Tile tile="lifeCircle" wide tone="rate">
          <Rate name="lifeCircle" share={figures.lifeCircle} />
        </Tile>
      )}
    </dl>
  );
}
