import { chinaDateParts } from '../../../api/contract/china-time';
import type { LabelPair } from '../../domain/label-pair';

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** The date of an instant in China (UTC+8) with its weekday: `2025年6月1日 星期日` / `Sun 1 Jun 2025`. */
export function describeChinaDate(at: number): LabelPair {
  const { year, month, day, weekday } = chinaDateParts(at);
  return {
    zh: `${year}年${month}月${day}日 星期${WEEKDAYS_ZH[weekday]}`,
    en: `${WEEKDAYS_EN[weekday]} ${day} ${MONTHS_EN[month - 1]} ${year}`,
  };
}
