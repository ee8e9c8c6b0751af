import { describe, expect, it } from 'vitest';
import { buildCsv, csvCell, UTF8_BOM } from '../../../../web/domain/csv';

describe('buildCsv', () => {
  it('starts with the UTF-8 BOM and ends lines with CRLF', () => {
    const csv = buildCsv(['网格编码', '覆盖率'], [['370871001001001', '61.5%']]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toBe(`${UTF8_BOM}网格编码,覆盖率\r\n370871001001001,61.5%\r\n`);
  });

  it('encodes the BOM as EF BB BF in UTF-8, as Excel expects', () => {
    const bytes = new TextEncoder().encode(buildCsv(['a'], []));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('幼儿园、早餐点')).toBe('幼儿园、早餐点');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes numbers plainly and leaves nothing empty', () => {
    expect(csvCell(1234)).toBe('1234');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
});
