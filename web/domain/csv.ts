/** The UTF-8 byte-order mark: without it Excel reads a CSV file as the local ANSI code page. */
export const UTF8_BOM = '\uFEFF';

/** A CSV cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/** Quotes a cell when it holds a comma, a quote, a line break or leading/trailing space. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV document (RFC 4180: CRLF line ends, quoted cells) that starts with the UTF-8 BOM, so
 * Excel on a Chinese Windows shows 网格 and 社区 instead of mojibake.
 */
export function buildCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
