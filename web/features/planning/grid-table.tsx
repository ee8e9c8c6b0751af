import { useState } from 'react';
import { formatCount } from '../../domain/format';
import type { LabelPair } from '../../domain/label-pair';
import {
  type GridSortKey,
  type GridTableRow,
  percentText,
  sortGridRows,
} from '../../domain/planning-tables';
import { useLang } from '../../ui/lang';
import { fill, PLANNING_TEXT } from './planning-text';
import { type Column, TableHead } from './table-head';

/** Rows shown on screen and in print; the CSV export has every grid. */
export const GRID_ROWS_SHOWN = 40;

const SORTS: { key: GridSortKey; label: LabelPair }[] = [
  { key: 'uncovered', label: PLANNING_TEXT.uncovered },
  { key: 'share', label: PLANNING_TEXT.share },
  { key: 'demands', label: PLANNING_TEXT.demands },
];

const COLUMNS: Column[] = [
  { label: PLANNING_TEXT.gridCode },
  { label: PLANNING_TEXT.residents, numeric: true },
  { label: PLANNING_TEXT.uncovered, numeric: true },
  { label: PLANNING_TEXT.share, numeric: true },
  { label: PLANNING_TEXT.demands, numeric: true },
];

/** The sort choice: most uncovered residents, lowest share, or most demands first. */
function SortChoice({ sort, onSort }: { sort: GridSortKey; onSort: (key: GridSortKey) => void }) {
  const { t } = useLang();
  return (
    <div
      className="planning__field planning__field--inline"
      role="radiogroup"
      aria-label={t(PLANNING_TEXT.sortBy)}
    >
      <span className="planning__label">{t(PLANNING_TEXT.sortBy)}</span>
      {SORTS.map((s) => (
        <button
          key={s.key}
          type="button"
          role="radio"
          aria-checked={s.key === sort}
          className="planning__chip"
          data-sort={s.key}
          onClick={() => onSort(s.key)}
        >
          {t(s.label)}
        </button>
      ))}
    </div>
  );
}

function GridRow({ row }: { row: GridTableRow }) {
  return (
    <tr data-row={row.code}>
      <td className="planning__code">{row.code}</td>
      <td className="planning__num">{formatCount(row.population)}</td>
      <td className="planning__num">{formatCount(row.uncovered)}</td>
      <td className="planning__num">{percentText(row.share)}</td>
      <td className="planning__num">
        {formatCount(row.demands)}
        {row.open > 0 && <span className="planning__open"> ({formatCount(row.open)})</span>}
      </td>
    </tr>
  );
}

/**
 * Coverage gaps per grid beside residents' demands (民生诉求, 发现 → 汇总): the grids with the
 * most residents out of reach first (or lowest share, or most demands).
 */
export function GridTable({ rows }: { rows: readonly GridTableRow[] }) {
  const { t } = useLang();
  const [sort, setSort] = useState<GridSortKey>('uncovered');
  const sorted = sortGridRows(rows, sort).slice(0, GRID_ROWS_SHOWN);
  return (
    <div className="planning__table-wrap" data-panel="grids">
      <SortChoice sort={sort} onSort={setSort} />
      <p className="planning__hint">
        {t(PLANNING_TEXT.demandsHint)} · {fill(t(PLANNING_TEXT.topRows), { n: GRID_ROWS_SHOWN })}
      </p>
      <table className="planning__table" data-table="grids">
        <TableHead columns={COLUMNS} />
        <tbody>
          {sorted.map((row) => (
            <GridRow key={row.code} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
