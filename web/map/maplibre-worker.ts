import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/**
 * maplibre-gl 6 is ESM-only and locates its worker relative to its own module URL, which
 * bundling breaks; point it at the worker file Vite emits instead. Call once before any map.
 */
export function configureMapLibreWorker(): void {
  setWorkerUrl(workerUrl);
}
