import { describe, expect, it } from 'vitest';
import type { CompletenessRow, Coverage, Demands } from '../../../../api/contract/analysis';
import { UTF8_BOM } from '../../../../web/domain/csv';
import {
  completenessCsv,
  describeMissing,
  gridTableCsv,
  gridTableRows,
  sortCompleteness,
  sortGridRows,
} from '../../../../web/domain/planning-tables';

const byGrid: Coverage['byGrid'] = [
  { code: 'G1', population: 1000, covered: 900, share: 0.9 },
  { code: 'G2', population: 800, covered: 200, share: 0.25 },
  { code: 'G3', population: 0, covered: 0, share: 1 },
];
const demands: Demands = {
  days: 90,
  categories: ['livelihood'],
  rows: [{ gridCode: 'G1', demands: 7, open: 2 }],
};

const row = (
  code: string,
  share: number,
  missing: CompletenessRow['missing'],
): CompletenessRow => ({
  code,
  name: `社区${code}`,
  population: 100,
  complete: Math.round(share * 100),
  share,
  categories: { kindergarten: share, breakfast: 1 },
  missing,
});

describe('gridTableRows', () => {
  it('joins coverage with demands, zero where a grid has none', () => {
    const rows = gridTableRows(byGrid, demands);
    expect(rows[0]).toMatchObject({ code: 'G1', uncovered: 100, demands: 7, open: 2 });
    expect(rows[1]).toMatchObject({ code: 'G2', uncovered: 600, demands: 0, open: 0 });
  });
});

describe('sortGridRows', () => {
  it('puts the most uncovered, the lowest share or the most demands first', () => {
    const rows = gridTableRows(byGrid, demands);
    expect(sortGridRows(rows, 'uncovered').map((r) => r.code)).toEqual(['G2', 'G1', 'G3']);
    expect(sortGridRows(rows, 'share').map((r) => r.code)).toEqual(['G2', 'G1', 'G3']);
    expect(sortGridRows(rows, 'demands').map((r) => r.code)).toEqual(['G1', 'G2', 'G3']);
  });
});

describe('sortCompleteness', () => {
  it('sorts by share either way, ties by code', () => {
    const rows = [row('B', 0.5, []), row('A', 0.5, []), row('C', 0.1, ['kindergarten'])];
    expect(sortCompleteness(rows, 'asc').map((r) => r.code)).toEqual(['C', 'A', 'B']);
    expect(sortCompleteness(rows, 'desc').map((r) => r.code)).toEqual(['A', 'B', 'C']);
  });
});

describe('describeMissing', () => {
  it('names the categories in Chinese with 、 or in English with commas', () => {
    expect(describeMissing(['kindergarten', 'breakfast'], 'zh')).toBe('幼儿园、早餐点');
    expect(describeMissing(['kindergarten', 'breakfast'], 'en')).toBe('Kindergarten, Breakfast');
  });
});

describe('CSV exports', () => {
  it('writes the grid table with the BOM and Chinese headers', () => {
    const csv = gridTableCsv(gridTableRows(byGrid, demands), 'zh');
    const [header, first] = csv.slice(UTF8_BOM.length).split('\r\n');
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(header).toBe('网格编码,常住人口,可达人口,未覆盖人口,覆盖率,民生诉求,未办结诉求');
    expect(first).toBe('G1,1000,900,100,90.0%,7,2');
  });

  it('writes the completeness table with one column per basic category', () => {
    const csv = completenessCsv(
      [row('C', 0.1, ['kindergarten'])],
      ['kindergarten', 'breakfast'],
      'zh',
    );
    const [header, first] = csv.slice(UTF8_BOM.length).split('\r\n');
    expect(header).toBe('编码,名称,常住人口,全部可达人口,完整度,缺项,幼儿园,早餐点');
    expect(first).toBe('C,社区C,100,10,10.0%,幼儿园,10.0%,100.0%');
  });

  it('follows the language for headers', () => {
    const csv = gridTableCsv([], 'en');
    expect(csv).toContain('Grid code,Residents,Covered');
  });
});
