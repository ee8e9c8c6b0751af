import type { DutyStreet } from '../../../api/contract/stats';
import type { LabelPair } from '../../domain/label-pair';

/** Lines the card has room for below its heading (1 rem text in the 13.5 rem strip). */
export const DUTY_LINES = 6;

/** Leaders' names shown in a street's row before the rest are counted. */
export const NAMES_SHOWN = 1;

/** Leaders' names listed under a lone street's row (three lines of the card). */
export const NAMES_LISTED = 12;

/** What the card shows: a total line when there are several streets, streets, and how many more. */
export interface DutyLayout {
  total: DutyStreet | null;
  streets: DutyStreet[];
  /** Streets left out for want of room. */
  more: number;
}

/** The sum of every street's roster: the scope's total line. */
export function totalRoster(streets: readonly DutyStreet[]): DutyStreet {
  const sum = (pick: (s: DutyStreet) => number) => streets.reduce((n, s) => n + pick(s), 0);
  return {
    code: 'total',
    name: '',
    leaders: {
      onDuty: sum((s) => s.leaders.onDuty),
      total: sum((s) => s.leaders.total),
      names: streets.flatMap((s) => s.leaders.names),
    },
    members: { onDuty: sum((s) => s.members.onDuty), total: sum((s) => s.members.total) },
  };
}

/**
 * Fits the roster into `lines`: one street alone; several under their total; when they do not
 * all fit, as many as fit with one line saying how many more.
 */
export function layoutRoster(streets: readonly DutyStreet[], lines = DUTY_LINES): DutyLayout {
  if (streets.length <= 1) return { total: null, streets: [...streets], more: 0 };
  const room = lines - 1;
  const fits = streets.length <= room;
  const shown = fits ? streets.length : room - 1;
  return {
    total: totalRoster(streets),
    streets: streets.slice(0, shown),
    more: streets.length - shown,
  };
}

/** The first leaders' names and how many others (`张伟、李娜 等5人`, `Zhang Wei, Li Na +3`). */
export function leaderNames(names: readonly string[], shown = NAMES_SHOWN): LabelPair {
  if (names.length === 0) return { zh: '—', en: '—' };
  const first = names.slice(0, shown);
  if (names.length <= shown) return { zh: first.join('、'), en: first.join(', ') };
  return {
    zh: `${first.join('、')} 等${names.length}人`,
    en: `${first.join(', ')} +${names.length - shown}`,
  };
}
