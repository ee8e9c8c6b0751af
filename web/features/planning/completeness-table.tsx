import { useState } from 'react';
import type { Completeness, CompletenessRow } from '../../../api/contract/analysis';
import { LIFE_CIRCLES, type LifeCircle } from '../../../api/contract/life-circle';
import { formatCount } from '../../domain/format';
import { CIRCLE_LABELS } from '../../domain/life-circle-labels';
import {
  describeMissing,
  percentText,
  type SortDirection,
  sortCompleteness,
} from '../../domain/planning-tables';
import { useLang } from '../../ui/lang';
import { PLANNING_TEXT } from './planning-text';
import { TableHead } from './table-head';

/** Props of {@link CompletenessTable}. */
export interface CompletenessTableProps {
  completeness: Completeness | undefined;
  circle: LifeCircle | 'all';
  onCircle: (circle: LifeCircle | 'all') => void;
}

/** Which circle's basic categories count: one of the three, or all of them. */
function CircleChoice({ circle, onCircle }: Omit<CompletenessTableProps, 'completeness'>) {
  const { t } = useLang();
  return (
    <label className="planning__field planning__field--inline">
      <span className="planning__label">{t(PLANNING_TEXT.completeness)}</span>
      <select
        data-control="circle"
        value={circle}
        onChange={(e) => onCircle(e.target.value as LifeCircle | 'all')}
      >
        <option value="all">{t(PLANNING_TEXT.allCircles)}</option>
        {LIFE_CIRCLES.map((c) => (
          <option key={c} value={c}>
            {t(CIRCLE_LABELS[c])}
          </option>
        ))}
      </select>
    </label>
  );
}

function CompletenessLine({ row }: { row: CompletenessRow }) {
  const { t, lang } = useLang();
  return (
    <tr data-row={row.code} data-share={row.share}>
      <td>{row.name}</td>
      <td className="planning__num">{formatCount(row.population)}</td>
      <td className="planning__num">{percentText(row.share)}</td>
      <td className="planning__missing">
        {row.missing.length ? describeMissing(row.missing, lang) : t(PLANNING_TEXT.none)}
      </td>
    </tr>
  );
}

/**
 * Completeness per community (完整居住社区): the share of residents reaching every basic
 * category of the chosen circle (or of all three), sortable by that share, with the basic
 * categories fewer than half of them reach, in the screen's language.
 */
export function CompletenessTable({ completeness, circle, onCircle }: CompletenessTableProps) {
  const { t } = useLang();
  const [direction, setDirection] = useState<SortDirection>('asc');
  const rows = completeness ? sortCompleteness(completeness.rows, direction) : [];
  const flip = () => setDirection(direction === 'asc' ? 'desc' : 'asc');
  const sortButton = (
    <button type="button" className="planning__sort" data-sort="share" onClick={flip}>
      {t(PLANNING_TEXT.share)} {direction === 'asc' ? '↑' : '↓'}
    </button>
  );
  const sort = direction === 'asc' ? 'ascending' : 'descending';
  return (
    <div className="planning__table-wrap" data-panel="completeness">
      <CircleChoice circle={circle} onCircle={onCircle} />
      {completeness && (
        <p className="planning__summary" data-completeness-share={completeness.share}>
          {formatCount(completeness.complete)} / {formatCount(completeness.population)} ·{' '}
          {percentText(completeness.share)}
        </p>
      )}
      <table className="planning__table" data-table="completeness">
        <TableHead
          columns={[
            { label: PLANNING_TEXT.name },
            { label: PLANNING_TEXT.residents, numeric: true },
            { label: sortButton, numeric: true, sort },
            { label: PLANNING_TEXT.missing },
          ]}
        />
        <tbody>
          {rows.map((row) => (
            <CompletenessLine key={row.code} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
