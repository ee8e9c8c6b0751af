const countFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** Formats a count for display with Chinese digit grouping (1,964). */
export function formatCount(value: number): string {
  return countFormat.format(value);
}
