import { useCallback, useSyncExternalStore } from 'react';

const TICK_MS = 250;

/** Whole seconds from `now` until `until` (epoch ms), never negative. */
export function secondsUntil(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1_000));
}

function subscribeToTicks(onTick: () => void): () => void {
  const timer = setInterval(onTick, TICK_MS);
  return () => clearInterval(timer);
}

const ignoreTicks = () => () => undefined;

/**
 * A live countdown to `until` (epoch ms) in whole seconds; null when there is nothing to wait
 * for. Re-renders once a second while counting, not at all otherwise.
 */
export function useSecondsLeft(until: number | null): number | null {
  const getSnapshot = useCallback(
    () => (until === null ? null : secondsUntil(until, Date.now())),
    [until],
  );
  return useSyncExternalStore(until === null ? ignoreTicks : subscribeToTicks, getSnapshot);
}
