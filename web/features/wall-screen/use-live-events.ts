import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StreamEvent } from '../../../api/contract/stream';
import { useLiveStream } from '../../server-state/live-stream';
import type { ConnectionState } from '../../domain/connection';
import { alertFromEvent, type WallAlert } from '../../domain/wall-alerts';
import { playAlertTone } from '../alert-banner/alert-sound';

/** How long a new incident pulses on the map and stands out in the feed. */
const FRESH_MS = 60_000;
/** At most this many alerts are kept; older ones drop off. */
const MAX_ALERTS = 12;

/** What the live stream brings the wall screen beyond the query cache. */
export interface LiveEvents {
  connection: ConnectionState;
  /** Codes of incidents reported since the page opened, for the last minute. */
  fresh: ReadonlySet<string>;
  alerts: WallAlert[];
  dismiss: (id: string) => void;
}

/** How the wall wants its alerts. */
export interface AlertOptions {
  /** Play a tone with each alert. */
  sound: boolean;
  /** How long an alert stays up unless dismissed sooner. */
  alertMs: number;
  /** Hears every alert as it is raised (the kiosk tour queues urgent incidents). */
  onAlert: (alert: WallAlert) => void;
}

/**
 * Follows the live stream: marks newly reported incidents as fresh, raises alerts for events
 * that need an operator now (with a tone when `sound` is on) and lets them go after
 * `alertMs`, and after an outage refetches every query that failed meanwhile, so the screen
 * heals without a reload.
 */
export function useLiveEvents(
  places: ReadonlyMap<string, string>,
  { sound, alertMs, onAlert }: AlertOptions,
): LiveEvents {
  const client = useQueryClient();
  const [fresh, setFresh] = useState<ReadonlyMap<string, number>>(new Map());
  const [alerts, setAlerts] = useState<WallAlert[]>([]);
  const onEvent = (event: StreamEvent) => {
    if (event.topic !== 'incidents') return;
    if (event.type === 'report') {
      setFresh((current) => new Map(current).set(event.subject, Date.now()));
    }
    const place = places.get(event.streetCode) ?? event.streetCode;
    const alert = alertFromEvent(event, place);
    if (!alert) return;
    setAlerts((current) => [alert, ...current].slice(0, MAX_ALERTS));
    onAlert(alert);
    if (sound) playAlertTone();
  };
  const connection = useLiveStream(onEvent);

  useEffect(() => {
    const timer = setInterval(() => {
      const now = Date.now();
      setFresh((current) => {
        const kept = [...current].filter(([, at]) => now - at < FRESH_MS);
        return kept.length === current.size ? current : new Map(kept);
      });
      setAlerts((current) => {
        const kept = current.filter((a) => now - a.at < alertMs);
        return kept.length === current.length ? current : kept;
      });
    }, 1_000);
    return () => clearInterval(timer);
  }, [alertMs]);

  const wasLost = useRef(false);
  useEffect(() => {
    if (connection.status !== 'live') wasLost.current = true;
    else if (wasLost.current) {
      wasLost.current = false;
      void client.refetchQueries({ predicate: (q) => q.state.status === 'error' });
    }
  }, [connection.status, client]);

  const dismiss = useCallback(
    (id: string) => setAlerts((current) => current.filter((a) => a.id !== id)),
    [],
  );
  const freshCodes = useMemo(() => new Set(fresh.keys()), [fresh]);
  return { connection, fresh: freshCodes, alerts, dismiss };
}
