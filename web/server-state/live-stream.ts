import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import { IncidentDetailSchema } from '../../api/contract/incident-records';
import { type StreamEvent, StreamEventSchema } from '../../api/contract/stream';
import type { ConnectionState } from '../domain/connection';
import {
  applyIncidentEvent,
  applyMemberEvent,
  extendTrails,
  incidentPointOf,
  upsertIncident,
} from '../domain/live-updates';
import type { IncidentPoint, LngLat, MemberPoint } from '../domain/wall-data';
import { recheckSession } from './auth';
import { fetchJson } from './http';
import { queryKeys } from './query-keys';

const TOPICS = ['incidents', 'members', 'cameras'] as const;
/** After this long without a connection the screen says its data are stale. */
const STALE_AFTER_MS = 30_000;
/** First and longest wait before opening a failed stream again. */
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 10_000;
/** The overview is recomputed at most this often while incidents change. */
const OVERVIEW_THROTTLE_MS = 5_000;

declare global {
  interface Window {
    /** Live-stream counters, for browser tests and the curious operator. */
    yipingLive?: { events: number; lastSeq: number; opens: number };
  }
}

/** Writes one stream event into the query cache: incidents, members and their trails. */
export async function applyStreamEvent(client: QueryClient, event: StreamEvent): Promise<void> {
  if (event.topic === 'members') {
    client.setQueryData<MemberPoint[]>(queryKeys.wallLayer('members'), (members) =>
      members ? (applyMemberEvent(members, event) ?? members) : members,
    );
    client.setQueryData<ReadonlyMap<string, LngLat[]>>(queryKeys.memberTrails(), (trails) =>
      extendTrails(trails ?? new Map(), event),
    );
    return;
  }
  if (event.topic !== 'incidents') return;
  const lists = client.getQueriesData<IncidentPoint[]>({ queryKey: queryKeys.wallIncidents() });
  let missing = false;
  for (const [key, list] of lists) {
    if (!list) continue;
    const next = applyIncidentEvent(list, event);
    if (next) client.setQueryData(key, next);
    else missing = true;
  }
  if (!missing) return;
  const detail = IncidentDetailSchema.parse(
    await fetchJson(`/api/v1/incidents/${encodeURIComponent(event.subject)}`),
  );
  const point = incidentPointOf(detail);
  for (const [key] of lists) {
    client.setQueryData<IncidentPoint[]>(key, (list) =>
      list ? upsertIncident(list, point) : list,
    );
  }
}

/**
 * Follows the live stream (`/api/v1/stream`, Server-Sent Events) while mounted: every event is
 * written into the query cache, then handed to `onEvent` (alerts, pulses). The browser
 * reconnects by itself after a dropped connection, resuming with `Last-Event-ID`; when it gives
 * up (the server answered an error while restarting), the stream is opened again with
 * `?lastEventId=`, so nothing is missed either way — after asking `me` again, since a stream
 * also ends when its session is revoked. Returns the connection's state.
 */
export function useLiveStream(onEvent: (event: StreamEvent) => void): ConnectionState {
  const client = useQueryClient();
  const [state, setState] = useState<ConnectionState>({ status: 'connecting', since: null });
  const handOn = useEffectEvent(onEvent);
  useEffect(() => {
    const live = { events: 0, lastSeq: 0, opens: 0 };
    window.yipingLive = live;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let retryMs = RETRY_MIN_MS;
    let lostAt: number | null = null;
    let queue = Promise.resolve();
    const overview = throttle(() => {
      void client.invalidateQueries({ queryKey: ['stats', 'overview'] });
    }, OVERVIEW_THROTTLE_MS);
    const staleTimer = setInterval(() => {
      if (lostAt !== null && Date.now() - lostAt > STALE_AFTER_MS) {
        setState({ status: 'stale', since: lostAt });
      }
    }, 1_000);

    const onMessage = (message: MessageEvent<string>) => {
      const event = StreamEventSchema.parse(JSON.parse(message.data));
      live.events += 1;
      live.lastSeq = Math.max(live.lastSeq, event.seq);
      // One at a time, in order: a report's fetch must land before the events that follow it.
      queue = queue
        .then(() => applyStreamEvent(client, event))
        .catch(() => void client.invalidateQueries({ queryKey: queryKeys.wallIncidents() }))
        .then(() => {
          if (event.topic === 'incidents') overview();
          handOn(event);
        });
    };
    const open = () => {
      const params = new URLSearchParams({ topics: TOPICS.join(',') });
      if (live.lastSeq > 0) params.set('lastEventId', String(live.lastSeq));
      source = new EventSource(`/api/v1/stream?${params.toString()}`);
      live.opens += 1;
      for (const topic of TOPICS) source.addEventListener(topic, onMessage);
      source.onopen = () => {
        if (lostAt !== null) overview();
        lostAt = null;
        retryMs = RETRY_MIN_MS;
        setState({ status: 'live', since: null });
      };
      source.onerror = () => {
        if (lostAt === null) {
          lostAt = Date.now();
          setState({ status: 'reconnecting', since: lostAt });
        }
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        // The server refused the stream: if the session was revoked or expired (a 401, which
        // EventSource does not show), asking `me` again brings the log-in page at once.
        void recheckSession(client);
        retryTimer = setTimeout(open, retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      };
    };
    open();
    return () => {
      source?.close();
      clearTimeout(retryTimer);
      clearInterval(staleTimer);
      if (window.yipingLive === live) delete window.yipingLive;
    };
  }, [client]);
  return state;
}

function throttle(run: () => void, ms: number): () => void {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    const wait = last + ms - Date.now();
    if (wait <= 0) {
      last = Date.now();
      run();
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = undefined;
        last = Date.now();
        run();
      }, wait);
    }
  };
}
