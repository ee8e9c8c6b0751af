import type { LabelPair } from './label-pair';

/** Where the live stream stands. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'stale';

/** The live link as the title bar shows it. */
export interface ConnectionState {
  status: ConnectionStatus;
  /** Epoch milliseconds the link was lost; null while it never was. */
  since: number | null;
}

const SECOND_MS = 1_000;
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `HH:MM:SS` of an instant in China time (UTC+8, no daylight saving). */
export function formatChinaTime(at: number): string {
  const msOfDay = (((at + CHINA_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  const seconds = Math.floor(msOfDay / SECOND_MS);
  return `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
}

/** `MM-DD` of an instant in China time. */
function formatChinaDay(at: number): string {
  const local = new Date(at + CHINA_OFFSET_MS);
  return `${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`;
}

const chinaDayOf = (at: number) => Math.floor((at + CHINA_OFFSET_MS) / DAY_MS);

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
    chinaDayOf(state.since) === chinaDayOf(now) ? time : `${formatChinaDay(state.since)} ${time}`;
  return { zh: `数据停留于 ${at}`, en: `Stale since ${at}` };
}
