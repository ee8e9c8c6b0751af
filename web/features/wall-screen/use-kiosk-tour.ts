import { useEffect, useState } from 'react';
import type { Bounds } from '../../domain/geometry';
import type { WallAlert } from '../../domain/wall-alerts';
import type { IncidentPoint } from '../../domain/wall-data';
import type { MapFocus } from '../../map/use-map-focus';

/** Zoom the kiosk flies to for an urgent incident: a few blocks around it. */
const ALERT_ZOOM = 16;

/** A stop of the tour: the whole district first, then each street. */
export interface TourStop {
  code: string;
  bounds: Bounds;
}

/**
 * Kiosk mode's camera: a slow tour over `stops`, `dwellMs` on each; an urgent new incident
 * interrupts it (the map flies there and stays a dwell), then the tour goes on. Returns the
 * focus to show, or null when the kiosk is off.
 */
export function useKioskTour(
  enabled: boolean,
  stops: readonly TourStop[],
  dwellMs: number,
  alert: WallAlert | null,
  incidents: readonly IncidentPoint[],
): MapFocus | null {
  // The tour's position, and the last alert it has shown and moved past.
  const [tick, setTick] = useState<{ step: number; passed: string | null }>({
    step: 0,
    passed: null,
  });
  const alertId = alert?.kind === 'new_urgent' ? alert.id : null;

  // A new urgent alert restarts the dwell, so the map stays on it a whole dwell.
  useEffect(() => {
    if (!enabled || stops.length === 0) return undefined;
    const timer = setInterval(() => {
      setTick((t) => ({ step: t.step + 1, passed: alertId }));
    }, dwellMs);
    return () => clearInterval(timer);
  }, [enabled, stops.length, dwellMs, alertId]);

  const incident =
    alertId !== null && alertId !== tick.passed
      ? incidents.find((i) => i.code === alert?.code)
      : undefined;
  if (!enabled || stops.length === 0) return null;
  if (incident) {
    return { key: `alert-${alertId}`, center: [incident.lng, incident.lat], zoom: ALERT_ZOOM };
  }
  const stop = stops[tick.step % stops.length] as TourStop;
  return { key: `tour-${tick.step}-${stop.code}`, bounds: stop.bounds };
}
