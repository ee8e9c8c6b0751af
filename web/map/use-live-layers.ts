import type { VectorTileSource } from 'maplibre-gl';
import { useEffect } from 'react';
import type { MapHandle } from './use-maplibre';

/** Stream topics whose events change a tile source of the style, by source id (the same name). */
const LIVE_SOURCES = ['incidents', 'members'] as const;
/** Reload changed sources at most this often: tiles are cheap, but not free on a wall screen. */
const RELOAD_MS = 3000;

declare global {
  interface Window {
    /** Live-stream counters, for browser tests and the curious operator. */
    yipingLive?: { events: number; reloads: number };
  }
}

/**
 * Keeps the map's live layers current: listens to the live stream (`/api/v1/stream`, Server-
 * Sent Events, which reconnect and resume by themselves) and, when incidents or members have
 * changed, reloads those tile sources with a new version parameter so cached tiles are not
 * reused.
 */
export function useLiveLayers(handle: MapHandle | null): void {
  useEffect(() => {
    if (!handle) return undefined;
    const { map } = handle;
    const counters = { events: 0, reloads: 0 };
    window.yipingLive = counters;
    const dirty = new Set<string>();
    const stream = new EventSource(`/api/v1/stream?topics=${LIVE_SOURCES.join(',')}`);
    const onEvent = (event: MessageEvent) => {
      counters.events += 1;
      dirty.add(event.type);
    };
    for (const topic of LIVE_SOURCES) stream.addEventListener(topic, onEvent);
    const timer = setInterval(() => {
      for (const id of dirty) {
        if (reloadSource(map.getSource<VectorTileSource>(id))) counters.reloads += 1;
      }
      dirty.clear();
    }, RELOAD_MS);
    return () => {
      stream.close();
      clearInterval(timer);
    };
  }, [handle]);
}

function reloadSource(source: VectorTileSource | undefined): boolean {
  if (!source?.tiles?.length) return false;
  const version = Date.now().toString(36);
  source.setTiles(source.tiles.map((url) => `${url.replace(/\?v=[0-9a-z]+$/, '')}?v=${version}`));
  return true;
}
