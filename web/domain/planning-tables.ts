import type { ServiceCategory } from '../../api/contract/codes';
import type { CompletenessRow, Coverage, Demands } from '../../api/contract/analysis';
import { buildCsv } from './csv';
import type { LabelPair } from './label-pair';
import { SERVICE_CATEGORY_LABELS } from './labels';

/** A grid's line in the planner's table: coverage of the chosen category beside demands. */
export interface GridTableRow {
  code: string;
  population: number;
  covered: number;
  uncovered: number;
  share: number;
  /** Residents' demand incidents in the window (发现), and how many are still open. */
  demands: number;
  open: number;
}

/** Joins the coverage per grid with the residents' demands per grid (0 where none). */
export function gridTableRows(
  byGrid: Coverage['byGrid'],
  demands: Demands | undefined,
): GridTableRow[] {
  const demandOf = new Map((demands?.rows ?? []).map((row) => [row.gridCode, row]));
  return byGrid.map((grid) => ({
    code: grid.code,
    population: grid.population,
    covered: grid.covered,
    uncovered: grid.population - grid.covered,
    share: grid.share,
    demands: demandOf.get(grid.code)?.demands ?? 0,
    open: demandOf.get(grid.code)?.open ?? 0,
  }));
}

/** Sort keys of the grid table. */
export type GridSortKey = 'uncovered' | 'share' | 'demands';

/**
 * Grids ordered for attention: by most uncovered residents, lowest share or most demands;
 * ties by code, so the order is stable.
 */
export function sortGridRows(rows: readonly GridTableRow[], key: GridSortKey): GridTableRow[] {
  const value = (row: GridTableRow) => (key === 'share' ? row.share : -row[key]);
  return [...rows].sort((a, b) => value(a) - value(b) || a.code.localeCompare(b.code));
}

/** Sort order of the completeness table by share. */
export type SortDirection = 'asc' | 'desc';

/** Communities (or grids) by completeness share, ties by code. */
export function sortCompleteness(
  rows: readonly CompletenessRow[],
  direction: SortDirection,
): CompletenessRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (a.share - b.share) || a.code.localeCompare(b.code));
}

/** Missing basic categories as the planner reads them: 幼儿园、早餐点 (English: comma list). */
export function describeMissing(missing: readonly ServiceCategory[], lang: 'zh' | 'en'): string {
  const names = missing.map((category) => SERVICE_CATEGORY_LABELS[category][lang]);
  return names.join(lang === 'zh' ? '、' : ', ');
}

/** A share as a percent with one decimal, for tables and CSV. */
export function percentText(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

const GRID_HEADER: LabelPair[] = [
  { zh: '网格编码', en: 'Grid code' },
  { zh: '常住人口', en: 'Residents' },
  { zh: '可达人口', en: 'Covered' },
  { zh: '未覆盖人口', en: 'Uncovered' },
  { zh: '覆盖率', en: 'Share' },
  { zh: '民生诉求', en: 'Demands' },
  { zh: '未办结诉求', en: 'Open demands' },
];

/** The per-grid table as CSV (with the BOM), headers in the chosen language. */
export function gridTableCsv(rows: readonly GridTableRow[], lang: 'zh' | 'en'): string {
  return buildCsv(
    GRID_HEADER.map((h) => h[lang]),
    rows.map((r) => [
      r.code,
      r.population,
      r.covered,
      r.uncovered,
      percentText(r.share),
      r.demands,
      r.open,
    ]),
  );
}

const COMPLETENESS_HEADER: LabelPair[] = [
  { zh: '编码', en: 'Code' },
  { zh: '名称', en: 'Name' },
  { zh: '常住人口', en: 'Residents' },
  { zh: '全部可达人口', en: 'Reaching all basic' },
  { zh: '完整度', en: 'Completeness' },
  { zh: '缺项', en: 'Missing' },
];

/**
 * The completeness table as CSV: one column per basic category (share of residents within its
 * circle's distance) after the totals, and the missing categories spelled out.
 */
export function completenessCsv(
  rows: readonly CompletenessRow[],
  basicCategories: readonly ServiceCategory[],
  lang: 'zh' | 'en',
): string {
  const header = [
    ...COMPLETENESS_HEADER.map((h) => h[lang]),
    ...basicCategories.map((c) => SERVICE_CATEGORY_LABELS[c][lang]),
  ];
  return buildCsv(
    header,
    rows.map((r) => [
      r.code,
      r.name,
      r.population,
      r.complete,
      percentText(r.share),
      describeMissing(r.missing, lang),
      ...basicCategories.map((c) => {
        const share = r.categories[c];
        return share === undefined ? null : percentText(share);
      }),
    ]),
  );
}
