import { chinaClockTime, chinaDate, chinaDayNumber } from '../../api/contract/china-time';
import type { LabelPair } from './label-pair';

/** Where the live stream stands. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'stale';

/** The live link as the title bar shows it. */
export interface ConnectionState {
  status: ConnectionStatus;
  /** Epoch milliseconds the link was lost; null while it never was. */
  since: number | null;
}

/** `HH:MM:SS` of an instant in China time (UTC+8, no daylight saving). */
export function formatChinaTime(at: number): string {
  return chinaClockTime(at);
}

/** `MM-DD` of an instant in China time. */
function formatChinaDay(at: number): string {
  return chinaDate(at).slice(5);
}

const FIXED: Record<Exclude<ConnectionStatus, 'stale'>, LabelPair> = {
  connecting: { zh: '连接中…', en: 'Connecting…' },
  live: { zh: '实时', en: 'Live' },
  reconnecting: { zh: '重连中…', en: 'Reconnecting…' },
};

/**
 * The indicator's text at `now`. A stale screen says since when its data stands still (China
 * time; with the date when that was on an earlier day), so nobody mistakes it for live.
 */
export function describeConnection(state: ConnectionState, now: number): LabelPair {
  if (state.status !== 'stale') return FIXED[state.status];
  if (state.since === null) return { zh: '数据未更新', en: 'Stale' };
  const time = formatChinaTime(state.since);
  const at =
    chinaDayNumber(state.since) === chinaDayNumber(now)
      ? time
      : `${formatChinaDay(state.since)} ${time}`;
  return { zh: `数据停留于 ${at}`, en: `Stale since ${at}` };
}
