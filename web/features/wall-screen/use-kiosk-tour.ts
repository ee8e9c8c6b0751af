import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AdminLevel } from '../../../api/contract/codes';
import type { Bounds } from '../../domain/geometry';
import {
  KIOSK_QUEUE_LIMIT,
  type KioskTourConfig,
  type KioskTourState,
  type KioskView,
  type VisitStatus,
  startKioskTour,
  stepKioskTour,
  tourStopsOf,
} from '../../domain/kiosk-tour';
import { URGENT_SEVERITIES, type WallAlert } from '../../domain/wall-alerts';
import { type IncidentPoint, isOpen } from '../../domain/wall-data';
import { zoomForScreen } from '../../map/screen-scale';
import type { MapFocus } from '../../map/use-map-focus';

/** Zoom the kiosk flies to for an urgent incident: a few blocks around it (at 1080p). */
const VISIT_ZOOM = 16;
/** How often the tour looks at the clock; steps change on the first look after their dwell. */
const TICK_MS = 1_000;

/** A stop of the tour: the whole district first, then each street. */
export interface TourStop {
  code: string;
  bounds: Bounds;
}

declare global {
  interface Window {
    /** The kiosk tour's state, for browser tests and the operator setting up a wall. */
    yipingKiosk?: { step: number; view: KioskView; queue: string[] };
  }
}

/** What the wall screen hands the kiosk tour. */
export interface KioskTourOptions {
  enabled: boolean;
  dwellMs: number;
  gapSteps: number;
}

/** The tour's camera, and the door through which urgent alerts join its queue. */
export interface KioskTour {
  /** Where the map should be, or null when the kiosk is off. */
  focus: MapFocus | null;
  /** Queues the incident behind a new high or critical report. */
  report: (alert: WallAlert) => void;
}

function focusOf(
  state: KioskTourState,
  stops: readonly TourStop[],
  incidents: readonly IncidentPoint[],
): MapFocus | null {
  const key = `kiosk-${state.step}`;
  if (state.view.kind === 'stop') {
    const stop = stops[state.view.stop];
    return stop ? { key, bounds: stop.bounds } : null;
  }
  const { code } = state.view;
  const incident = incidents.find((i) => i.code === code);
  if (!incident) return null;
  return { key, center: [incident.lng, incident.lat], zoom: zoomForScreen(VISIT_ZOOM) };
}

/**
 * Kiosk mode's camera, driven by the pure rules of `domain/kiosk-tour.ts`: the district, each
 * street of `places`, the district again, `dwellMs` each; new high and critical incidents wait in a short
 * queue and are visited one at a time, at most once every `gapSteps` tour steps, skipping any
 * that were closed meanwhile.
 */
export function useKioskTour(
  { enabled, dwellMs, gapSteps }: KioskTourOptions,
  places: readonly (TourStop & { level: AdminLevel })[],
  incidents: readonly IncidentPoint[],
): KioskTour {
  const stops = useMemo(() => tourStopsOf(places), [places]);
  const config: KioskTourConfig = {
    stopCount: stops.length,
    dwellMs,
    gapSteps,
    queueLimit: KIOSK_QUEUE_LIMIT,
  };
  const configRef = useRef(config);
  const incidentsRef = useRef(incidents);
  useEffect(() => {
    configRef.current = config;
    incidentsRef.current = incidents;
  });
  const [state, setState] = useState(() => startKioskTour(config, Date.now()));
  const running = enabled && stops.length > 0;

  useEffect(() => {
    if (!running) return undefined;
    setState(startKioskTour(configRef.current, Date.now()));
    const statusOf = (code: string): VisitStatus => {
      const incident = incidentsRef.current.find((i) => i.code === code);
      if (!incident) return 'unknown';
      return isOpen(incident) ? 'open' : 'finished';
    };
    const timer = setInterval(() => {
      const tick = { type: 'tick', now: Date.now(), statusOf } as const;
      setState((current) => stepKioskTour(current, tick, configRef.current));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [running, stops.length]);

  useEffect(() => {
    if (!running) return undefined;
    const { step, view, queue } = state;
    window.yipingKiosk = { step, view, queue: queue.map((q) => q.code) };
    return () => void delete window.yipingKiosk;
  }, [running, state]);

  const report = useCallback((alert: WallAlert) => {
    if (alert.kind !== 'new_urgent' || !URGENT_SEVERITIES.includes(alert.severity)) return;
    const incident = { code: alert.code, severity: alert.severity, at: alert.at };
    setState((current) => stepKioskTour(current, { type: 'report', incident }, configRef.current));
  }, []);

  return { focus: running ? focusOf(state, stops, incidents) : null, report };
}
