import type { LabelPair } from './label-pair';
import type { StatusFilter, TimeWindow } from './wall-filter';

export const WINDOW_LABELS: Record<TimeWindow, LabelPair> = {
  today: { zh: '今日', en: 'Today' },
  '24h': { zh: '近24小时', en: 'Last 24 h' },
  '7d': { zh: '近7天', en: 'Last 7 days' },
  '30d': { zh: '近30天', en: 'Last 30 days' },
};

export const STATUS_FILTER_LABELS: Record<StatusFilter, LabelPair> = {
  all: { zh: '全部状态', en: 'All statuses' },
  open: { zh: '未办结', en: 'Open' },
  overdue: { zh: '超时', en: 'Overdue' },
  closed: { zh: '已办结', en: 'Finished' },
};

export const WHOLE_SCOPE: LabelPair = { zh: '全区', en: 'Whole district' };
export const ALL_CATEGORIES: LabelPair = { zh: '全部类别', en: 'All categories' };
